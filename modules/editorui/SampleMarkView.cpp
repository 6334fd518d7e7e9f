#include "editorui/SampleMarkView.h"

#include "ui/Theme.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>

namespace ow::editorui {

using authoring::SampleGeometry;
using Handle = SampleGeometry::Handle;

namespace {

/// How near a handle the pointer must be, and how large handles are drawn, in screen pixels: the
/// same at every zoom.
constexpr qreal kHandleReach = 7;
constexpr qreal kHandleSize = 9;
/// A press that moves less than this is a click (it selects), not a drag.
constexpr qreal kDragStart = 4;

Qt::CursorShape cursorFor(Handle handle)
{
    switch (handle) {
    case Handle::TopLeft:
    case Handle::BottomRight:
        return Qt::SizeFDiagCursor;
    case Handle::TopRight:
    case Handle::BottomLeft:
        return Qt::SizeBDiagCursor;
    case Handle::Top:
    case Handle::Bottom:
        return Qt::SizeVerCursor;
    case Handle::Left:
    case Handle::Right:
        return Qt::SizeHorCursor;
    case Handle::Body:
        return Qt::SizeAllCursor;
    case Handle::None:
        break;
    }
    return Qt::CrossCursor;
}

} // namespace

SampleMarkView::SampleMarkView(QWidget *parent)
    : ui::SampleView(parent)
{
    setObjectName(QStringLiteral("sampleMarkView"));
    setDragMode(QGraphicsView::NoDrag);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAccessibleName(tr("Sample image with its marks"));
}

void SampleMarkView::setImage(const QPixmap &image, const QList<QRect> &marks)
{
    cancelDrag();
    m_geometry = SampleGeometry(image.size());
    m_rects = marks;
    QList<QRectF> shown;
    for (const QRect &rect : marks)
        shown.append(QRectF(rect));
    setSample(image, shown);
    m_selected = -1;
    setSelected(marks.isEmpty() ? -1 : 0);
}

void SampleMarkView::setRects(const QList<QRect> &marks)
{
    cancelDrag();
    m_rects = marks;
    if (m_selected >= m_rects.size())
        m_selected = int(m_rects.size()) - 1;
    showRects();
}

void SampleMarkView::setSelected(int mark)
{
    if (mark < -1 || mark >= m_rects.size())
        mark = -1;
    const bool changed = mark != m_selected;
    m_selected = mark;
    showRects();
    if (m_selected >= 0 && !isFitting()) {
        const QRect &rect = m_rects.at(m_selected);
        ensureVisible(QRectF(rect), 40, 40);
    }
    if (changed)
        Q_EMIT selectedChanged(m_selected);
}

void SampleMarkView::showRects()
{
    QList<QRectF> shown;
    for (int i = 0; i < m_rects.size(); ++i)
        shown.append(QRectF(m_drag == Drag::Change && i == m_selected ? m_dragRect : m_rects.at(i)));
    setMarks(shown);
    highlight(m_selected >= 0 ? QList<int> {m_selected + 1} : QList<int> {});
    viewport()->update();
}

void SampleMarkView::cancelDrag()
{
    m_drag = Drag::None;
    m_dragged = false;
    m_handle = Handle::None;
}

QPointF SampleMarkView::imagePoint(const QPointF &viewPoint) const
{
    // The scene is the image in its own pixels (SampleView puts the image at the origin).
    return mapToScene(viewPoint.toPoint()) + (viewPoint - viewPoint.toPoint());
}

void SampleMarkView::updateCursor(const QPointF &viewPoint)
{
    const SampleGeometry::Hit hit
        = SampleGeometry::hitTest(m_rects, m_selected, imagePoint(viewPoint), kHandleReach / zoom());
    viewport()->setCursor(cursorFor(hit.handle));
}

void SampleMarkView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || markerCount() != m_rects.size()) {
        ui::SampleView::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressView = event->position();
    m_pressImage = imagePoint(event->position());
    m_dragged = false;
    const SampleGeometry::Hit hit
        = SampleGeometry::hitTest(m_rects, m_selected, m_pressImage, kHandleReach / zoom());
    if (hit.mark >= 0) {
        setSelected(hit.mark);
        m_drag = Drag::Change;
        m_handle = hit.handle;
        m_startRect = m_rects.at(hit.mark);
        m_dragRect = m_startRect;
    } else {
        m_drag = Drag::Draw;
        m_dragRect = QRect();
    }
    event->accept();
}

void SampleMarkView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None) {
        updateCursor(event->position());
        ui::SampleView::mouseMoveEvent(event);
        return;
    }
    if (!m_dragged && (event->position() - m_pressView).manhattanLength() < kDragStart)
        return;
    m_dragged = true;
    const QPointF at = imagePoint(event->position());
    if (m_drag == Drag::Draw) {
        m_dragRect = m_geometry.drawn(m_pressImage, at);
        viewport()->update();
    } else {
        m_dragRect = m_geometry.resized(m_startRect, m_handle, at - m_pressImage);
        showRects();
    }
    event->accept();
}

void SampleMarkView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None || event->button() != Qt::LeftButton) {
        ui::SampleView::mouseReleaseEvent(event);
        return;
    }
    const Drag drag = m_drag;
    const bool dragged = m_dragged;
    const QRect rect = m_dragRect;
    const int mark = m_selected;
    cancelDrag();
    showRects();
    event->accept();
    if (!dragged)
        return; // a click: it selected, or it did nothing on the bare image
    if (drag == Drag::Draw)
        Q_EMIT markDrawn(rect);
    else if (rect != m_startRect)
        Q_EMIT markChanged(mark, rect);
}

void SampleMarkView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_drag != Drag::None) {
        cancelDrag();
        showRects();
        return;
    }
    if (m_selected < 0 || m_drag != Drag::None) {
        ui::SampleView::keyPressEvent(event);
        return;
    }
    const QPoint step = m_geometry.step();
    const bool resize = event->modifiers() & Qt::ShiftModifier;
    QPoint delta;
    switch (event->key()) {
    case Qt::Key_Left:
        delta = QPoint(-step.x(), 0);
        break;
    case Qt::Key_Right:
        delta = QPoint(step.x(), 0);
        break;
    case Qt::Key_Up:
        delta = QPoint(0, -step.y());
        break;
    case Qt::Key_Down:
        delta = QPoint(0, step.y());
        break;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        Q_EMIT deleteRequested(m_selected);
        return;
    default:
        ui::SampleView::keyPressEvent(event);
        return;
    }
    if (event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)) {
        ui::SampleView::keyPressEvent(event);
        return;
    }
    // Shift+arrows move the right and bottom edges: wider, narrower, taller, shorter.
    const QRect &rect = m_rects.at(m_selected);
    const QRect changed = resize
        ? m_geometry.resized(rect, delta.x() != 0 ? Handle::Right : Handle::Bottom, delta)
        : m_geometry.moved(rect, delta);
    event->accept();
    if (changed != rect)
        Q_EMIT markChanged(m_selected, changed);
}

bool SampleMarkView::focusNextPrevChild(bool next)
{
    // Tab goes through the marks, then on to the next control: the keyboard is never caught here.
    const int target = m_selected + (next ? 1 : -1);
    if (hasFocus() && m_drag == Drag::None && !m_rects.isEmpty() && target >= 0 && target < m_rects.size()
        && !(m_selected < 0 && !next)) {
        setSelected(target);
        return true;
    }
    return ui::SampleView::focusNextPrevChild(next);
}

void SampleMarkView::drawForeground(QPainter *painter, const QRectF &)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const qreal scale = zoom() > 0 ? zoom() : 1.0;
    if (m_drag == Drag::Draw && m_dragged && !m_dragRect.isNull()) {
        QPen pen(ui::Theme::accent(), 2, Qt::DashLine);
        pen.setCosmetic(true);
        painter->setPen(pen);
        QColor fill = ui::Theme::accent();
        fill.setAlpha(30);
        painter->setBrush(fill);
        painter->drawRect(QRectF(m_dragRect));
    }
    if (m_selected >= 0 && m_selected < m_rects.size()) {
        const QRectF rect(m_drag == Drag::Change ? m_dragRect : m_rects.at(m_selected));
        const qreal size = kHandleSize / scale;
        QPen pen(ui::Theme::accent(), 1.5);
        pen.setCosmetic(true);
        painter->setPen(pen);
        painter->setBrush(Qt::white);
        for (Handle handle : SampleGeometry::handles()) {
            const QPointF at = SampleGeometry::handlePoint(rect, handle);
            painter->drawRect(QRectF(at.x() - size / 2, at.y() - size / 2, size, size));
        }
    }
    painter->restore();
}

} // namespace ow::editorui
