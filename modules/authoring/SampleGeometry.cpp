#include "authoring/SampleGeometry.h"

#include "catalogue/MaterialReader.h"

#include <algorithm>
#include <cmath>

namespace ow::authoring {

namespace {

using Handle = SampleGeometry::Handle;

bool movesLeft(Handle h)
{
    return h == Handle::TopLeft || h == Handle::Left || h == Handle::BottomLeft;
}

bool movesRight(Handle h)
{
    return h == Handle::TopRight || h == Handle::Right || h == Handle::BottomRight;
}

bool movesTop(Handle h)
{
    return h == Handle::TopLeft || h == Handle::Top || h == Handle::TopRight;
}

bool movesBottom(Handle h)
{
    return h == Handle::BottomLeft || h == Handle::Bottom || h == Handle::BottomRight;
}

int rounded(qreal value)
{
    return int(std::lround(value));
}

} // namespace

SampleGeometry::SampleGeometry(QSize imageSize)
    : m_image(imageSize.expandedTo(QSize(1, 1)))
{
}

QRect SampleGeometry::toFormat(const QRectF &rect) const
{
    const QRectF r = rect.normalized();
    // Edges, not sizes, are rounded: a rectangle dragged from 10.4 to 20.4 covers pixels 10 to 19.
    const int left = std::clamp(rounded(r.left()), 0, m_image.width() - 1);
    const int top = std::clamp(rounded(r.top()), 0, m_image.height() - 1);
    const int right = std::clamp(rounded(r.left() + r.width()), left + 1, m_image.width());
    const int bottom = std::clamp(rounded(r.top() + r.height()), top + 1, m_image.height());
    return QRect(left, top, right - left, bottom - top);
}

QRect SampleGeometry::clamped(const QRect &rect) const
{
    const int width = std::clamp(rect.width(), 1, m_image.width());
    const int height = std::clamp(rect.height(), 1, m_image.height());
    return QRect(std::clamp(rect.x(), 0, m_image.width() - width),
        std::clamp(rect.y(), 0, m_image.height() - height), width, height);
}

QRect SampleGeometry::drawn(QPointF from, QPointF to) const
{
    return toFormat(QRectF(from, to).normalized());
}

QRect SampleGeometry::moved(const QRect &rect, QPointF delta) const
{
    return clamped(rect.translated(rounded(delta.x()), rounded(delta.y())));
}

QRect SampleGeometry::resized(const QRect &rect, Handle handle, QPointF delta) const
{
    if (handle == Handle::Body)
        return moved(rect, delta);
    const QRect start = clamped(rect);
    int left = start.x();
    int top = start.y();
    int right = start.x() + start.width();
    int bottom = start.y() + start.height();
    const int dx = rounded(delta.x());
    const int dy = rounded(delta.y());
    if (movesLeft(handle))
        left = std::clamp(left + dx, 0, right - 1);
    if (movesRight(handle))
        right = std::clamp(right + dx, left + 1, m_image.width());
    if (movesTop(handle))
        top = std::clamp(top + dy, 0, bottom - 1);
    if (movesBottom(handle))
        bottom = std::clamp(bottom + dy, top + 1, m_image.height());
    return QRect(left, top, right - left, bottom - top);
}

QPoint SampleGeometry::step() const
{
    return QPoint(
        std::max(1, rounded(m_image.width() / 100.0)), std::max(1, rounded(m_image.height() / 100.0)));
}

const QList<Handle> &SampleGeometry::handles()
{
    static const QList<Handle> all {Handle::TopLeft, Handle::TopRight, Handle::BottomRight,
        Handle::BottomLeft, Handle::Top, Handle::Right, Handle::Bottom, Handle::Left};
    return all;
}

QPointF SampleGeometry::handlePoint(const QRectF &rect, Handle handle)
{
    const qreal x = movesLeft(handle) ? rect.left()
        : movesRight(handle)          ? rect.left() + rect.width()
                                      : rect.center().x();
    const qreal y = movesTop(handle) ? rect.top()
        : movesBottom(handle)        ? rect.top() + rect.height()
                                     : rect.center().y();
    return QPointF(x, y);
}

SampleGeometry::Hit SampleGeometry::hitTest(
    const QList<QRect> &marks, int selected, QPointF point, qreal tolerance)
{
    if (selected >= 0 && selected < marks.size()) {
        const QRectF rect(marks.at(selected));
        for (Handle handle : handles()) {
            const QPointF at = handlePoint(rect, handle);
            if (std::abs(at.x() - point.x()) <= tolerance && std::abs(at.y() - point.y()) <= tolerance)
                return {selected, handle};
        }
    }
    Hit best;
    qint64 bestArea = 0;
    for (int i = 0; i < marks.size(); ++i) {
        const QRect &rect = marks.at(i);
        // The format's rectangle covers x … x + width; a point on its far edge still grabs it.
        const QRectF area(rect.x(), rect.y(), rect.width(), rect.height());
        if (point.x() < area.left() || point.x() > area.left() + area.width() || point.y() < area.top()
            || point.y() > area.top() + area.height())
            continue;
        const qint64 size = qint64(rect.width()) * rect.height();
        if (best.mark < 0 || size <= bestArea) {
            best = {i, Handle::Body};
            bestArea = size;
        }
    }
    return best;
}

QString SampleGeometry::formatValue(const QRect &rect)
{
    return QStringLiteral("%1, %2, %3, %4").arg(rect.x()).arg(rect.y()).arg(rect.width()).arg(rect.height());
}

std::optional<QRect> SampleGeometry::parseValue(QStringView value)
{
    return catalogue::MaterialReader::parseRect(value);
}

} // namespace ow::authoring
