#pragma once

#include <QGraphicsObject>

namespace ow::ui {

/// A numbered marker over a rectangle of a sample image. The outline keeps its width and the number
/// badge its size at every zoom, so markers stay readable on small and large views alike.
class SampleMarkerItem : public QGraphicsObject
{
    Q_OBJECT

public:
    enum class State
    {
        Normal,
        Highlighted,
        Dimmed
    };

    SampleMarkerItem(int number, const QRectF &rect, QGraphicsItem *parent = nullptr);

    int number() const { return m_number; }
    void setState(State state);
    State state() const { return m_state; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

Q_SIGNALS:
    void hovered(int number, bool entered);
    void clicked(int number);

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    int m_number;
    QRectF m_rect;
    State m_state = State::Normal;
    QGraphicsItem *m_badge = nullptr;
};

} // namespace ow::ui
