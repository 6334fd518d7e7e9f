#include "ui/MaterialCheckDelegate.h"

#include "ui/ListRowPainter.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QPainter>

namespace ow::ui {

namespace {

constexpr int kPadX = 12;
constexpr int kPadY = 9;
constexpr int kNumberSize = 22;
constexpr int kTextLeft = kPadX + kNumberSize + 10;
constexpr int kGap = 5;

QFont scaled(const QFont &base, qreal factor, bool bold = false)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

MaterialCheckDelegate::MaterialCheckDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

int MaterialCheckDelegate::statusWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFont small = scaled(option.font, 0.92);
    int width = ChipPainter::width(index.data(StatusTextRole).toString(), small);
    for (const int role : {int(PointsTextRole), int(FailedTextRole)}) {
        const QString text = index.data(role).toString();
        if (!text.isEmpty())
            width = std::max(width, ChipPainter::width(text, small));
    }
    return width;
}

QSize MaterialCheckDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view->viewport()->width();
    const QFont nameFont = scaled(option.font, 1.04, true);
    const int textWidth = std::max(100, width - kTextLeft - kPadX - statusWidth(option, index) - 12);
    const int nameHeight = QFontMetrics(nameFont)
                               .boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap,
                                   index.data(Qt::DisplayRole).toString())
                               .height();
    const QFont small = scaled(option.font, 0.92);
    const int chipRow = ChipPainter::height(small);
    int left = nameHeight + kGap + chipRow;
    const QString matters = index.data(MattersRole).toString();
    if (!matters.isEmpty())
        left += kGap
            + QFontMetrics(small)
                  .boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, matters)
                  .height();
    const int right = 2 * chipRow + 4;
    return QSize(width, kPadY + std::max(left, right) + kPadY);
}

void MaterialCheckDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect rect = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    ListRowPainter::paintBackground(painter, option, kPadX);

    const QFont small = scaled(option.font, 0.92);
    const auto style = ChipPainter::Style(index.data(StatusStyleRole).toInt());
    const bool settled = style != ChipPainter::Style::Neutral;

    // The disc turns the status colour once the line is settled, so open lines stand out.
    const QRectF disc(rect.left() + kPadX, rect.top() + kPadY, kNumberSize, kNumberSize);
    QColor discColour = selected ? Theme::accent() : Theme::secondaryText();
    if (style == ChipPainter::Style::Success)
        discColour = Theme::success();
    else if (style == ChipPainter::Style::Danger)
        discColour = Theme::danger();
    else if (style == ChipPainter::Style::Warning)
        discColour = Theme::warning();
    else if (style == ChipPainter::Style::Accent)
        discColour = Theme::accent();
    painter->setPen(Qt::NoPen);
    painter->setBrush(discColour);
    painter->drawEllipse(disc);
    painter->setFont(scaled(option.font, 0.85, true));
    painter->setPen(Qt::white);
    painter->drawText(disc, Qt::AlignCenter, index.data(NumberRole).toString());

    const int sw = statusWidth(option, index);
    const int x = rect.left() + kTextLeft;
    const int textWidth = std::max(100, rect.width() - kTextLeft - kPadX - sw - 12);
    int y = rect.top() + kPadY;
    const QFont nameFont = scaled(option.font, 1.04, true);
    const QString name = index.data(Qt::DisplayRole).toString();
    const int nameHeight
        = QFontMetrics(nameFont).boundingRect(QRect(0, 0, textWidth, 10000), Qt::TextWordWrap, name).height();
    painter->setFont(nameFont);
    painter->setPen(settled && !selected ? Theme::secondaryText() : Theme::text());
    painter->drawText(QRect(x, y, textWidth, nameHeight), Qt::TextWordWrap, name);
    y += nameHeight + kGap;
    int cx = x;
    for (const QString &chip : index.data(ChipsRole).toStringList())
        cx += ChipPainter::paint(painter, QPoint(cx, y), chip, small, ChipPainter::Style::Neutral) + 6;
    // In a bundle, which of its matters the material serves, under the chips.
    if (const QString matters = index.data(MattersRole).toString(); !matters.isEmpty()) {
        y += ChipPainter::height(small) + kGap;
        painter->setFont(small);
        painter->setPen(selected ? Theme::text() : Theme::secondaryText());
        painter->drawText(QRect(x, y, textWidth, rect.bottom() - y), Qt::TextWordWrap, matters);
    }

    // Right column: status, then the points or the failures under it, right-aligned.
    const int right = rect.right() - kPadX;
    const int chipRow = ChipPainter::height(small);
    int ry = rect.top() + kPadY;
    const QString status = index.data(StatusTextRole).toString();
    ChipPainter::paint(painter, QPoint(right - ChipPainter::width(status, small), ry), status, small, style);
    ry += chipRow + 4;
    const QString failed = index.data(FailedTextRole).toString();
    const QString points = index.data(PointsTextRole).toString();
    if (!failed.isEmpty())
        ChipPainter::paint(painter, QPoint(right - ChipPainter::width(failed, small), ry), failed, small,
            ChipPainter::Style::Danger);
    else if (!points.isEmpty())
        ChipPainter::paint(painter, QPoint(right - ChipPainter::width(points, small), ry), points, small,
            ChipPainter::Style::Neutral);
    painter->restore();
}

} // namespace ow::ui
