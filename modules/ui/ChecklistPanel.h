#pragma once

#include "catalogue/SituationEngine.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QListView;

namespace ow::ui {

class ChecklistModel;

/// The live checklist beside the interview: a count summary and one row per material, basic
/// materials first. Selecting a line announces it so the detail panel can show its review points.
class ChecklistPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChecklistPanel(QWidget *parent = nullptr);

    /// Shows a new checklist, keeping the selected material when it is still on it.
    void setChecklist(const catalogue::Checklist &checklist, bool complete);
    /// Names for matter codes, so bundle lines can say which matters share them.
    void setMatterNames(const QHash<QString, QString> &names);
    const catalogue::ChecklistLine *currentLine() const;
    bool selectMaterial(const QString &materialId);
    /// Material ids in the order shown (basic materials first).
    QStringList materialIds() const;
    QString summaryText() const;
    QListView *view() const { return m_view; }

Q_SIGNALS:
    /// The selected line changed; null when the checklist is empty.
    void currentLineChanged(const catalogue::ChecklistLine *line);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSummary(bool complete);
    void emitCurrent();

    ChecklistModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_state = nullptr;
};

} // namespace ow::ui
