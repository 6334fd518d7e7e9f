#pragma once

#include "sync/SupervisionClient.h"
#include "ui/CaseScreenContext.h"

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace ow::ui {

/// Cases → Departments' log (部门操作日志, docs/supervision.md): what departments did through the
/// hall's server with their keys, for supervisors, with the server's check of the log's hash chain
/// (a broken row in red, the rows after it unverified), and on a second page who looked at the log
/// (查阅记录). The supervisor signs in to the server with their own password as at the supervisor's
/// desk (sync::SupervisionClient); the session lives in this window only. The server records every
/// look, export and reading of the looks.
class DepartmentLogDialog : public QDialog
{
    Q_OBJECT

public:
    DepartmentLogDialog(const CaseScreenContext &context, QWidget *parent = nullptr);

    /// Signs in when needed and shows the rows of the filter; false with the reason in the status.
    bool load(bool forExport = false);
    /// Asks for a file (FileDialog) and writes every row of the filter as CSV.
    bool exportCsv();
    /// Signs in when needed and shows who looked at the log, newest first.
    bool loadLooks();

    QLineEdit *passwordField() const { return m_password; }
    QDateEdit *fromField() const { return m_from; }
    QDateEdit *toField() const { return m_to; }
    QLineEdit *departmentField() const { return m_department; }
    QComboBox *kindField() const { return m_kind; }
    QLineEdit *caseField() const { return m_case; }
    QLabel *chainLabel() const { return m_chain; }
    QTabWidget *pages() const { return m_pages; }
    QTableWidget *table() const { return m_table; }
    QTableWidget *looksTable() const { return m_looks; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *showButton() const { return m_show; }
    QPushButton *exportButton() const { return m_export; }

private:
    /// Runs `work` with a signed-in client, signing in first when needed; false with the reason
    /// in the status.
    bool withSession(const std::function<Result<void>(sync::SyncClient &)> &work);
    void fill(const QJsonArray &rows, qint64 total);
    void showChain(const QJsonObject &chain);
    void fillLooks(const QJsonArray &looks);
    QStringList header() const;
    QString filterText(const QJsonObject &filter) const;

    CaseScreenContext m_context;
    std::optional<sync::SupervisorSession> m_session;
    qint64 m_brokenRow = 0; ///< the first row the chain does not vouch for; 0 when intact
    QLineEdit *m_password = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_department = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_case = nullptr;
    QLabel *m_chain = nullptr;
    QTabWidget *m_pages = nullptr;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_looks = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_show = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace ow::ui
