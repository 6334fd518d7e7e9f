#pragma once

#include "accounts/Account.h"
#include "sync/SyncSettings.h"

#include <QDialog>
#include <optional>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ow::accounts {
class AccountStore;
}

namespace ow::ui {

/// The dialog before the window opens: on the first run of a standalone workstation it creates the
/// administrator account, afterwards it asks for login name and password. An enrolled workstation
/// never creates an administrator (the hall's come from its server): without accounts yet it waits
/// for them and turns into the log-in once the sync brings them. Enter submits; a refusal is shown
/// in the dialog.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        CreateAdmin,
        LogIn,
        ChangePassword, ///< after a log-in with a password set by an administrator: a new one first
        WaitingForAccounts ///< enrolled, and the hall's accounts have not arrived yet
    };

    explicit LoginDialog(accounts::AccountStore &store, QWidget *parent = nullptr);
    /// `hall`: the enrolment of this workstation, or nullopt for a standalone one. A clerk's own new
    /// password is then sent to the hall's server at once (sync::OwnPasswordChange).
    LoginDialog(
        accounts::AccountStore &store, std::optional<sync::SyncSettings> hall, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    /// The account that logged in (or was created), once the dialog was accepted.
    const std::optional<accounts::Account> &account() const { return m_account; }
    /// On the lock screen of `clerkName`'s window: another clerk signs in, and is told that the open
    /// work stays `clerkName`'s.
    void setSwitchingFrom(const QString &clerkName);
    /// Why the last attempt was refused; empty when none was.
    QString errorText() const;

public Q_SLOTS:
    void submit();
    /// The sync changed the account store: a waiting dialog turns into the log-in once accounts are
    /// there (SyncWorker::accountsChanged).
    void refreshAccounts();
    /// While waiting for the hall's accounts: whether the server answers, and why not
    /// (SyncWorker::statusChanged).
    void showSyncStatus(bool online, const QString &error);

private:
    void refuse(const QString &message);
    void askForNewPassword();
    void showLogIn();
    void fitToText();
    /// The clerk's own new password, sent to the hall's server while the dialog waits.
    Result<void> changeOwnPassword(const QString &newPassword);

    accounts::AccountStore &m_store;
    std::optional<sync::SyncSettings> m_hall;
    Mode m_mode = Mode::LogIn;
    std::optional<accounts::Account> m_account;
    /// The password just typed, held only until the forced change is done: the server takes a hall
    /// administrator's new password only with the old one.
    QString m_oldPassword;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLineEdit *m_newRepeat = nullptr;
    QLabel *m_heading = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace ow::ui
