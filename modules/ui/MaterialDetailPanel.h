#pragma once

#include "catalogue/SituationEngine.h"

#include <QWidget>

class QLabel;

namespace ow::ui {

class SampleViewer;

/// What the clerk needs about the selected checklist line: what the material is, its sample with the
/// review points, common errors and prerequisites.
class MaterialDetailPanel : public QWidget
{
    Q_OBJECT

public:
    explicit MaterialDetailPanel(QWidget *parent = nullptr);

    void showLine(const catalogue::ChecklistLine *line, const catalogue::Catalogue &catalogue);
    SampleViewer *sampleViewer() const { return m_viewer; }
    QString commonErrorsText() const;
    QString prerequisitesText() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_description = nullptr;
    SampleViewer *m_viewer = nullptr;
    QLabel *m_errors = nullptr;
    QLabel *m_prerequisites = nullptr;
    QLabel *m_files = nullptr;
};

} // namespace ow::ui
