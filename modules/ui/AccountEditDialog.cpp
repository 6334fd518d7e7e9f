#include "ui/AccountEditDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ow::ui {

AccountEditDialog::AccountEditDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
{
    setObjectName(QStringLiteral("accountEditDialog"));
    switch (mode) {
    case Mode::Add:
        setWindowTitle(tr("Add clerk"));
        break;
    case Mode::Rename:
        setWindowTitle(tr("Rename clerk"));
        break;
    case Mode::Roles:
        setWindowTitle(tr("Roles of the clerk"));
        break;
    }
    auto *form = new QFormLayout;
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("staffNumberEdit"));
    m_login->setReadOnly(mode != Mode::Add);
    m_login->setMaxLength(32);
    form->addRow(tr("&Staff number:"), m_login);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setReadOnly(mode == Mode::Roles);
    m_name->setMaxLength(64);
    form->addRow(tr("&Name:"), m_name);
    auto *roleBoxes = new QWidget(this);
    auto *roleLayout = new QVBoxLayout(roleBoxes);
    roleLayout->setContentsMargins(0, 0, 0, 0);
    for (accounts::Role role : accounts::allRoles()) {
        auto *box = new QCheckBox(accounts::roleLabel(role), roleBoxes);
        box->setObjectName(QStringLiteral("role_%1").arg(accounts::roleKey(role)));
        box->setEnabled(mode != Mode::Rename);
        roleLayout->addWidget(box);
        m_roles.insert(role, box);
    }
    form->addRow(tr("Roles:"), roleBoxes);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Add ? tr("Add") : tr("Save"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AccountEditDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AccountEditDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    if (mode == Mode::Add) {
        // A new clerk usually works the intake counter; the administrator changes it if not.
        m_roles.value(accounts::Role::IntakeClerk)->setChecked(true);
        m_login->setFocus();
    } else if (mode == Mode::Rename) {
        m_name->setFocus();
    } else {
        m_roles.value(accounts::allRoles().constFirst())->setFocus();
    }
}

void AccountEditDialog::setAccount(
    const QString &login, const QString &name, const QList<accounts::Role> &roles)
{
    m_login->setText(login);
    m_name->setText(name);
    for (auto it = m_roles.cbegin(); it != m_roles.cend(); ++it)
        it.value()->setChecked(roles.contains(it.key()));
    if (m_mode == Mode::Rename)
        m_name->selectAll();
}

QString AccountEditDialog::login() const
{
    return m_login->text().trimmed();
}

QString AccountEditDialog::displayName() const
{
    return m_name->text().trimmed();
}

QList<accounts::Role> AccountEditDialog::roles() const
{
    QList<accounts::Role> checked;
    for (accounts::Role role : accounts::allRoles())
        if (m_roles.value(role)->isChecked())
            checked.append(role);
    return checked;
}

void AccountEditDialog::accept()
{
    QString problem;
    if (login().isEmpty())
        problem = tr("Enter the staff number.");
    else if (displayName().isEmpty())
        problem = tr("Enter the name.");
    else if (roles().isEmpty())
        problem = tr("Choose at least one role.");
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace ow::ui
