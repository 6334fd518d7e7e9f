#pragma once

#include "catalogue/Catalogue.h"
#include "core/Clock.h"
#include "supervision/Complaint.h"
#include "sync/ComplaintClient.h"
#include "sync/SyncSettings.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace ow::ui {

class ComplaintDialog;

/// 投诉处理: the hall's complaints for supervisors, from the server on the supervisor's session — the
/// list by state (open, overdue, closed, all) with the subject (case, clerk, matter), the deadline
/// red once passed, the state and who handles it; a complaint's details with its history; and the
/// handling: assign it to a clerk chosen by name, send the reply, close it with the complainant's
/// verdict, record one taken by the 12345 hotline. Every request runs off the GUI thread; what goes
/// wrong is said in the window's status line.
class ComplaintsWindow : public QDialog
{
    Q_OBJECT

public:
    struct Context
    {
        sync::SyncSettings hall;
        Clock clock;
        QString staffNumber; ///< the supervisor
        QString name;
        QHash<QString, QString> clerkNames; ///< the hall's clerks, staff number (case-folded) → name
        catalogue::CataloguePtr catalogue; ///< for the matter of a complaint recorded here
        /// The supervisor's session while it lasts; nullopt when they must sign in.
        std::function<std::optional<sync::SupervisorSession>()> session;
        /// Signs in with the supervisor's password (shared with the desk).
        std::function<Result<void>(const QString &password)> signIn;
    };

    explicit ComplaintsWindow(Context context, QWidget *parent = nullptr);

    /// Fetches the list of the chosen state; false when it could not (the reason is in the status).
    bool reload();
    /// The complaint of the selected row; nullopt when none.
    std::optional<supervision::Complaint> current() const;
    /// Selects the row of the complaint `id`; false when it is not listed.
    bool select(const QString &id);

    bool assignCurrent();
    bool replyToCurrent();
    bool closeCurrent();
    /// Opens 登记投诉 for a complaint taken by the 12345 hotline (window-modal; saved to the server).
    ComplaintDialog *recordNew();

    QComboBox *stateFilter() const { return m_state; }
    QTableWidget *table() const { return m_table; }
    QTextBrowser *details() const { return m_details; }
    QPlainTextEdit *replyField() const { return m_reply; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *countsLabel() const { return m_counts; }
    QLineEdit *passwordField() const { return m_password; }
    const QJsonObject &counts() const { return m_countsShown; }

private:
    /// Runs `call` on a thread of its own with the session; signs in first when the password is
    /// typed. Says what went wrong and returns nullopt on failure.
    std::optional<QJsonObject> ask(const std::function<Result<QJsonObject>(sync::ComplaintClient &)> &call);
    void showList(const QJsonObject &answer);
    void showDetails();
    void showProblem(const QString &message);
    void updateSignIn();
    /// After a step: the list again, the same complaint selected.
    void stepDone(const QString &id, const QString &message);

    Context m_context;
    QList<supervision::Complaint> m_complaints;
    QList<bool> m_overdue;
    QJsonObject m_countsShown;
    QComboBox *m_state = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QTableWidget *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
    QPlainTextEdit *m_reply = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_assign = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace ow::ui
