#pragma once

#include "catalogue/SituationEngine.h"

#include <QMap>
#include <QWidget>

class QBoxLayout;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace ow::ui {

class SampleView;

/// A material's sample (示例) with numbered markers, and its review points listed beside it with the
/// same numbers. Hovering or selecting a point highlights its markers; clicking a marker selects its point.
class SampleViewer : public QWidget
{
    Q_OBJECT

public:
    explicit SampleViewer(QWidget *parent = nullptr);

    /// Shows the line's sample (when it has one) and review points. `catalogue` resolves the image path.
    void showLine(const catalogue::ChecklistLine *line, const catalogue::Catalogue &catalogue);
    SampleView *view() const { return m_view; }
    QListWidget *points() const { return m_points; }
    bool hasImage() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void fitToView();

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void highlightRow(int row);
    void updateZoomLabel(qreal zoom);
    void updateDirection();

    QBoxLayout *m_layout = nullptr;
    QStackedWidget *m_imageStack = nullptr;
    SampleView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QWidget *m_zoomBar = nullptr;
    QListWidget *m_points = nullptr;
    QMap<int, int> m_rowOfMarker; ///< marker number → row in the point list
    QSize m_imageSize;
    QString m_shownImage; ///< absolute path of the image on show, empty when none
    QList<QRectF> m_shownMarks;
};

} // namespace ow::ui
