#pragma once

#include "camera/PageDetector.h"
#include "core/Result.h"

#include <QByteArray>
#include <QImage>
#include <optional>

namespace ow::drivers::camera {

/// How captured pages are turned into attachments (the camera/* settings).
struct PageOptions
{
    bool autoCrop = true; ///< crop to the page found against the desk
    bool deskew = true; ///< with autoCrop: turn the page level
    double maxDeskewDegrees = 15; ///< a larger tilt is not trusted: the page is cropped without turning
    int jpegQuality = 85; ///< 1–100
    int maxLongEdge = 2480; ///< pixels; A4 at 300 dpi. 0 = keep the camera's size; at most kMaxLongEdge

    static constexpr int kMaxLongEdge = 20000; ///< the largest maxLongEdge the settings and the CLI take
};

/// A processed page: the image, and what was done to it.
struct ProcessedPage
{
    QImage image;
    /// The page found in the photo, when auto-crop was asked for and found one.
    std::optional<PageGeometry> page;
    double turnedDegrees = 0; ///< the deskew applied (the page's tilt, undone)
    /// Why the photo was kept whole, translated; empty when it was cropped or no crop was asked for.
    QString note;
};

/// Turns a document camera's still into a page image: crop to the paper, deskew, quarter turns,
/// size limit and JPEG. Pure functions of their inputs.
class PageProcessor
{
public:
    /// Crops and deskews as `options` say. A photo where no page is found is kept whole (with a
    /// note), so the clerk never loses a capture to the detector.
    static ProcessedPage process(const QImage &photo, const PageOptions &options);

    /// The page cut out of the photo. With `deskew` the page is turned level (when its tilt is
    /// within `maxDeskewDegrees`); otherwise the upright rectangle around it is kept.
    static QImage cropToPage(
        const QImage &photo, const PageGeometry &page, bool deskew, double maxDeskewDegrees = 15);

    /// How much cropToPage trims off each side of a page of `size`: the edge pixels mix paper and
    /// desk, and a dark line along the border of every page looks like a scanning fault.
    static double edgeTrim(const QSizeF &size);

    /// Turned by `quarterTurns` × 90° clockwise (negative: counter-clockwise).
    static QImage rotateQuarterTurns(const QImage &image, int quarterTurns);

    /// Scaled down so its long edge is at most `maxLongEdge` (0 or less: unchanged).
    static QImage limitLongEdge(const QImage &image, int maxLongEdge);

    /// JPEG bytes at `quality` (1–100) after limitLongEdge.
    static Result<QByteArray> encodeJpeg(const QImage &image, int quality, int maxLongEdge);
};

} // namespace ow::drivers::camera
