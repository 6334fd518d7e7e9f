#include "ui/SampleView.h"

#include "ui/SampleMarkerItem.h"
#include "ui/Theme.h"

#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QWheelEvent>

namespace ow::ui {

namespace {

constexpr qreal kStep = 1.25;
constexpr qreal kMinZoom = 0.05;
constexpr qreal kMaxZoom = 8.0;

} // namespace

SampleView::SampleView(QWidget *parent)
    : QGraphicsView(parent)
{
    setObjectName(QStringLiteral("sampleView"));
    setScene(new QGraphicsScene(this));
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setBackgroundBrush(Theme::window());
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::ClickFocus);
}

void SampleView::clear()
{
    scene()->clear();
    m_image = nullptr;
    m_markers.clear();
    m_highlighted.clear();
}

void SampleView::setSample(const QPixmap &image, const QList<QRectF> &marks)
{
    clear();
    m_image = scene()->addPixmap(image);
    m_image->setTransformationMode(Qt::SmoothTransformation);
    m_image->setZValue(0);
    setMarks(marks);
    // A margin around the image leaves room for the number badges at its edges.
    scene()->setSceneRect(image.rect().toRectF().adjusted(-24, -24, 24, 24));
    fitToView();
}

void SampleView::setMarks(const QList<QRectF> &marks)
{
    qDeleteAll(m_markers);
    m_markers.clear();
    int number = 0;
    for (const QRectF &rect : marks) {
        auto *marker = new SampleMarkerItem(++number, rect);
        marker->setZValue(1);
        scene()->addItem(marker);
        connect(marker, &SampleMarkerItem::hovered, this, &SampleView::markerHovered);
        connect(marker, &SampleMarkerItem::clicked, this, &SampleView::markerClicked);
        m_markers.append(marker);
    }
    QList<int> kept;
    for (int n : std::as_const(m_highlighted))
        if (n >= 1 && n <= number)
            kept.append(n);
    if (!m_highlighted.isEmpty())
        highlight(kept);
}

void SampleView::highlight(const QList<int> &numbers)
{
    m_highlighted = numbers;
    for (SampleMarkerItem *marker : std::as_const(m_markers)) {
        if (numbers.isEmpty())
            marker->setState(SampleMarkerItem::State::Normal);
        else
            marker->setState(numbers.contains(marker->number()) ? SampleMarkerItem::State::Highlighted
                                                                : SampleMarkerItem::State::Dimmed);
    }
    if (!numbers.isEmpty() && !m_fitting) {
        const int first = numbers.constFirst();
        if (first >= 1 && first <= m_markers.size())
            ensureVisible(m_markers.at(first - 1), 40, 40);
    }
}

void SampleView::setZoom(qreal zoom)
{
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    setTransform(QTransform::fromScale(zoom, zoom));
    Q_EMIT zoomChanged(zoom);
}

void SampleView::zoomIn()
{
    m_fitting = false;
    setZoom(zoom() * kStep);
}

void SampleView::zoomOut()
{
    m_fitting = false;
    setZoom(zoom() / kStep);
}

void SampleView::fitToView()
{
    m_fitting = true;
    if (!m_image)
        return;
    const QRectF scene = sceneRect();
    const QSizeF room = viewport()->size();
    if (scene.isEmpty() || room.isEmpty())
        return;
    setZoom(std::min(room.width() / scene.width(), room.height() / scene.height()));
    centerOn(scene.center());
}

void SampleView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int steps = event->angleDelta().y();
        if (steps > 0)
            zoomIn();
        else if (steps < 0)
            zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void SampleView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitting)
        fitToView();
}

} // namespace ow::ui
