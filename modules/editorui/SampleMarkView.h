#pragma once

#include "authoring/SampleGeometry.h"
#include "ui/SampleView.h"

#include <QList>
#include <QRect>

namespace ow::editorui {

/// The workstation's sample view made editable: a drag on the image draws a new mark, a drag on a mark
/// moves it and a drag on one of the selected mark's handles resizes it; Tab selects the next mark,
/// arrows move it by 1 % of the image, Shift+arrows resize it, Delete deletes it. What it computes is
/// authoring::SampleGeometry's; it sends each finished change as an intent and shows the marks it is
/// given back.
class SampleMarkView : public ui::SampleView
{
    Q_OBJECT

public:
    explicit SampleMarkView(QWidget *parent = nullptr);

    /// A new image with its marks (fitted to the view).
    void setImage(const QPixmap &image, const QList<QRect> &marks);
    /// The marks again after an edit, keeping the image, the zoom and a drag in progress abandoned.
    void setRects(const QList<QRect> &marks);
    const QList<QRect> &rects() const { return m_rects; }
    QSize imageSize() const { return m_geometry.imageSize(); }

    /// -1 for none.
    void setSelected(int mark);
    int selected() const { return m_selected; }

Q_SIGNALS:
    void selectedChanged(int mark);
    /// A mark moved or resized (by mouse: when the button is released).
    void markChanged(int mark, const QRect &rect);
    void markDrawn(const QRect &rect);
    void deleteRequested(int mark);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    enum class Drag
    {
        None,
        Draw,
        Change
    };

    QPointF imagePoint(const QPointF &viewPoint) const;
    void showRects();
    void cancelDrag();
    void updateCursor(const QPointF &viewPoint);

    authoring::SampleGeometry m_geometry {QSize(1, 1)};
    QList<QRect> m_rects;
    int m_selected = -1;
    Drag m_drag = Drag::None;
    authoring::SampleGeometry::Handle m_handle = authoring::SampleGeometry::Handle::None;
    QPointF m_pressView; ///< where the button went down, in view pixels
    QPointF m_pressImage; ///< the same point on the image
    QRect m_startRect; ///< the mark being changed, as it was when the drag began
    QRect m_dragRect; ///< the mark being drawn or changed, as it is now
    bool m_dragged = false; ///< the pointer went far enough to be a drag, not a click
};

} // namespace ow::editorui
