#pragma once

#include <QRect>

class QPainter;
class QStyleOptionViewItem;

namespace ow::ui {

/// Draws what every row of our item lists shares: the selected and hovered backgrounds, the accent
/// bar at the left of the selected row, and the thin separator under each row.
class ListRowPainter
{
public:
    /// Paints the background of `rect` and the separator along its bottom, inset by `separatorInset`
    /// at both ends (the row's own horizontal padding).
    static void paintBackground(
        QPainter *painter, const QRect &rect, bool selected, bool hovered, int separatorInset);
    /// The same for the row described by `option` (its selected and mouse-over state).
    static void paintBackground(QPainter *painter, const QStyleOptionViewItem &option, int separatorInset);
};

} // namespace ow::ui
