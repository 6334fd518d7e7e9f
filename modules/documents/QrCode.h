#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

class QPainter;
class QRectF;

namespace ow::documents {

/// A QR code, error correction level M (about 15 % of the symbol may be damaged or stamped over),
/// as a square of dark and light modules, encoded with zxing-cpp and drawn as crisp squares.
class QrCode
{
public:
    /// Light modules around the symbol that scanners need (ISO/IEC 18004).
    static constexpr int kQuietZone = 4;

    /// Encodes UTF-8 text; fails when it does not fit a QR code.
    static Result<QrCode> encode(const QString &text);

    /// Modules per side, without the quiet zone.
    int size() const { return m_size; }
    /// Modules per side with the quiet zone on both sides.
    int sizeWithQuietZone() const { return m_size + 2 * kQuietZone; }
    bool isDark(int x, int y) const { return m_modules.at(y * m_size + x); }

    /// Paints the code with its quiet zone, centred in `area`, in device coordinates (the painter
    /// must not be rotated or scaled). Each module is a whole number of device pixels when the area
    /// allows it, drawn without antialiasing, so the edges stay sharp on a raster and a printer.
    void draw(QPainter &painter, const QRectF &area) const;

private:
    int m_size = 0;
    QList<bool> m_modules;
};

} // namespace ow::documents
