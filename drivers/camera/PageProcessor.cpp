#include "camera/PageProcessor.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImageWriter>
#include <QPainter>
#include <QTransform>
#include <cmath>

namespace ow::drivers::camera {

ProcessedPage PageProcessor::process(const QImage &photo, const PageOptions &options)
{
    ProcessedPage result;
    result.image = photo;
    if (!options.autoCrop || photo.isNull())
        return result;
    Result<PageGeometry> page = PageDetector::detect(photo);
    if (!page) {
        result.note = page.error().message();
        return result;
    }
    result.page = *page;
    result.image = cropToPage(photo, *page, options.deskew, options.maxDeskewDegrees);
    if (options.deskew && std::abs(page->angle) <= options.maxDeskewDegrees)
        result.turnedDegrees = -page->angle;
    return result;
}

QImage PageProcessor::cropToPage(
    const QImage &photo, const PageGeometry &page, bool deskew, double maxDeskewDegrees)
{
    if (photo.isNull() || page.size.isEmpty())
        return photo;
    const double trim = edgeTrim(page.size);
    if (page.size.width() <= 2 * trim || page.size.height() <= 2 * trim)
        return photo;
    PageGeometry inside = page;
    inside.size -= QSizeF(2 * trim, 2 * trim);
    if (!deskew || std::abs(page.angle) > maxDeskewDegrees) {
        const QRect upright = inside.corners().boundingRect().toAlignedRect().intersected(photo.rect());
        return upright.isEmpty() ? photo : photo.copy(upright);
    }
    const QSize size = inside.size.toSize().boundedTo(QSize(4 * photo.width(), 4 * photo.height()));
    if (size.isEmpty())
        return photo;
    QImage cut(size, photo.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    // Where the turned page reaches past the photo there is no picture: paper white reads best.
    cut.fill(Qt::white);
    QPainter painter(&cut);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(size.width() / 2.0, size.height() / 2.0);
    painter.rotate(-page.angle);
    painter.translate(-page.centre);
    painter.drawImage(QPointF(0, 0), photo);
    painter.end();
    return cut;
}

double PageProcessor::edgeTrim(const QSizeF &size)
{
    return std::max(2.0, 0.004 * std::min(size.width(), size.height()));
}

QImage PageProcessor::rotateQuarterTurns(const QImage &image, int quarterTurns)
{
    const int turns = ((quarterTurns % 4) + 4) % 4;
    if (turns == 0 || image.isNull())
        return image;
    return image.transformed(QTransform().rotate(90.0 * turns));
}

QImage PageProcessor::limitLongEdge(const QImage &image, int maxLongEdge)
{
    if (maxLongEdge <= 0 || image.isNull() || std::max(image.width(), image.height()) <= maxLongEdge)
        return image;
    return image.scaled(maxLongEdge, maxLongEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

Result<QByteArray> PageProcessor::encodeJpeg(const QImage &image, int quality, int maxLongEdge)
{
    if (image.isNull())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::camera", "The page image is empty."));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, QByteArrayLiteral("jpeg"));
    writer.setQuality(std::clamp(quality, 1, 100));
    writer.setOptimizedWrite(true);
    // JPEG has no alpha; flatten on white so transparent parts do not turn black.
    QImage opaque = limitLongEdge(image, maxLongEdge);
    if (opaque.hasAlphaChannel()) {
        QImage flat(opaque.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter(&flat).drawImage(0, 0, opaque);
        opaque = flat;
    }
    if (!writer.write(opaque))
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::drivers::camera", "The page could not be saved as JPEG: %1")
                .arg(writer.errorString()));
    return bytes;
}

} // namespace ow::drivers::camera
