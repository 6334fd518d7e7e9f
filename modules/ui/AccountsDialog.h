#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "sync/SyncSettings.h"

#include <QDialog>
#include <QJsonObject>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace ow::accounts {
class AccountStore;
}

namespace ow::ui {

class AccountEditDialog;
class AccountTableModel;

/// Tools → Accounts…: the hall administrator's list of clerks (staff number, name, roles, state),
/// filtered as the administrator types, with Add, Rename, Roles, Disable / Enable, Reset password
/// and Unlock. Every change goes through AccountStore, which writes the audit row naming the
/// administrator; the dialog only renders and asks. A new or reset password is generated and shown
/// once. On an enrolled workstation the accounts are the hall's, kept on its server: each change
/// goes to the server (POST /api/v1/accounts, with the administrator's own password, typed in the
/// dialog) and, once the server took it, into this counter's cache; every other counter gets it with
/// its next sync. When the server cannot be reached nothing changes and the dialog says so (a change
/// kept back at one counter would leave the clerk enabled, or not yet created, everywhere else).
/// Unlock stays local: lockouts are each counter's own.
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    /// `store` must outlive the dialog; `adminLogin` is the signed-in administrator, named in the
    /// audit rows; `enrolment` is the server the hall's accounts are changed on (none: standalone,
    /// the changes are this workstation's own).
    AccountsDialog(accounts::AccountStore &store, const QString &adminLogin,
        std::optional<sync::SyncSettings> enrolment, QWidget *parent = nullptr,
        Clock clock = Clock::system());

    /// Adds "Accounts…" to `tools`, opening the dialog for the administrator.
    static QAction *addMenuEntry(QMenu *tools, accounts::AccountStore &store, const QString &adminLogin,
        const std::optional<sync::SyncSettings> &enrolment, QWidget *window);

    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *enrolledNote() const { return m_enrolledNote; }
    /// On an enrolled workstation: the administrator's own password, sent with each change.
    QLineEdit *adminPasswordEdit() const { return m_adminPassword; }
    /// The message under the buttons (errors, the last change).
    QString messageText() const;
    /// Test seam: the form that Add, Rename or Roles opened, while it is open.
    AccountEditDialog *editDialog() const { return m_edit; }
    /// Test seam: the last password shown (the generated one after Add or Reset password).
    QString lastShownPassword() const { return m_lastPassword; }
    /// Test seam: show generated passwords without a modal box (the text is still kept above).
    static void setPasswordBoxesShown(bool shown);

    /// Reads the accounts again from the store.
    void reload();
    /// Selects the row of `login`, if it is shown.
    void selectLogin(const QString &login);

    void addClerk();
    void renameClerk();
    void editRoles();
    void toggleEnabled();
    void resetPassword();
    void unlockClerk();

private:
    QPushButton *addButton(const QString &text, const QKeySequence &key, const QString &name,
        void (AccountsDialog::*slot)(), QLayout *layout);
    QString selectedLogin() const;
    /// Shows a clerk form (one at a time) and runs `onAccepted` when the administrator confirms it.
    void openEditor(AccountEditDialog *edit, const std::function<void()> &onAccepted);
    /// Runs a store change as the administrator, shows its error, and reloads the list.
    bool change(const std::function<Result<void>()> &action);
    /// Standalone: the store change. Enrolled: `serverChange` (an action of POST /api/v1/accounts)
    /// sent to the server, and the account it answers put into the cache.
    bool apply(const QJsonObject &serverChange, const std::function<Result<void>()> &localChange);
    /// The blocking call to the server, on a thread of its own while the dialog waits.
    Result<QJsonObject> sendToServer(const QJsonObject &change);
    void showPassword(const QString &login, const QString &password);
    void updateButtons();
    void showError(const QString &text);

    accounts::AccountStore &m_store;
    QString m_admin;
    Clock m_clock;
    AccountTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    std::optional<sync::SyncSettings> m_enrolment;
    QLabel *m_enrolledNote = nullptr;
    QLineEdit *m_adminPassword = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_roles = nullptr;
    QPushButton *m_toggle = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_unlock = nullptr;
    AccountEditDialog *m_edit = nullptr;
    QString m_lastPassword;
    static bool s_passwordBoxesShown;
};

} // namespace ow::ui
