#include "camera/CameraFormatChoice.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace ow::drivers::camera {

double CameraFormatChoice::effectiveFrameRate(
    const CameraFormatOption &format, const CameraFormatPolicy &policy)
{
    if (format.compressed || policy.busBytesPerSecond <= 0 || format.bytesPerPixel <= 0)
        return format.maxFrameRate;
    const double frameBytes
        = double(format.resolution.width()) * format.resolution.height() * format.bytesPerPixel;
    if (frameBytes <= 0)
        return 0;
    return std::min(format.maxFrameRate, policy.busBytesPerSecond / frameBytes);
}

std::optional<qsizetype> CameraFormatChoice::choose(
    const QList<CameraFormatOption> &formats, const CameraFormatPolicy &policy)
{
    // Ranking key, larger is better: fluent enough first, then pixels, then the pixel format the
    // resolution calls for, then frame rate.
    const auto key = [&policy](const CameraFormatOption &format) {
        const double fps = effectiveFrameRate(format, policy);
        const qint64 pixels = qint64(format.resolution.width()) * format.resolution.height();
        const bool wantCompressed = pixels >= policy.compressedFromPixels;
        return std::make_tuple(fps >= policy.minFrameRate, pixels, format.compressed == wantCompressed, fps);
    };
    std::optional<qsizetype> best;
    for (qsizetype i = 0; i < formats.size(); ++i) {
        if (formats.at(i).resolution.isEmpty())
            continue;
        if (!best || key(formats.at(*best)) < key(formats.at(i)))
            best = i;
    }
    return best;
}

QString CameraFormatChoice::describe(const CameraFormatOption &format)
{
    const QString name = format.pixelFormatName.isEmpty()
        ? (format.compressed ? QStringLiteral("MJPEG") : QStringLiteral("raw"))
        : format.pixelFormatName;
    return QStringLiteral("%1×%2 %3 %4 fps")
        .arg(format.resolution.width())
        .arg(format.resolution.height())
        .arg(name)
        .arg(std::round(format.maxFrameRate * 10) / 10);
}

} // namespace ow::drivers::camera
