#pragma once

#include "ui/ChipPainter.h"

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace ow::ui {

/// Paints a line of the material check list: number, name, what the checklist asks for, and on
/// the right what the counter recorded (status chip, points checked, failed points).
class MaterialCheckDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum Role
    {
        NumberRole = Qt::UserRole + 1,
        ChipsRole, ///< QStringList: form and copies the checklist asks for
        StatusTextRole,
        StatusStyleRole, ///< int(ChipPainter::Style)
        PointsTextRole, ///< "2/4 points", empty when the material has none or was not handed in
        FailedTextRole, ///< "1 failed", empty when none
        MaterialIdRole,
        MattersRole, ///< "For: 设立登记、食品经营许可" in a bundle, else empty
    };

    explicit MaterialCheckDelegate(QAbstractItemView *view);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int statusWidth(const QStyleOptionViewItem &option, const QModelIndex &index) const;

    QAbstractItemView *m_view;
};

} // namespace ow::ui
