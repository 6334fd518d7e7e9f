#pragma once

#include <QGraphicsView>
#include <QList>

class QGraphicsPixmapItem;

namespace ow::ui {

class SampleMarkerItem;

/// A sample image with numbered markers over its review points; zooms with Ctrl+wheel and the zoom
/// slots, and keeps the image fitted to the view until the clerk zooms.
class SampleView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit SampleView(QWidget *parent = nullptr);

    /// Shows the image with markers numbered 1…n in the order of `marks` (image pixels).
    void setSample(const QPixmap &image, const QList<QRectF> &marks);
    /// Replaces the markers only, keeping the image, the zoom and the highlight (the catalogue editor
    /// moving a mark).
    void setMarks(const QList<QRectF> &marks);
    void clear();
    /// Highlights these marker numbers and dims the others; an empty list shows all alike.
    void highlight(const QList<int> &numbers);
    QList<int> highlighted() const { return m_highlighted; }
    int markerCount() const { return int(m_markers.size()); }
    /// 1.0 shows image pixels one to one.
    qreal zoom() const { return transform().m11(); }
    bool isFitting() const { return m_fitting; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToView();

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    void markerHovered(int number, bool entered);
    void markerClicked(int number);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setZoom(qreal zoom);

    QGraphicsPixmapItem *m_image = nullptr;
    QList<SampleMarkerItem *> m_markers;
    QList<int> m_highlighted;
    bool m_fitting = true;
};

} // namespace ow::ui
