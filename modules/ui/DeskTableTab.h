#pragma once

#include "documents/TableExport.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ow::ui {

/// Asks where to save (FileDialog) and writes `table` as CSV or XLSX: the file written, empty when
/// the supervisor cancelled, or why it failed.
Result<QString> exportDeskTable(QWidget *parent, const documents::ExportTable &table, bool xlsx);
/// The status line's words for an exportDeskTable() outcome (empty when cancelled).
QString exportOutcomeText(const Result<QString> &outcome, qsizetype rows);

/// One table of the supervisor's desk (clerks, matters, points): the rows as the server gave them,
/// sortable on screen, exported to CSV and, where this build writes it, XLSX.
class DeskTableTab : public QWidget
{
    Q_OBJECT

public:
    explicit DeskTableTab(QWidget *parent = nullptr);

    void setTable(const documents::ExportTable &table, const QString &note = {});
    const documents::ExportTable &exportTable() const { return m_table; }
    QTableWidget *table() const { return m_view; }
    QPushButton *csvButton() const { return m_csv; }
    /// Null when this build writes no XLSX.
    QPushButton *xlsxButton() const { return m_xlsx; }
    QLabel *statusLabel() const { return m_status; }

    bool exportTo(bool xlsx);

private:
    documents::ExportTable m_table;
    QTableWidget *m_view = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_csv = nullptr;
    QPushButton *m_xlsx = nullptr;
};

/// The export buttons every desk tab carries: CSV, and XLSX when the build writes it.
void addExportButtons(QWidget *owner, QLayout *row, QPushButton **csv, QPushButton **xlsx);

} // namespace ow::ui
