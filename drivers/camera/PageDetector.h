#pragma once

#include "core/Result.h"

#include <QImage>
#include <QPolygonF>
#include <QSizeF>
#include <array>

namespace ow::drivers::camera {

/// Where the page lies in a photo: a rectangle of `size` around `centre`, turned by `angle`
/// degrees (clockwise on screen, in (-45, 45]; 0 = the page's edges are level). Photo pixels.
struct PageGeometry
{
    QPointF centre;
    QSizeF size;
    double angle = 0;

    /// Top-left, top-right, bottom-right, bottom-left, as seen on the page.
    QPolygonF corners() const;
};

/// Finds a sheet of paper lying on a darker desk in a document camera's photo. The photo is reduced
/// to about kWorkEdge pixels and to luminance; Otsu's threshold separates paper from desk; the
/// largest bright connected region is the page (its text and pictures are holes inside it, which
/// do not matter); its minimum-area rectangle gives position, size and tilt. Pure functions.
class PageDetector
{
public:
    /// The long edge the photo is reduced to before the search: enough for a 0.1° estimate on a
    /// page that fills a third of the photo, small enough to take a few milliseconds.
    static constexpr int kWorkEdge = 1024;
    /// Photos smaller than this on either side are not searched.
    static constexpr int kMinEdge = 32;

    /// The page, or: Invalid for a null or tiny photo; NotFound when there is no bright region
    /// clearly apart from the background, when it is too small to be a page, or when it fills the
    /// whole photo (then there is nothing to crop). Messages are translated and say which.
    static Result<PageGeometry> detect(const QImage &photo);

    /// Otsu's threshold of a 256-bin histogram: grey levels above it are the bright class.
    static int otsuThreshold(const std::array<qint64, 256> &histogram);
};

} // namespace ow::drivers::camera
