#include "ui/LoginDialog.h"

#include "accounts/AccountStore.h"
#include "sync/OwnPasswordChange.h"
#include "ui/HallServerRequest.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ow::ui {

LoginDialog::LoginDialog(accounts::AccountStore &store, QWidget *parent)
    : LoginDialog(store, std::nullopt, parent)
{
}

LoginDialog::LoginDialog(
    accounts::AccountStore &store, std::optional<sync::SyncSettings> hall, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_hall(std::move(hall))
{
    setObjectName(QStringLiteral("loginDialog"));
    setMinimumWidth(520);
    // A database error here means the window cannot work anyway; the log-in attempt will show it.
    // The first administrator is created only at a standalone workstation: an enrolled one has the
    // hall's administrators, created on the server, and waits for them.
    const bool empty = m_store.isEmpty().value_or(false);
    m_mode = !empty ? Mode::LogIn : m_hall ? Mode::WaitingForAccounts : Mode::CreateAdmin;
    setWindowTitle(m_mode == Mode::CreateAdmin ? tr("OneWindow — first start") : tr("OneWindow — log in"));

    auto *layout = new QVBoxLayout(this);
    QString headingText = tr("Log in with your clerk account.");
    if (m_mode == Mode::CreateAdmin)
        headingText = tr("This workstation has no accounts yet. Create the administrator account; the "
                         "administrator then creates the clerks' accounts.");
    else if (m_mode == Mode::WaitingForAccounts)
        headingText = tr("This counter is enrolled with the hall's server %1 and is waiting for the hall's "
                         "accounts from it; they arrive with the sync as soon as the server answers, and "
                         "the log-in opens by itself. The hall administrator creates accounts on the server "
                         "(onewindow-cli account add).")
                          .arg(m_hall->server);
    auto *heading = m_heading = new QLabel(headingText, this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *form = m_form = new QFormLayout;
    auto makeField = [this](const QString &name, bool secret) {
        auto *field = new QLineEdit(this);
        field->setObjectName(name);
        if (secret)
            field->setEchoMode(QLineEdit::Password);
        return field;
    };
    m_login = makeField(QStringLiteral("loginField"), false);
    form->addRow(tr("&Login name:"), m_login);
    if (m_mode == Mode::CreateAdmin) {
        m_name = makeField(QStringLiteral("nameField"), false);
        form->addRow(tr("&Your name:"), m_name);
    }
    m_password = makeField(QStringLiteral("passwordField"), true);
    form->addRow(tr("&Password:"), m_password);
    if (m_mode == Mode::CreateAdmin) {
        m_repeat = makeField(QStringLiteral("repeatField"), true);
        form->addRow(tr("&Repeat the password:"), m_repeat);
        m_login->setText(QStringLiteral("admin"));
        m_login->selectAll();
    } else {
        // Shown only when the password just typed was set by an administrator (a new clerk, a reset).
        m_newPassword = makeField(QStringLiteral("newPasswordField"), true);
        form->addRow(tr("&New password:"), m_newPassword);
        m_newRepeat = makeField(QStringLiteral("newRepeatField"), true);
        form->addRow(tr("Repeat the new password:"), m_newRepeat);
        form->setRowVisible(m_newPassword, false);
        form->setRowVisible(m_newRepeat, false);
    }
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("loginError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(m_mode == Mode::CreateAdmin ? tr("Create and log in") : tr("Log in"));
    m_ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    if (m_mode == Mode::WaitingForAccounts) {
        m_login->setEnabled(false);
        m_password->setEnabled(false);
        m_ok->setEnabled(false);
        // The focus lands on Cancel while the fields are off: Enter there must not end the program.
        m_cancel->setAutoDefault(false);
    }
    m_login->setFocus();
}

void LoginDialog::refreshAccounts()
{
    if (m_mode != Mode::WaitingForAccounts || m_store.isEmpty().value_or(true))
        return;
    showLogIn();
}

void LoginDialog::showLogIn()
{
    m_mode = Mode::LogIn;
    m_heading->setText(tr("The hall's accounts have arrived. Log in with your clerk account."));
    m_login->setEnabled(true);
    m_password->setEnabled(true);
    m_ok->setEnabled(true);
    m_cancel->setAutoDefault(true);
    m_error->hide();
    fitToText();
    m_login->setFocus();
}

void LoginDialog::showSyncStatus(bool online, const QString &error)
{
    if (m_mode != Mode::WaitingForAccounts)
        return;
    m_error->setText(online ? QString() : tr("The hall's server cannot be reached yet: %1").arg(error));
    m_error->setVisible(!online);
    fitToText();
}

void LoginDialog::askForNewPassword()
{
    m_oldPassword = m_password->text();
    m_mode = Mode::ChangePassword;
    m_heading->setText(tr("Your password was set by the hall administrator. Choose your own password "
                          "(at least %1 characters, not only digits) before you start.")
                           .arg(accounts::AccountStore::kMinimumPasswordLength)
        + (m_hall ? QLatin1Char(' ')
                    + tr("It goes to the hall's server at once; a hall administrator's password can be "
                         "changed only while the server is reachable.")
                  : QString()));
    m_password->clear();
    m_form->setRowVisible(m_login, false);
    m_form->setRowVisible(m_password, false);
    m_form->setRowVisible(m_newPassword, true);
    m_form->setRowVisible(m_newRepeat, true);
    m_error->hide();
    fitToText();
    m_newPassword->setFocus();
}

void LoginDialog::setSwitchingFrom(const QString &clerkName)
{
    if (m_mode != Mode::LogIn)
        return;
    setWindowTitle(tr("OneWindow — switch user"));
    m_heading->setText(tr("Sign in as another clerk. The open intake of %1 is saved as %1's draft and "
                          "closed; it is not shown to you.")
                           .arg(clerkName));
}

QString LoginDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LoginDialog::refuse(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    fitToText();
    m_password->clear();
    if (m_repeat)
        m_repeat->clear();
    m_password->setFocus();
}

void LoginDialog::submit()
{
    if (m_mode == Mode::CreateAdmin) {
        if (m_password->text() != m_repeat->text()) {
            refuse(tr("The two passwords differ; type the same password twice."));
            return;
        }
        Result<accounts::Account> created
            = m_store.createFirstAdmin(m_login->text(), m_name->text(), m_password->text());
        if (!created) {
            refuse(created.error().message());
            return;
        }
        m_account = *created;
    } else if (m_mode == Mode::ChangePassword) {
        if (m_newPassword->text() != m_newRepeat->text()) {
            m_error->setText(tr("The two passwords differ; type the same password twice."));
            m_error->show();
            fitToText();
            m_newRepeat->clear();
            m_newPassword->setFocus();
            m_newPassword->selectAll();
            return;
        }
        Result<void> changed = changeOwnPassword(m_newPassword->text());
        if (!changed) {
            m_error->setText(changed.error().message());
            m_error->show();
            fitToText();
            m_newRepeat->clear();
            m_newPassword->setFocus();
            m_newPassword->selectAll();
            return;
        }
        m_account->mustChangePassword = false;
        m_oldPassword.clear();
        m_newPassword->clear();
        m_newRepeat->clear();
    } else if (m_mode == Mode::WaitingForAccounts) {
        return;
    } else {
        Result<accounts::Account> in = m_store.authenticate(m_login->text(), m_password->text());
        if (!in) {
            refuse(in.error().message());
            return;
        }
        m_account = *in;
        if (m_account->mustChangePassword) {
            askForNewPassword();
            return;
        }
    }
    m_password->clear();
    accept();
}

void LoginDialog::fitToText()
{
    // A top-level dialog does not grow by itself when a wrapped label gets more lines.
    if (isVisible())
        adjustSize();
}

Result<void> LoginDialog::changeOwnPassword(const QString &newPassword)
{
    if (!m_hall)
        return m_store.changePassword(m_account->login, newPassword);
    Result<sync::OwnPasswordChange> change
        = sync::OwnPasswordChange::prepare(m_store, m_account->login, m_oldPassword, newPassword);
    if (!change)
        return failWith(change.error());
    if (change->needsServer()) {
        const QString heading = m_heading->text();
        m_heading->setText(tr("Sending your new password to the hall's server…"));
        runHallServerRequest(this, *m_hall, [&change](sync::SyncClient &client) { change->send(client); });
        m_heading->setText(heading);
    }
    Result<sync::OwnPasswordChange::Outcome> done = change->finish(m_store);
    if (!done)
        return failWith(done.error());
    return {};
}

} // namespace ow::ui
