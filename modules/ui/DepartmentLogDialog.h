#pragma once

#include "sync/SupervisionClient.h"
#include "ui/CaseScreenContext.h"

#include <QDialog>
#include <QJsonArray>
#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ow::ui {

/// Cases → Departments' log (部门操作日志, docs/supervision.md): what departments did through the
/// hall's server with their keys, for supervisors. The supervisor signs in to the server with
/// their own password as at the supervisor's desk (sync::SupervisionClient); the session lives in
/// this window only. The server records every look and export.
class DepartmentLogDialog : public QDialog
{
    Q_OBJECT

public:
    DepartmentLogDialog(const CaseScreenContext &context, QWidget *parent = nullptr);

    /// Signs in when needed and shows the rows of the filter; false with the reason in the status.
    bool load(bool forExport = false);
    /// Asks for a file (FileDialog) and writes every row of the filter as CSV.
    bool exportCsv();

    QLineEdit *passwordField() const { return m_password; }
    QDateEdit *fromField() const { return m_from; }
    QDateEdit *toField() const { return m_to; }
    QLineEdit *departmentField() const { return m_department; }
    QLineEdit *caseField() const { return m_case; }
    QTableWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *showButton() const { return m_show; }
    QPushButton *exportButton() const { return m_export; }

private:
    void fill(const QJsonArray &rows, qint64 total);
    QStringList header() const;

    CaseScreenContext m_context;
    std::optional<sync::SupervisorSession> m_session;
    QJsonArray m_rows;
    QLineEdit *m_password = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_department = nullptr;
    QLineEdit *m_case = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_show = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace ow::ui
