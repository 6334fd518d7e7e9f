#pragma once

#include <QStyledItemDelegate>

namespace ow::ui {

/// Paints a search hit: the name with the matched part highlighted, then code, department and kind,
/// with the frequency class or "bundle" as a chip on the right.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace ow::ui
