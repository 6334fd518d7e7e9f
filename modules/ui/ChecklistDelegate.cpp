#include "ui/ChecklistDelegate.h"

#include "ui/ChecklistModel.h"
#include "ui/ChipPainter.h"
#include "ui/ListRowPainter.h"
#include "ui/Theme.h"

#include <QAbstractItemView>
#include <QPainter>
#include <QTextLayout>

namespace ow::ui {

namespace {

constexpr int kPadX = 12;
constexpr int kPadY = 9;
constexpr int kNumberSize = 22;
constexpr int kTextLeft = kPadX + kNumberSize + 10;
constexpr int kGap = 5;
constexpr int kHeadingHeight = 32;

QFont scaled(const QFont &base, qreal factor, bool bold = false)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

/// Height of `text` wrapped to `width` in `font`.
int wrappedHeight(const QString &text, const QFont &font, int width)
{
    if (text.isEmpty())
        return 0;
    const QFontMetrics metrics(font);
    return metrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text).height();
}

} // namespace

struct ChecklistDelegate::Layout
{
    QFont nameFont;
    QFont smallFont;
    QString reasons;
    QString notes;
    QList<QPair<QString, ChipPainter::Style>> chips;
    QList<QPoint> chipOffsets; ///< relative to the first chip row's top left
    int textWidth = 0;
    int nameHeight = 0;
    int chipHeight = 0;
    int reasonsHeight = 0;
    int notesHeight = 0;
    int height = 0;
};

ChecklistDelegate::ChecklistDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

ChecklistDelegate::Layout ChecklistDelegate::layoutFor(
    const QStyleOptionViewItem &option, const QModelIndex &index, int width) const
{
    Layout layout;
    layout.nameFont = scaled(option.font, 1.08, true);
    layout.smallFont = scaled(option.font, 0.92);
    layout.textWidth = std::max(120, width - kTextLeft - kPadX);
    for (const QString &chip : index.data(ChecklistModel::ChipsRole).toStringList())
        layout.chips.append({chip, ChipPainter::Style::Neutral});
    if (index.data(ChecklistModel::DataSharedRole).toBool())
        layout.chips.append({tr("not handed in (data sharing)"), ChipPainter::Style::Success});
    if (index.data(ChecklistModel::WaivableRole).toBool())
        layout.chips.append({tr("waivable"), ChipPainter::Style::Warning});
    layout.reasons = index.data(ChecklistModel::ReasonsRole).toStringList().join(QStringLiteral("；"));
    const QStringList matters = index.data(ChecklistModel::MattersRole).toStringList();
    if (!matters.isEmpty()) {
        const QString shared = tr("Handed in once for: %1").arg(matters.join(QStringLiteral("、")));
        layout.reasons
            = layout.reasons.isEmpty() ? shared : QString(layout.reasons + QLatin1Char('\n') + shared);
    }
    const QStringList notes = index.data(ChecklistModel::NotesRole).toStringList();
    if (!notes.isEmpty())
        layout.notes = tr("Note: %1").arg(notes.join(QStringLiteral("；")));

    layout.nameHeight
        = wrappedHeight(index.data(Qt::DisplayRole).toString(), layout.nameFont, layout.textWidth);
    // Chips flow left to right and wrap when the panel is narrow.
    const int chipRow = ChipPainter::height(layout.smallFont);
    int cx = 0;
    int cy = 0;
    for (const auto &chip : std::as_const(layout.chips)) {
        const int w = ChipPainter::width(chip.first, layout.smallFont);
        if (cx > 0 && cx + w > layout.textWidth) {
            cx = 0;
            cy += chipRow + 4;
        }
        layout.chipOffsets.append(QPoint(cx, cy));
        cx += w + 6;
    }
    layout.chipHeight = cy + chipRow;
    layout.reasonsHeight = wrappedHeight(layout.reasons, layout.smallFont, layout.textWidth);
    layout.notesHeight = wrappedHeight(layout.notes, layout.smallFont, layout.textWidth);
    layout.height = kPadY + layout.nameHeight + kGap + layout.chipHeight
        + (layout.reasonsHeight ? kGap + layout.reasonsHeight : 0)
        + (layout.notesHeight ? 2 + layout.notesHeight : 0) + kPadY;
    return layout;
}

QSize ChecklistDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view->viewport()->width();
    if (index.data(ChecklistModel::KindRole).toInt() == int(ChecklistModel::RowKind::Heading))
        return QSize(width, kHeadingHeight);
    return QSize(width, layoutFor(option, index, width).height);
}

void ChecklistDelegate::paintHeading(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRect rect = option.rect.adjusted(kPadX, 0, -kPadX, 0);
    painter->setFont(scaled(option.font, 0.92, true));
    painter->setPen(Theme::secondaryText());
    const QString text = tr("%1 (%2)")
                             .arg(index.data(Qt::DisplayRole).toString())
                             .arg(index.data(ChecklistModel::CountRole).toInt());
    painter->drawText(rect.adjusted(0, 8, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->setPen(Theme::border());
    painter->drawLine(rect.left(), option.rect.bottom(), rect.right(), option.rect.bottom());
}

void ChecklistDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (index.data(ChecklistModel::KindRole).toInt() == int(ChecklistModel::RowKind::Heading)) {
        paintHeading(painter, option, index);
        painter->restore();
        return;
    }

    const QRect rect = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    ListRowPainter::paintBackground(painter, rect, selected, hovered, kPadX);

    const Layout layout = layoutFor(option, index, rect.width());
    const bool shared = index.data(ChecklistModel::DataSharedRole).toBool();

    // Number disc: filled for what the applicant brings, outlined for what the hall fetches itself.
    const QRectF disc(rect.left() + kPadX, rect.top() + kPadY, kNumberSize, kNumberSize);
    painter->setPen(shared ? QPen(Theme::success(), 1.5) : Qt::NoPen);
    painter->setBrush(shared ? Theme::successSoft() : (selected ? Theme::accent() : Theme::secondaryText()));
    painter->drawEllipse(disc);
    painter->setFont(scaled(option.font, 0.85, true));
    painter->setPen(shared ? Theme::success() : QColor(Qt::white));
    painter->drawText(disc, Qt::AlignCenter, index.data(ChecklistModel::NumberRole).toString());

    int y = rect.top() + kPadY;
    const int x = rect.left() + kTextLeft;
    painter->setFont(layout.nameFont);
    painter->setPen(Theme::text());
    painter->drawText(QRect(x, y, layout.textWidth, layout.nameHeight), Qt::TextWordWrap,
        index.data(Qt::DisplayRole).toString());
    y += layout.nameHeight + kGap;

    for (qsizetype i = 0; i < layout.chips.size(); ++i)
        ChipPainter::paint(painter, QPoint(x, y) + layout.chipOffsets.at(i), layout.chips.at(i).first,
            layout.smallFont, layout.chips.at(i).second);
    y += layout.chipHeight;

    painter->setFont(layout.smallFont);
    if (layout.reasonsHeight) {
        y += kGap;
        painter->setPen(Theme::secondaryText());
        painter->drawText(
            QRect(x, y, layout.textWidth, layout.reasonsHeight), Qt::TextWordWrap, layout.reasons);
        y += layout.reasonsHeight;
    }
    y += 2;
    if (!layout.notes.isEmpty()) {
        painter->setPen(Theme::warning());
        painter->drawText(QRect(x, y, layout.textWidth, layout.notesHeight), Qt::TextWordWrap, layout.notes);
    }
    painter->restore();
}

} // namespace ow::ui
