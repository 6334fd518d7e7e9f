#include "ui/ListRowPainter.h"

#include "ui/Theme.h"

#include <QPainter>
#include <QStyleOptionViewItem>

namespace ow::ui {

void ListRowPainter::paintBackground(
    QPainter *painter, const QRect &rect, bool selected, bool hovered, int separatorInset)
{
    if (selected) {
        painter->fillRect(rect, Theme::accentSoft());
        painter->fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), Theme::accent());
    } else if (hovered) {
        painter->fillRect(rect, Theme::window());
    }
    painter->setPen(Theme::border());
    painter->drawLine(
        rect.left() + separatorInset, rect.bottom(), rect.right() - separatorInset, rect.bottom());
}

void ListRowPainter::paintBackground(
    QPainter *painter, const QStyleOptionViewItem &option, int separatorInset)
{
    paintBackground(painter, option.rect, option.state & QStyle::State_Selected,
        option.state & QStyle::State_MouseOver, separatorInset);
}

} // namespace ow::ui
