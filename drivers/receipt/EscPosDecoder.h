#pragma once

#include "core/Result.h"
#include "receipt/ReceiptOptions.h"

#include <QByteArray>
#include <QImage>
#include <QList>

namespace ow::drivers::receipt {

/// One piece of paper as a printer would give it out.
struct PrintedReceipt
{
    QImage paper; ///< Format_Grayscale8, the paper's width in dots
    CutMode cut = CutMode::None; ///< how it was cut off; None for a job that ends without a cut
};

/// Plays ESC/POS bytes back onto simulated paper: the subset EscPosEncoder writes (ESC @, ESC a,
/// GS v 0, ESC d, LF, GS V). Anything else is reported, so a test notices a command it did not
/// expect. For the simulator, previews and golden tests.
class EscPosDecoder
{
public:
    /// Dots a line feed advances: about the default line spacing of common printers. Only the
    /// simulated paper depends on it.
    static constexpr int kLineDots = 30;

    static Result<QList<PrintedReceipt>> decode(const QByteArray &job, PaperWidth paper = PaperWidth::Mm80);
};

} // namespace ow::drivers::receipt
