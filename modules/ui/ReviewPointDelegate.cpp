#include "ui/ReviewPointDelegate.h"

#include "ui/ChipPainter.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QPainter>

namespace ow::ui {

namespace {

constexpr int kPadX = 10;
constexpr int kPadY = 7;
constexpr int kBadge = 22;

QFont smaller(const QFont &font)
{
    QFont f = font;
    f.setPointSizeF(font.pointSizeF() * 0.88);
    return f;
}

QString chipText(const QModelIndex &index)
{
    const QString tag = index.data(ReviewPointDelegate::TagRole).toString();
    const QString kind = index.data(ReviewPointDelegate::KindRole).toString();
    return tag.isEmpty() ? kind : kind + QStringLiteral(" · ") + tag;
}

} // namespace

ReviewPointDelegate::ReviewPointDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

int ReviewPointDelegate::badgeWidth(const QModelIndex &index) const
{
    const int count = int(index.data(NumbersRole).toList().size());
    return count == 0 ? kBadge : count * (kBadge + 3) - 3;
}

int ReviewPointDelegate::textWidth(const QStyleOptionViewItem &, const QModelIndex &index, int width) const
{
    return std::max(80, width - 2 * kPadX - badgeWidth(index) - 10);
}

QSize ReviewPointDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view->viewport()->width();
    const int tw = textWidth(option, index, width);
    const QFontMetrics metrics(option.font);
    const int textHeight
        = metrics
              .boundingRect(QRect(0, 0, tw, 10000), Qt::TextWordWrap, index.data(Qt::DisplayRole).toString())
              .height();
    const int chipHeight = ChipPainter::height(smaller(option.font));
    return QSize(width, kPadY + chipHeight + 3 + textHeight + kPadY);
}

void ReviewPointDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    if (selected)
        painter->fillRect(rect, Theme::accentSoft());
    else if (hovered)
        painter->fillRect(rect, Theme::window());
    painter->setPen(Theme::border());
    painter->drawLine(rect.left() + kPadX, rect.bottom(), rect.right() - kPadX, rect.bottom());

    // Number discs in the marker colour, so the eye pairs them with the image.
    const QVariantList numbers = index.data(NumbersRole).toList();
    QFont badgeFont = option.font;
    badgeFont.setBold(true);
    badgeFont.setPointSizeF(option.font.pointSizeF() * 0.85);
    painter->setFont(badgeFont);
    int x = rect.left() + kPadX;
    const int y = rect.top() + kPadY;
    if (numbers.isEmpty()) {
        painter->setPen(QPen(Theme::border(), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(QRectF(x + 7, y + 7, kBadge - 14, kBadge - 14));
    }
    for (const QVariant &number : numbers) {
        const QRectF disc(x, y, kBadge, kBadge);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected || hovered ? Theme::accent() : Theme::marker());
        painter->drawEllipse(disc);
        painter->setPen(Qt::white);
        painter->drawText(disc, Qt::AlignCenter, number.toString());
        x += kBadge + 3;
    }

    const int textLeft = rect.left() + kPadX + badgeWidth(index) + 10;
    const int tw = textWidth(option, index, rect.width());
    const QFont small = smaller(option.font);
    ChipPainter::paint(painter, QPoint(textLeft, y), chipText(index), small, ChipPainter::Style::Neutral);
    const int textTop = y + ChipPainter::height(small) + 3;
    painter->setFont(option.font);
    painter->setPen(Theme::text());
    painter->drawText(QRect(textLeft, textTop, tw, rect.bottom() - textTop), Qt::TextWordWrap,
        index.data(Qt::DisplayRole).toString());
    painter->restore();
}

} // namespace ow::ui
