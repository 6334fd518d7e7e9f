#include "documents/QrCode.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <cmath>
#include <stdexcept>

namespace ow::documents {

namespace {
// zxing-cpp takes an error correction level 0–8 for every 2D format; for QR codes 3 and 4 select M.
constexpr int kEccLevelM = 4;
} // namespace

Result<QrCode> QrCode::encode(const QString &text)
{
    ZXing::BitMatrix matrix;
    try {
        // Margin 0: the quiet zone is drawn by draw(), so the matrix is one module per bit. No
        // character set is forced: links are ASCII, and an ECI header would only lengthen them.
        matrix = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                     .setEccLevel(kEccLevelM)
                     .setMargin(0)
                     .encode(text.toStdString(), 0, 0);
    } catch (const std::exception &error) {
        // zxing-cpp reports content that does not fit by throwing; it must not cross our API.
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::documents", "The text cannot be encoded as a QR code: %1")
                .arg(QString::fromUtf8(error.what())));
    }
    if (matrix.width() <= 0 || matrix.width() != matrix.height())
        return fail(Error::Code::Internal,
            QCoreApplication::translate("ow::documents", "The QR encoder returned an empty symbol."));
    QrCode code;
    code.m_size = matrix.width();
    code.m_modules.resize(qsizetype(code.m_size) * code.m_size);
    for (int y = 0; y < code.m_size; ++y)
        for (int x = 0; x < code.m_size; ++x)
            code.m_modules[y * code.m_size + x] = matrix.get(x, y);
    return code;
}

void QrCode::draw(QPainter &painter, const QRectF &area) const
{
    if (m_size == 0)
        return;
    const qreal side = std::min(area.width(), area.height());
    const int total = sizeWithQuietZone();
    // Whole device pixels per module when there is room for at least one; else exact fractions.
    const qreal module = side >= total ? std::floor(side / total) : side / total;
    const qreal drawn = module * total;
    const QPointF origin(
        std::round(area.center().x() - drawn / 2), std::round(area.center().y() - drawn / 2));

    // Every dark run of a row joins one path filled at once, so neighbouring modules never show
    // seams where a viewer antialiases the edges of separate rectangles.
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (int y = 0; y < m_size; ++y) {
        int x = 0;
        while (x < m_size) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && isDark(x, y))
                ++x;
            path.addRect(QRectF(origin.x() + (kQuietZone + start) * module,
                origin.y() + (kQuietZone + y) * module, (x - start) * module, module));
        }
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRectF(origin, QSizeF(drawn, drawn)), Qt::white);
    painter.fillPath(path, Qt::black);
    painter.restore();
}

} // namespace ow::documents
