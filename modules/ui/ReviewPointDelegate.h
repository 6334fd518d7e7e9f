#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace ow::ui {

/// Paints a review point: the marker number(s) it has on the sample, form/content, and its text.
class ReviewPointDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum Role
    {
        NumbersRole = Qt::UserRole + 1, ///< QVariantList of int: the marker numbers on the sample
        KindRole, ///< "form review" / "content review"
        TagRole, ///< the matter that adds the point, or empty
    };

    explicit ReviewPointDelegate(QAbstractItemView *view);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int textWidth(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    int badgeWidth(const QModelIndex &index) const;

    QAbstractItemView *m_view;
};

} // namespace ow::ui
