#pragma once

#include "cases/CaseDeadline.h"
#include "cases/CaseState.h"
#include "ui/ChipPainter.h"

#include <QStyledItemDelegate>

class QLabel;

namespace ow::ui {

/// Paints the case list's state and working-days-left cells as chips: green on track, amber due
/// within two working days, red overdue, grey paused or decided; the supplement cell amber while
/// materials are awaited, red once overdue. The other cells stay plain text.
class CaseListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static ChipPainter::Style styleFor(cases::DeadlineStatus::Level level);
    static ChipPainter::Style styleFor(cases::CaseState state);
    /// Makes a label look like a chip of that style (objectName "chip", property "tone" for the
    /// style sheet), for chips outside item views.
    static void makeChip(QLabel *label, const QString &text, ChipPainter::Style style);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ow::ui
