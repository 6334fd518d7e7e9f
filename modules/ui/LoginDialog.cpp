#include "ui/LoginDialog.h"

#include "accounts/AccountStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ow::ui {

LoginDialog::LoginDialog(accounts::AccountStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("loginDialog"));
    // A database error here means the window cannot work anyway; the log-in attempt will show it.
    m_mode = m_store.isEmpty().value_or(false) ? Mode::CreateAdmin : Mode::LogIn;
    setWindowTitle(m_mode == Mode::CreateAdmin ? tr("OneWindow — first start") : tr("OneWindow — log in"));

    auto *layout = new QVBoxLayout(this);
    auto *heading = m_heading = new QLabel(m_mode == Mode::CreateAdmin
            ? tr("This workstation has no accounts yet. Create the administrator account; the administrator "
                 "then creates the clerks' accounts.")
            : tr("Log in with your clerk account."),
        this);
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
    buttons->button(QDialogButtonBox::Ok)
        ->setText(m_mode == Mode::CreateAdmin ? tr("Create and log in") : tr("Log in"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_login->setFocus();
}

void LoginDialog::askForNewPassword()
{
    m_mode = Mode::ChangePassword;
    m_heading->setText(tr("Your password was set by the hall administrator. Choose your own password "
                          "(at least %1 characters, not only digits) before you start.")
                           .arg(accounts::AccountStore::kMinimumPasswordLength));
    m_password->clear();
    m_form->setRowVisible(m_login, false);
    m_form->setRowVisible(m_password, false);
    m_form->setRowVisible(m_newPassword, true);
    m_form->setRowVisible(m_newRepeat, true);
    m_error->hide();
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
            m_newRepeat->clear();
            m_newPassword->setFocus();
            m_newPassword->selectAll();
            return;
        }
        Result<void> changed = m_store.changePassword(m_account->login, m_newPassword->text());
        if (!changed) {
            m_error->setText(changed.error().message());
            m_error->show();
            m_newRepeat->clear();
            m_newPassword->setFocus();
            m_newPassword->selectAll();
            return;
        }
        m_account->mustChangePassword = false;
        m_newPassword->clear();
        m_newRepeat->clear();
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

} // namespace ow::ui
