#pragma once

#include "core/Clock.h"
#include "sync/DeadLetterClient.h"
#include "sync/SyncSettings.h"

#include <QDialog>
#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ow::ui {

/// 推送失败: the hall's pushes to department systems that were given up (dead letters), for
/// supervisors — the department by name, the case, what was pushed, the attempts, the last error
/// and when it died — and 重新推送 (Enter) on the one selected, after a confirmation. Every request
/// runs off the GUI thread on the supervisor's session; what goes wrong is said in the status line.
class DeadLettersWindow : public QDialog
{
    Q_OBJECT

public:
    struct Context
    {
        sync::SyncSettings hall;
        Clock clock;
        /// The supervisor's session while it lasts; nullopt when they must sign in.
        std::function<std::optional<sync::SupervisorSession>()> session;
        /// Signs in with the supervisor's password (shared with the desk).
        std::function<Result<void>(const QString &password)> signIn;
        /// A department's name from its id, for a case that names none; the id itself when unknown.
        std::function<QString(const QString &departmentId)> departmentName;
    };

    explicit DeadLettersWindow(Context context, QWidget *parent = nullptr);

    /// Fetches the list; false when it could not (the reason is in the status line).
    bool reload();
    /// Asks (ConfirmDialog), puts the selected dead letter back in line and fetches the list again.
    bool resendCurrent();

    QTableWidget *table() const { return m_table; }
    QLabel *statusLabel() const { return m_status; }
    QLineEdit *passwordField() const { return m_password; }
    QPushButton *resendButton() const { return m_resend; }
    const QList<sync::DeadLetter> &letters() const { return m_letters; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Runs `call` on a thread of its own with the session, signing in first with the password
    /// typed; false (the reason shown) when it failed.
    bool ask(const std::function<Result<void>(sync::DeadLetterClient &)> &call);
    void showLetters();
    /// The department by name: as the case names it, else as the catalogue does, else its id.
    QString departmentOf(const sync::DeadLetter &letter) const;
    void updateSignIn();
    void say(const QString &text, bool problem);

    Context m_context;
    QList<sync::DeadLetter> m_letters;
    QLabel *m_status = nullptr;
    QLabel *m_passwordLabel = nullptr;
    QLineEdit *m_password = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_resend = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace ow::ui
