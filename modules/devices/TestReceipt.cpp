#include "devices/TestReceipt.h"

#include <QCoreApplication>
#include <QFont>
#include <QPainter>
#include <algorithm>

namespace ow::devices {

namespace {

constexpr int kDotsPerMm = 8; // 203 dpi thermal heads

/// Draws one line of text across the page and returns the y below it.
int textLine(QPainter &painter, int y, int width, const QString &text, int pixelSize, bool bold)
{
    QFont font = painter.font();
    font.setPixelSize(pixelSize);
    font.setBold(bold);
    painter.setFont(font);
    const QRect box(12, y, width - 24, pixelSize * 3);
    const QRect used = painter.boundingRect(box, Qt::AlignHCenter | Qt::TextWordWrap, text);
    painter.drawText(box, Qt::AlignHCenter | Qt::TextWordWrap, text);
    return used.bottom() + pixelSize / 2;
}

} // namespace

QImage TestReceipt::render(int widthDots, const QString &backend, const QDateTime &when)
{
    const int height = 400;
    QImage image(widthDots, height, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(QPen(Qt::black, 2));

    int y = 16;
    y = textLine(painter, y, widthDots, QStringLiteral("OneWindow"), 34, true);
    y = textLine(
        painter, y, widthDots, QCoreApplication::translate("ow::devices", "Receipt printer test"), 26, true);
    // Always Chinese, whatever the interface language: the counter prints Chinese receipts.
    y = textLine(painter, y, widthDots, QStringLiteral("打印测试 · 一窗受理"), 26, false);
    y = textLine(painter, y, widthDots, when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), 20, false);
    y = textLine(painter, y, widthDots, backend, 20, false);

    // A millimetre ruler: long ticks every 10 mm, so the paper width can be read off the print.
    const int rulerTop = y + 8;
    painter.setPen(QPen(Qt::black, 1));
    painter.drawLine(0, rulerTop, widthDots, rulerTop);
    for (int mm = 0; mm * kDotsPerMm < widthDots; ++mm) {
        const int x = mm * kDotsPerMm;
        const int length = mm % 10 == 0 ? 24 : mm % 5 == 0 ? 16 : 8;
        painter.drawLine(x, rulerTop, x, rulerTop + length);
    }
    // Black and white squares show whether the head heats evenly across the line.
    const int squares = widthDots / 32;
    const int squaresTop = rulerTop + 36;
    for (int i = 0; i < squares; ++i) {
        if (i % 2 == 0)
            painter.fillRect(
                16 + i * (widthDots - 32) / squares, squaresTop, (widthDots - 32) / squares, 24, Qt::black);
    }
    painter.end();

    QImage page = image.copy(0, 0, widthDots, std::min(height, squaresTop + 24 + 16));
    QPainter frame(&page);
    frame.setPen(QPen(Qt::black, 2));
    // The frame marks the printable width: a side missing on paper means a wrong paper setting.
    frame.drawRect(1, 1, widthDots - 3, page.height() - 3);
    return page;
}

} // namespace ow::devices
