#pragma once

#include "core/Result.h"
#include "receipt/MonochromeImage.h"
#include "receipt/ReceiptOptions.h"

#include <QByteArray>

class QImage;

namespace ow::drivers::receipt {

/// Builds ESC/POS byte streams for thermal receipt printers. Only the commands every ESC/POS
/// printer understands are used; text (CJK above all) is sent as a raster image, which prints the
/// same on every printer whatever code page or font it has.
class EscPosEncoder
{
public:
    static constexpr char kEsc = 0x1B;
    static constexpr char kGs = 0x1D;
    static constexpr int kMaxBandRows = 4095; ///< the limit of yL yH in GS v 0

    /// ESC @: clears settings left by an earlier job.
    EscPosEncoder &initialize();
    /// ESC a n.
    EscPosEncoder &align(Alignment alignment);
    /// GS v 0 m xL xH yL yH d…: one command per band of at most `bandRows` rows (clamped to
    /// 1…4095), each a complete raster of its own.
    EscPosEncoder &rasterImage(const MonochromeImage &image, int bandRows = 255);
    /// ESC d n: prints the buffer and feeds n lines (n clamped to 0…255).
    EscPosEncoder &feedLines(int lines);
    /// GS V m: 0 full cut, 1 partial cut; nothing for CutMode::None.
    EscPosEncoder &cut(CutMode mode);

    const QByteArray &bytes() const { return m_bytes; }

    /// A whole receipt: init, align, the image in bands, feed, cut. Fails when the image is empty or
    /// wider than the paper (it is not scaled: the layout is the caller's, at the printer's dots).
    static Result<QByteArray> encodeReceipt(const QImage &image, const ReceiptOptions &options);
    static Result<QByteArray> encodeReceipt(const MonochromeImage &image, const ReceiptOptions &options);

private:
    QByteArray m_bytes;
};

} // namespace ow::drivers::receipt
