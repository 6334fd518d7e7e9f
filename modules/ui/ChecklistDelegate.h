#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace ow::ui {

/// Paints checklist rows: group headings, and lines with number, name, form/copies/medium chips,
/// the data-shared and waivable marks, the reasons and notes. Lines wrap to the view's width.
class ChecklistDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ChecklistDelegate(QAbstractItemView *view);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Layout;
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    void paintHeading(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    QAbstractItemView *m_view;
};

} // namespace ow::ui
