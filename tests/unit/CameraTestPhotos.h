#pragma once

#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

/// Synthetic document camera photos: a white page with lines of "text" lying on a darker desk,
/// turned and placed where the test says, so the page processing can be checked against the truth.
namespace CameraTestPhotos {

/// The page's own text layout (page pixels): the first line runs across the full text width, so a
/// test can check it is level after deskewing.
constexpr double kMargin = 60;
constexpr double kFirstLineTop = 80;
constexpr double kLineHeight = 14;
constexpr double kLinePitch = 34;

/// A photo of `photoSize` with a `pageSize` page centred at `centre`, turned `angle` degrees
/// clockwise. The desk has a gentle light fall-off and grain, like a real camera's picture.
inline QImage pagePhoto(QSize photoSize, QSizeF pageSize, QPointF centre, double angle, quint32 seed = 1)
{
    QImage photo(photoSize, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < photo.height(); ++y) {
        auto *row = reinterpret_cast<QRgb *>(photo.scanLine(y));
        for (int x = 0; x < photo.width(); ++x) {
            const double dx = (x - photo.width() / 2.0) / photo.width();
            const double dy = (y - photo.height() / 2.0) / photo.height();
            const int shade = int(78 - 40 * (dx * dx + dy * dy)) + int(random.bounded(9)) - 4;
            row[x] = qRgb(shade, shade - 6, shade - 12);
        }
    }
    QPainter painter(&photo);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(centre);
    painter.rotate(angle);
    painter.translate(-pageSize.width() / 2, -pageSize.height() / 2);
    painter.fillRect(QRectF(QPointF(0, 0), pageSize), QColor(246, 245, 240));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(30, 30, 35));
    const double textWidth = pageSize.width() - 2 * kMargin;
    for (int line = 0; kFirstLineTop + line * kLinePitch + kLineHeight < pageSize.height() - kMargin;
         ++line) {
        const double width = line == 0 ? textWidth : textWidth * (0.45 + 0.55 * random.generateDouble());
        painter.drawRect(QRectF(kMargin, kFirstLineTop + line * kLinePitch, width, kLineHeight));
    }
    // A stamp-like dark block, so the page is not only lines.
    painter.drawRect(QRectF(pageSize.width() - kMargin - 90, pageSize.height() - kMargin - 90, 90, 90));
    return photo;
}

/// Fraction of the pixels in `area` darker than mid-grey.
inline double darkShare(const QImage &image, const QRect &area)
{
    const QRect inside = area.intersected(image.rect());
    if (inside.isEmpty())
        return 0;
    int dark = 0;
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            dark += qGray(image.pixel(x, y)) < 128;
    return double(dark) / (inside.width() * inside.height());
}

} // namespace CameraTestPhotos
