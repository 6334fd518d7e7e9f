#include "ui/SampleMarkerItem.h"

#include "ui/Theme.h"

#include <QApplication>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace ow::ui {

namespace {

constexpr qreal kBadge = 24;

/// The number disc; ignores the view's zoom so it keeps its size on screen.
class MarkerBadge : public QGraphicsItem
{
public:
    MarkerBadge(int number, QGraphicsItem *parent)
        : QGraphicsItem(parent)
        , m_number(number)
    {
        setFlag(ItemIgnoresTransformations);
        setAcceptedMouseButtons(Qt::NoButton);
    }

    QRectF boundingRect() const override
    {
        return QRectF(-kBadge / 2 - 1, -kBadge / 2 - 1, kBadge + 2, kBadge + 2);
    }

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        const auto *marker = static_cast<const SampleMarkerItem *>(parentObject());
        const bool strong = marker && marker->state() == SampleMarkerItem::State::Highlighted;
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(strong ? Theme::accent() : Theme::marker());
        painter->drawEllipse(QRectF(-kBadge / 2, -kBadge / 2, kBadge, kBadge));
        QFont font = QApplication::font();
        font.setBold(true);
        font.setPixelSize(13);
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(
            QRectF(-kBadge / 2, -kBadge / 2, kBadge, kBadge), Qt::AlignCenter, QString::number(m_number));
    }

private:
    int m_number;
};

} // namespace

SampleMarkerItem::SampleMarkerItem(int number, const QRectF &rect, QGraphicsItem *parent)
    : QGraphicsObject(parent)
    , m_number(number)
    , m_rect(rect)
{
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    m_badge = new MarkerBadge(number, this);
    m_badge->setPos(rect.topLeft());
}

void SampleMarkerItem::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    setOpacity(state == State::Dimmed ? 0.5 : 1.0);
    setZValue(state == State::Highlighted ? 2 : 1);
    update();
    m_badge->update();
}

QRectF SampleMarkerItem::boundingRect() const
{
    return m_rect.adjusted(-3, -3, 3, 3);
}

void SampleMarkerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const bool strong = m_state == State::Highlighted;
    const QColor colour = strong ? Theme::accent() : Theme::marker();
    QPen pen(colour, strong ? 3 : 2);
    pen.setCosmetic(true);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    QColor fill = colour;
    fill.setAlpha(strong ? 40 : 14);
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, 4, 4);
}

void SampleMarkerItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    Q_EMIT hovered(m_number, true);
}

void SampleMarkerItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    Q_EMIT hovered(m_number, false);
}

void SampleMarkerItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        Q_EMIT clicked(m_number);
        event->accept();
        return;
    }
    QGraphicsObject::mousePressEvent(event);
}

} // namespace ow::ui
