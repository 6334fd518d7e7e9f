#include "ui/CaseListDelegate.h"

#include "ui/CaseListModel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QLabel>
#include <QPainter>

namespace ow::ui {

using namespace ow::cases;

namespace {

constexpr int kPadX = 8;
constexpr int kRowHeight = 38;

} // namespace

ChipPainter::Style CaseListDelegate::styleFor(DeadlineStatus::Level level)
{
    switch (level) {
    case DeadlineStatus::Level::OnTrack:
        return ChipPainter::Style::Success;
    case DeadlineStatus::Level::DueSoon:
        return ChipPainter::Style::Warning;
    case DeadlineStatus::Level::Overdue:
        return ChipPainter::Style::Danger;
    default:
        return ChipPainter::Style::Neutral;
    }
}

ChipPainter::Style CaseListDelegate::styleFor(CaseState state)
{
    switch (state) {
    case CaseState::CorrectionNotice:
    case CaseState::SupplementRequested:
        return ChipPainter::Style::Warning;
    case CaseState::Refused:
    case CaseState::Denied:
        return ChipPainter::Style::Danger;
    case CaseState::Withdrawn:
        // Closed at the applicant's wish, like a case handed over: nothing left for the hall to do.
        return ChipPainter::Style::Neutral;
    case CaseState::ResultReady:
    case CaseState::Approved:
        return ChipPainter::Style::Success;
    case CaseState::Accepted:
    case CaseState::AcceptedWithWaiver:
    case CaseState::Transferred:
    case CaseState::InReview:
    case CaseState::Supplemented:
        return ChipPainter::Style::Accent;
    default:
        return ChipPainter::Style::Neutral;
    }
}

void CaseListDelegate::makeChip(QLabel *label, const QString &text, ChipPainter::Style style)
{
    QString tone;
    switch (style) {
    case ChipPainter::Style::Neutral:
        tone = QStringLiteral("neutral");
        break;
    case ChipPainter::Style::Success:
        tone = QStringLiteral("success");
        break;
    case ChipPainter::Style::Warning:
        tone = QStringLiteral("warning");
        break;
    case ChipPainter::Style::Accent:
        tone = QStringLiteral("accent");
        break;
    case ChipPainter::Style::Danger:
        tone = QStringLiteral("danger");
        break;
    }
    label->setObjectName(QStringLiteral("chip"));
    label->setText(text);
    label->setProperty("tone", tone);
    // A dynamic property changed after polish needs a re-polish to reach the style sheet.
    label->style()->unpolish(label);
    label->style()->polish(label);
}

void CaseListDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int column = index.column();
    const QVariant supplementOverdue = index.data(CaseListModel::SupplementOverdueRole);
    const bool supplementChip = column == CaseListModel::SupplementColumn && supplementOverdue.isValid();
    if (column != CaseListModel::StateColumn && column != CaseListModel::DaysLeftColumn && !supplementChip) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The background (selection, alternate rows) as for any cell, then the chip instead of the text.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.92);
    // A long state name ends in "…" rather than running out of its cell; the tooltip has it whole.
    const int room = option.rect.width() - 2 * kPadX - (ChipPainter::width(QString(), font));
    const QString text
        = QFontMetrics(font).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, room);
    const ChipPainter::Style chip = supplementChip
        ? (supplementOverdue.toBool() ? ChipPainter::Style::Danger : ChipPainter::Style::Warning)
        : column == CaseListModel::StateColumn
        ? styleFor(CaseState(index.data(CaseListModel::StateRole).toInt()))
        : styleFor(DeadlineStatus::Level(index.data(CaseListModel::DeadlineLevelRole).toInt()));
    const int height = ChipPainter::height(font);
    const QPoint at(option.rect.left() + kPadX, option.rect.top() + (option.rect.height() - height) / 2);
    painter->save();
    painter->setClipRect(option.rect);
    ChipPainter::paint(painter, at, text, font, chip);
    painter->restore();
}

QSize CaseListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == CaseListModel::StateColumn || index.column() == CaseListModel::DaysLeftColumn)
        size.setWidth(ChipPainter::width(index.data(Qt::DisplayRole).toString(), option.font) + 2 * kPadX);
    size.setHeight(std::max(size.height(), kRowHeight));
    return size;
}

} // namespace ow::ui
