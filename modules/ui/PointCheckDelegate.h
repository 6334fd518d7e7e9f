#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace ow::ui {

/// Paints a review point as the clerk checks it: an empty box, a green tick (met) or a red cross
/// (not met) with the reason the applicant will be told.
class PointCheckDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    enum class State
    {
        Open,
        Met,
        Failed
    };
    enum Role
    {
        StateRole = Qt::UserRole + 1, ///< int(State)
        KindRole, ///< "form review" / "content review", with the matter that adds it
        ReasonRole, ///< why it is not met
        PointIdRole,
    };

    explicit PointCheckDelegate(QAbstractItemView *view);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int textWidth(int width) const;

    QAbstractItemView *m_view;
};

} // namespace ow::ui
