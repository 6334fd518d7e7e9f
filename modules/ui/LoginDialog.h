#pragma once

#include "accounts/Account.h"

#include <QDialog>
#include <optional>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace ow::accounts {
class AccountStore;
}

namespace ow::ui {

/// The dialog before the window opens: on the first run it creates the administrator account,
/// afterwards it asks for login name and password. Enter submits; a refusal is shown in the dialog.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        CreateAdmin,
        LogIn,
        ChangePassword ///< after a log-in with a password set by an administrator: a new one first
    };

    explicit LoginDialog(accounts::AccountStore &store, QWidget *parent = nullptr);

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

private:
    void refuse(const QString &message);

    accounts::AccountStore &m_store;
    Mode m_mode = Mode::LogIn;
    std::optional<accounts::Account> m_account;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLineEdit *m_newPassword = nullptr;
    QLineEdit *m_newRepeat = nullptr;
    QLabel *m_heading = nullptr;
    QFormLayout *m_form = nullptr;
    void askForNewPassword();
    QLabel *m_error = nullptr;
};

} // namespace ow::ui
