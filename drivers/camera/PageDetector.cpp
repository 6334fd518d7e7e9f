#include "camera/PageDetector.h"

#include <QCoreApplication>
#include <QLineF>
#include <QTransform>
#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace ow::drivers::camera {

namespace {

/// Paper and desk whose mean grey levels differ by less than this are not told apart.
constexpr double kMinContrast = 40;
/// A bright region smaller than this share of the photo is not a page.
constexpr double kMinPageShare = 0.04;
/// A region spanning this share of the photo both ways fills it: nothing to crop.
constexpr double kFillShare = 0.98;

double cross(const QPointF &o, const QPointF &a, const QPointF &b)
{
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
}

/// Convex hull, counter-clockwise in a y-down frame (Andrew's monotone chain).
QList<QPointF> convexHull(QList<QPointF> points)
{
    std::sort(points.begin(), points.end(), [](const QPointF &a, const QPointF &b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    });
    if (points.size() < 3)
        return points;
    QList<QPointF> hull(points.size() * 2);
    qsizetype k = 0;
    for (const QPointF &p : std::as_const(points)) {
        while (k >= 2 && cross(hull.at(k - 2), hull.at(k - 1), p) <= 0)
            --k;
        hull[k++] = p;
    }
    for (qsizetype i = points.size() - 2, lower = k + 1; i >= 0; --i) {
        const QPointF &p = points.at(i);
        while (k >= lower && cross(hull.at(k - 2), hull.at(k - 1), p) <= 0)
            --k;
        hull[k++] = p;
    }
    hull.resize(k - 1);
    return hull;
}

/// The smallest rectangle around a convex polygon; one of its sides lies on a side of the polygon.
PageGeometry minimumAreaRectangle(const QList<QPointF> &hull)
{
    PageGeometry best;
    double bestArea = -1;
    for (qsizetype i = 0; i < hull.size(); ++i) {
        const QPointF a = hull.at(i);
        const QPointF b = hull.at((i + 1) % hull.size());
        const double length = std::hypot(b.x() - a.x(), b.y() - a.y());
        if (length <= 0)
            continue;
        const QPointF along((b.x() - a.x()) / length, (b.y() - a.y()) / length);
        const QPointF across(-along.y(), along.x());
        double minAlong = 0, maxAlong = 0, minAcross = 0, maxAcross = 0;
        for (const QPointF &p : hull) {
            const QPointF d = p - a;
            const double u = QPointF::dotProduct(d, along);
            const double v = QPointF::dotProduct(d, across);
            minAlong = std::min(minAlong, u);
            maxAlong = std::max(maxAlong, u);
            minAcross = std::min(minAcross, v);
            maxAcross = std::max(maxAcross, v);
        }
        const double area = (maxAlong - minAlong) * (maxAcross - minAcross);
        if (bestArea >= 0 && area >= bestArea)
            continue;
        bestArea = area;
        best.centre = a + along * ((minAlong + maxAlong) / 2) + across * ((minAcross + maxAcross) / 2);
        best.size = QSizeF(maxAlong - minAlong, maxAcross - minAcross);
        best.angle = std::atan2(along.y(), along.x()) * 180 / std::numbers::pi;
    }
    // A rectangle turned by 90° is the same rectangle with width and height swapped: report the
    // smallest turn, so a portrait page stays portrait.
    while (best.angle > 45) {
        best.angle -= 90;
        best.size.transpose();
    }
    while (best.angle <= -45) {
        best.angle += 90;
        best.size.transpose();
    }
    return best;
}

/// Every pixel's region number (0: dark), and the number and size of the largest region.
struct BrightRegion
{
    std::vector<int> labels;
    int label = 0;
    qint64 area = 0;
};

/// Labels the regions of pixels brighter than `threshold` (4-connected) and picks the largest.
BrightRegion largestBrightRegion(const QImage &grey, int threshold)
{
    const int width = grey.width();
    const int height = grey.height();
    BrightRegion best;
    best.labels.assign(std::size_t(width) * std::size_t(height), 0);
    std::vector<int> &labels = best.labels;
    std::vector<int> stack;
    int label = 0;
    for (int start = 0; start < width * height; ++start) {
        if (labels[std::size_t(start)] != 0 || grey.constScanLine(start / width)[start % width] <= threshold)
            continue;
        ++label;
        qint64 area = 0;
        labels[std::size_t(start)] = label;
        stack.push_back(start);
        while (!stack.empty()) {
            const int at = stack.back();
            stack.pop_back();
            ++area;
            const int x = at % width;
            const int y = at / width;
            const auto visit = [&](int nx, int ny) {
                if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                    return;
                const int next = ny * width + nx;
                if (labels[std::size_t(next)] == 0 && grey.constScanLine(ny)[nx] > threshold) {
                    labels[std::size_t(next)] = label;
                    stack.push_back(next);
                }
            };
            visit(x - 1, y);
            visit(x + 1, y);
            visit(x, y - 1);
            visit(x, y + 1);
        }
        if (area > best.area) {
            best.area = area;
            best.label = label;
        }
    }
    return best;
}

} // namespace

QPolygonF PageGeometry::corners() const
{
    QTransform toPhoto;
    toPhoto.translate(centre.x(), centre.y());
    toPhoto.rotate(angle);
    const double w = size.width() / 2;
    const double h = size.height() / 2;
    return toPhoto.map(QPolygonF({QPointF(-w, -h), QPointF(w, -h), QPointF(w, h), QPointF(-w, h)}));
}

int PageDetector::otsuThreshold(const std::array<qint64, 256> &histogram)
{
    double total = 0;
    double sum = 0;
    for (int i = 0; i < 256; ++i) {
        total += double(histogram[i]);
        sum += double(i) * double(histogram[i]);
    }
    double darkCount = 0;
    double darkSum = 0;
    double bestSpread = -1;
    int best = 0;
    for (int t = 0; t < 255; ++t) {
        darkCount += double(histogram[t]);
        darkSum += double(t) * double(histogram[t]);
        const double brightCount = total - darkCount;
        if (darkCount == 0 || brightCount == 0)
            continue;
        const double difference = darkSum / darkCount - (sum - darkSum) / brightCount;
        const double spread = darkCount * brightCount * difference * difference;
        if (spread > bestSpread) {
            bestSpread = spread;
            best = t;
        }
    }
    return best;
}

Result<PageGeometry> PageDetector::detect(const QImage &photo)
{
    if (photo.isNull())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::drivers::camera", "The photo is empty."));
    if (photo.width() < kMinEdge || photo.height() < kMinEdge)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::drivers::camera", "The photo is only %1×%2 pixels, too small to find a page in.")
                .arg(photo.width())
                .arg(photo.height()));

    const bool large = std::max(photo.width(), photo.height()) > kWorkEdge;
    const QImage reduced
        = large ? photo.scaled(kWorkEdge, kWorkEdge, Qt::KeepAspectRatio, Qt::SmoothTransformation) : photo;
    const QImage work = reduced.convertToFormat(QImage::Format_Grayscale8);
    const int width = work.width();
    const int height = work.height();

    std::array<qint64, 256> histogram {};
    for (int y = 0; y < height; ++y) {
        const uchar *row = work.constScanLine(y);
        for (int x = 0; x < width; ++x)
            ++histogram[row[x]];
    }
    const int threshold = otsuThreshold(histogram);
    double counts[2] = {0, 0};
    double sums[2] = {0, 0};
    for (int i = 0; i < 256; ++i) {
        counts[i > threshold] += double(histogram[i]);
        sums[i > threshold] += double(i) * double(histogram[i]);
    }
    if (counts[0] == 0 || counts[1] == 0 || sums[1] / counts[1] - sums[0] / counts[0] < kMinContrast)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::drivers::camera", "No page stands out from the background."));

    const BrightRegion region = largestBrightRegion(work, threshold);
    if (double(region.area) < kMinPageShare * width * height)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate(
                "ow::drivers::camera", "No page was found: the brightest region is too small."));

    // The outline is all the hull needs: the outermost pixel of each row of the region.
    const double scaleX = double(photo.width()) / width;
    const double scaleY = double(photo.height()) / height;
    QList<QPointF> outline;
    int left = width, right = -1, top = height, bottom = -1;
    for (int y = 0; y < height; ++y) {
        const int *row = region.labels.data() + std::size_t(y) * std::size_t(width);
        int first = -1, last = -1;
        for (int x = 0; x < width; ++x) {
            if (row[x] == region.label) {
                if (first < 0)
                    first = x;
                last = x;
            }
        }
        if (first < 0)
            continue;
        left = std::min(left, first);
        right = std::max(right, last);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
        // Pixel centres, in photo pixels.
        outline.append(QPointF((first + 0.5) * scaleX, (y + 0.5) * scaleY));
        outline.append(QPointF((last + 0.5) * scaleX, (y + 0.5) * scaleY));
    }
    if (right - left + 1 >= kFillShare * width && bottom - top + 1 >= kFillShare * height)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate(
                "ow::drivers::camera", "The page fills the whole photo; there is nothing to crop."));

    // The hull joins pixel centres: half a pixel inside a level edge, about as far outside a tilted
    // one (the corners of its staircase); either way within a pixel of the page's true edge.
    return minimumAreaRectangle(convexHull(outline));
}

} // namespace ow::drivers::camera
