#pragma once

#include <QList>
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QSize>
#include <QString>
#include <optional>

namespace ow::authoring {

/// Where the marks of a sample lie on its image, worked out without widgets: a rectangle dragged on
/// the image (in fractions of pixels when zoomed) turned into the format's whole image pixels, kept
/// inside the image; moves and resizes by mouse and by keyboard; what lies under a point.
class SampleGeometry
{
public:
    /// The places a mark is grabbed by: its body (to move it) or one of its eight handles.
    enum class Handle
    {
        None,
        Body,
        TopLeft,
        Top,
        TopRight,
        Right,
        BottomRight,
        Bottom,
        BottomLeft,
        Left
    };

    explicit SampleGeometry(QSize imageSize);

    QSize imageSize() const { return m_image; }

    /// A rectangle in image pixels as the format writes it (docs/catalogue-format.md §5): edges
    /// rounded to whole pixels, inside the image, at least one pixel wide and high.
    QRect toFormat(const QRectF &rect) const;
    /// A rectangle kept inside the image, its size kept where the image is large enough.
    QRect clamped(const QRect &rect) const;
    /// The rectangle dragged from one point of the image to another, in either direction.
    QRect drawn(QPointF from, QPointF to) const;
    /// Moved by `delta` image pixels, stopping at the image's edges, its size unchanged.
    QRect moved(const QRect &rect, QPointF delta) const;
    /// One handle dragged by `delta`: the opposite edges stay where they are, an edge stops at the
    /// image's border and one pixel before the opposite edge. `Body` moves the rectangle.
    QRect resized(const QRect &rect, Handle handle, QPointF delta) const;

    /// The keyboard's step: 1 % of the image's width and of its height, at least one pixel.
    QPoint step() const;

    /// What lies under a point of the image: a handle of the selected mark (within `tolerance` image
    /// pixels) before anything else, then the smallest mark holding the point (a small mark drawn
    /// inside a large one can be grabbed), the later one of two alike.
    struct Hit
    {
        int mark = -1;
        Handle handle = Handle::None;
    };
    static Hit hitTest(const QList<QRect> &marks, int selected, QPointF point, qreal tolerance);
    /// Where a handle is drawn on a rectangle.
    static QPointF handlePoint(const QRectF &rect, Handle handle);
    /// The eight handles, corners first.
    static const QList<Handle> &handles();

    /// A mark's value as the format writes it: `X, Y, WIDTH, HEIGHT`.
    static QString formatValue(const QRect &rect);
    /// A mark's value as the loader reads it: four whole numbers of at least 0 (separated by `,`
    /// `，` or `、`), width and height above 0.
    static std::optional<QRect> parseValue(QStringView value);

private:
    QSize m_image;
};

} // namespace ow::authoring
