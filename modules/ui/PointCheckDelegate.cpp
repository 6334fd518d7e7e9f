#include "ui/PointCheckDelegate.h"

#include "ui/ChipPainter.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QPainter>

namespace ow::ui {

namespace {

constexpr int kPadX = 10;
constexpr int kPadY = 7;
constexpr int kBox = 18;
constexpr int kTextLeft = kPadX + kBox + 10;

QFont smaller(const QFont &font)
{
    QFont f = font;
    f.setPointSizeF(font.pointSizeF() * 0.88);
    return f;
}

int wrappedHeight(const QString &text, const QFont &font, int width)
{
    if (text.isEmpty())
        return 0;
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text).height();
}

QString reasonText(const QModelIndex &index)
{
    const QString reason = index.data(PointCheckDelegate::ReasonRole).toString();
    return reason.isEmpty() ? QString() : PointCheckDelegate::tr("Not met: %1").arg(reason);
}

} // namespace

PointCheckDelegate::PointCheckDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

int PointCheckDelegate::textWidth(int width) const
{
    return std::max(80, width - kTextLeft - kPadX);
}

QSize PointCheckDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view->viewport()->width();
    const int tw = textWidth(width);
    const QFont small = smaller(option.font);
    const int textHeight = wrappedHeight(index.data(Qt::DisplayRole).toString(), option.font, tw);
    const int reasonHeight = wrappedHeight(reasonText(index), small, tw);
    return QSize(width,
        kPadY + ChipPainter::height(small) + 3 + textHeight + (reasonHeight ? 3 + reasonHeight : 0) + kPadY);
}

void PointCheckDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const bool focused = selected && m_view->hasFocus();
    const auto state = State(index.data(StateRole).toInt());
    if (focused)
        painter->fillRect(rect, Theme::accentSoft());
    else if (selected || option.state & QStyle::State_MouseOver)
        painter->fillRect(rect, Theme::window());
    if (focused)
        painter->fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), Theme::accent());
    painter->setPen(Theme::border());
    painter->drawLine(rect.left() + kPadX, rect.bottom(), rect.right() - kPadX, rect.bottom());

    // The box: empty while open, a tick when met, a cross when not met.
    const QFont small = smaller(option.font);
    const int top = rect.top() + kPadY;
    const QRectF box(rect.left() + kPadX, top + 1, kBox, kBox);
    switch (state) {
    case State::Open:
        painter->setPen(QPen(Theme::secondaryText(), 1.3));
        painter->setBrush(Theme::panel());
        painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        break;
    case State::Met: {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::success());
        painter->drawRoundedRect(box, 3, 3);
        QPen pen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter->setPen(pen);
        const QPointF tick[] = {box.topLeft() + QPointF(4.5, 9.5), box.topLeft() + QPointF(7.8, 13),
            box.topLeft() + QPointF(13.8, 5.5)};
        painter->drawPolyline(tick, 3);
        break;
    }
    case State::Failed: {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::danger());
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap));
        painter->drawLine(box.topLeft() + QPointF(5, 5), box.bottomRight() - QPointF(5, 5));
        painter->drawLine(box.topRight() + QPointF(-5, 5), box.bottomLeft() + QPointF(5, -5));
        break;
    }
    }

    const int x = rect.left() + kTextLeft;
    const int tw = textWidth(rect.width());
    int y = top;
    ChipPainter::paint(
        painter, QPoint(x, y), index.data(KindRole).toString(), small, ChipPainter::Style::Neutral);
    y += ChipPainter::height(small) + 3;
    const QString text = index.data(Qt::DisplayRole).toString();
    const int textHeight = wrappedHeight(text, option.font, tw);
    painter->setFont(option.font);
    painter->setPen(state == State::Met ? Theme::secondaryText() : Theme::text());
    painter->drawText(QRect(x, y, tw, textHeight), Qt::TextWordWrap, text);
    y += textHeight + 3;
    const QString reason = reasonText(index);
    if (!reason.isEmpty()) {
        painter->setFont(small);
        painter->setPen(Theme::danger());
        painter->drawText(QRect(x, y, tw, wrappedHeight(reason, small, tw)), Qt::TextWordWrap, reason);
    }
    painter->restore();
}

} // namespace ow::ui
