#include "ui/AccountsDialog.h"

#include "accounts/AccountStore.h"
#include "accounts/PasswordHash.h"
#include "sync/AccountSync.h"
#include "ui/AccountEditDialog.h"
#include "ui/AccountTableModel.h"
#include "ui/ConfirmDialog.h"
#include "ui/HallServerRequest.h"
#include "ui/Theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ow::ui {

bool AccountsDialog::s_passwordBoxesShown = true;

namespace {

/// The success of a store call that returns a value, for change().
template<typename T> Result<void> withoutValue(const Result<T> &result)
{
    if (!result)
        return failWith(result.error());
    return {};
}

/// Only the hash of a new password goes to the server.
QString hashOf(const QString &password)
{
    return accounts::PasswordHash::create(password);
}

} // namespace

AccountsDialog::AccountsDialog(accounts::AccountStore &store, const QString &adminLogin,
    std::optional<sync::SyncSettings> enrolment, QWidget *parent, Clock clock)
    : QDialog(parent)
    , m_store(store)
    , m_admin(adminLogin)
    , m_clock(std::move(clock))
    , m_enrolment(std::move(enrolment))
{
    const bool enrolled = m_enrolment && m_enrolment->isEnrolled();
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(tr("Accounts"));
    auto *layout = new QVBoxLayout(this);

    m_enrolledNote = new QLabel(tr("The hall's accounts are kept on its server: each change is sent there "
                                   "at once, checked with your password, and reaches every counter with "
                                   "the sync. Without the server nothing is changed. Unlock lifts a "
                                   "lockout on this counter only."),
        this);
    m_enrolledNote->setObjectName(QStringLiteral("enrolledNote"));
    m_enrolledNote->setWordWrap(true);
    m_enrolledNote->setStyleSheet(
        QStringLiteral("padding: 6px; border-radius: 4px; background: %1; color: %2;")
            .arg(Theme::warningSoft().name(), Theme::warning().name()));
    m_enrolledNote->setVisible(enrolled);
    layout->addWidget(m_enrolledNote);
    if (enrolled) {
        auto *row = new QHBoxLayout;
        auto *label = new QLabel(tr("Your &password (for the server):"), this);
        m_adminPassword = new QLineEdit(this);
        m_adminPassword->setObjectName(QStringLiteral("adminPassword"));
        m_adminPassword->setEchoMode(QLineEdit::Password);
        m_adminPassword->setMaximumWidth(260);
        label->setBuddy(m_adminPassword);
        row->addWidget(label);
        row->addWidget(m_adminPassword);
        row->addStretch(1);
        layout->addLayout(row);
    }

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("accountFilter"));
    m_filter->setPlaceholderText(tr("Filter by staff number, name, role or state (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    auto *findAction = new QAction(this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(findAction);
    layout->addWidget(m_filter);

    m_model = new AccountTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("accountTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AccountTableModel::StaffNumber, Qt::AscendingOrder);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(AccountTableModel::Roles, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_filter, &QLineEdit::textChanged, this, &AccountsDialog::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &AccountsDialog::updateButtons);
    // Down from the filter goes to the list, so the administrator never needs the mouse.
    auto *toList = new QAction(m_filter);
    toList->setShortcut(Qt::Key_Down);
    toList->setShortcutContext(Qt::WidgetShortcut);
    connect(toList, &QAction::triggered, m_table, [this] {
        m_table->setFocus();
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->selectRow(0);
    });
    m_filter->addAction(toList);

    auto *buttons = new QHBoxLayout;
    QPushButton *add = addButton(tr("&Add…"), QKeySequence(Qt::CTRL | Qt::Key_N),
        QStringLiteral("addClerkButton"), &AccountsDialog::addClerk, buttons);
    add->setAutoDefault(false);
    m_rename = addButton(tr("Re&name…"), QKeySequence(Qt::Key_F2), QStringLiteral("renameClerkButton"),
        &AccountsDialog::renameClerk, buttons);
    m_roles = addButton(tr("&Roles…"), QKeySequence(Qt::CTRL | Qt::Key_R), QStringLiteral("rolesClerkButton"),
        &AccountsDialog::editRoles, buttons);
    m_toggle = addButton(tr("&Disable…"), QKeySequence(Qt::CTRL | Qt::Key_D),
        QStringLiteral("toggleClerkButton"), &AccountsDialog::toggleEnabled, buttons);
    m_reset = addButton(tr("Reset &password…"), QKeySequence(Qt::CTRL | Qt::Key_P),
        QStringLiteral("resetPasswordButton"), &AccountsDialog::resetPassword, buttons);
    m_unlock = addButton(tr("&Unlock"), QKeySequence(Qt::CTRL | Qt::Key_U),
        QStringLiteral("unlockClerkButton"), &AccountsDialog::unlockClerk, buttons);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(close, &QDialogButtonBox::rejected, this, &AccountsDialog::reject);
    buttons->addWidget(close);
    layout->addLayout(buttons);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("accountMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    // Fits a 1366×768 counter screen with the main window's frame around it.
    resize(1000, 600);
    reload();
    m_filter->setFocus();
}

QAction *AccountsDialog::addMenuEntry(QMenu *tools, accounts::AccountStore &store, const QString &adminLogin,
    const std::optional<sync::SyncSettings> &enrolment, QWidget *window)
{
    QAction *action = tools->addAction(tr("&Accounts…"));
    action->setObjectName(QStringLiteral("accountsAction"));
    QObject::connect(action, &QAction::triggered, window, [&store, adminLogin, enrolment, window] {
        auto *dialog = new AccountsDialog(store, adminLogin, enrolment, window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return action;
}

void AccountsDialog::setPasswordBoxesShown(bool shown)
{
    s_passwordBoxesShown = shown;
}

QPushButton *AccountsDialog::addButton(const QString &text, const QKeySequence &key, const QString &name,
    void (AccountsDialog::*slot)(), QLayout *layout)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(name);
    button->setAutoDefault(false);
    button->setToolTip(key.toString(QKeySequence::NativeText));
    // The keys work wherever the focus is in the dialog, also when the button is disabled-looking
    // for another row; the slot checks the selection itself.
    auto *action = new QAction(this);
    action->setShortcut(key);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    connect(button, &QPushButton::clicked, this, slot);
    layout->addWidget(button);
    return button;
}

void AccountsDialog::reload()
{
    const QString current = selectedLogin();
    Result<QList<accounts::Account>> accounts = m_store.accounts();
    if (!accounts) {
        showError(accounts.error().message());
        return;
    }
    m_model->setAccounts(*accounts, m_clock.nowUtc());
    if (!current.isEmpty())
        selectLogin(current);
    updateButtons();
}

void AccountsDialog::selectLogin(const QString &login)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(AccountTableModel::LoginRole).toString() == login) {
            m_table->setCurrentIndex(index);
            m_table->selectRow(row);
            return;
        }
    }
}

QString AccountsDialog::selectedLogin() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.data(AccountTableModel::LoginRole).toString() : QString();
}

void AccountsDialog::updateButtons()
{
    const QString login = selectedLogin();
    const accounts::Account *account = nullptr;
    if (!login.isEmpty())
        account = m_model->accountAt(m_proxy->mapToSource(m_table->currentIndex()).row());
    for (QPushButton *button : {m_rename, m_roles, m_toggle, m_reset, m_unlock})
        button->setEnabled(account != nullptr);
    if (!account)
        return;
    m_toggle->setText(account->active ? tr("&Disable…") : tr("&Enable…"));
    m_unlock->setEnabled(account->lockedUntil.isValid() && account->lockedUntil > m_clock.nowUtc());
}

void AccountsDialog::showError(const QString &text)
{
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::danger().name()));
    m_message->setText(text);
}

bool AccountsDialog::change(const std::function<Result<void>()> &action)
{
    // The store is shared with the lock screen: the administrator is named only for these changes,
    // so later log-ins are recorded under the clerk who logs in.
    m_store.setActingClerk(m_admin);
    const Result<void> result = action();
    m_store.setActingClerk(QString());
    if (!result) {
        showError(result.error().message());
        return false;
    }
    reload();
    return true;
}

QString AccountsDialog::messageText() const
{
    return m_message->text();
}

bool AccountsDialog::apply(const QJsonObject &serverChange, const std::function<Result<void>()> &localChange)
{
    if (!m_adminPassword)
        return change(localChange);
    if (m_adminPassword->text().isEmpty()) {
        showError(tr("Type your password first: the server checks it for every change of the hall's "
                     "accounts."));
        m_adminPassword->setFocus();
        return false;
    }
    Result<QJsonObject> answer = sendToServer(serverChange);
    if (!answer) {
        showError(answer.error().message());
        return false;
    }
    // The server took it; the cache follows now, not only at the next sync.
    const Result<bool> cached = m_store.applyHallAccount(*answer);
    if (!cached) {
        showError(cached.error().message());
        return false;
    }
    reload();
    return true;
}

Result<QJsonObject> AccountsDialog::sendToServer(const QJsonObject &change)
{
    m_message->setStyleSheet(QString());
    m_message->setText(tr("Sending the change to the hall's server…"));
    Result<QJsonObject> outcome = fail(Error::Code::Internal, QString());
    const QString password = m_adminPassword->text();
    runHallServerRequest(this, *m_enrolment, [&](sync::SyncClient &client) {
        outcome = sync::AccountSync::sendChange(client, m_admin, password, change);
    });
    m_message->clear();
    return outcome;
}

void AccountsDialog::showPassword(const QString &login, const QString &password)
{
    m_lastPassword = password;
    m_message->setStyleSheet(QString());
    m_message->setText(
        tr("A new password for %1 was shown once; the clerk must change it at the first login.").arg(login));
    if (!s_passwordBoxesShown)
        return;
    QDialog box(this);
    box.setObjectName(QStringLiteral("passwordDialog"));
    box.setWindowTitle(tr("Initial password"));
    auto *layout = new QVBoxLayout(&box);
    auto *heading = new QLabel(tr("The password of %1, shown only now:").arg(login), &box);
    layout->addWidget(heading);
    auto *field = new QLineEdit(password, &box);
    field->setReadOnly(true);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSize(font().pointSize() + 4);
    field->setFont(mono);
    field->selectAll();
    layout->addWidget(field);
    layout->addWidget(new QLabel(tr("Give it to the clerk; it must be replaced at the first login."), &box));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok, &box);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, &box, [password] { QApplication::clipboard()->setText(password); });
    connect(buttons, &QDialogButtonBox::accepted, &box, &QDialog::accept);
    layout->addWidget(buttons);
    box.exec();
}

void AccountsDialog::openEditor(AccountEditDialog *edit, const std::function<void()> &onAccepted)
{
    edit->setAttribute(Qt::WA_DeleteOnClose);
    m_edit = edit;
    connect(edit, &QDialog::finished, this, [this] {
        m_edit = nullptr;
        activateWindow();
    });
    connect(edit, &QDialog::accepted, this, onAccepted);
    edit->open();
    // Without a window manager nothing hands the form the keyboard.
    edit->activateWindow();
}

void AccountsDialog::addClerk()
{
    if (m_edit)
        return;
    auto *edit = new AccountEditDialog(AccountEditDialog::Mode::Add, this);
    openEditor(edit, [this, edit] {
        const QString login = edit->login();
        const QString password = accounts::AccountStore::generatePassword();
        const QString name = edit->displayName();
        const QList<accounts::Role> roles = edit->roles();
        const QJsonObject serverChange {{QStringLiteral("action"), QStringLiteral("add")},
            {QStringLiteral("staffNumber"), login}, {QStringLiteral("name"), name},
            {QStringLiteral("roles"), accounts::roleKeys(roles)},
            {QStringLiteral("passwordHash"), m_adminPassword ? hashOf(password) : QString()}};
        if (!apply(
                serverChange, [&] { return withoutValue(m_store.addAccount(login, name, roles, password)); }))
            return;
        selectLogin(login);
        showPassword(login, password);
    });
}

void AccountsDialog::renameClerk()
{
    const QString login = selectedLogin();
    Result<accounts::Account> account = m_store.account(login);
    if (login.isEmpty() || !account || m_edit)
        return;
    auto *edit = new AccountEditDialog(AccountEditDialog::Mode::Rename, this);
    edit->setAccount(login, account->displayName, account->roles);
    openEditor(edit, [this, edit, login] {
        const QString name = edit->displayName();
        apply({{QStringLiteral("action"), QStringLiteral("rename")}, {QStringLiteral("staffNumber"), login},
                  {QStringLiteral("name"), name}},
            [&] { return m_store.rename(login, name); });
    });
}

void AccountsDialog::editRoles()
{
    const QString login = selectedLogin();
    Result<accounts::Account> account = m_store.account(login);
    if (login.isEmpty() || !account || m_edit)
        return;
    auto *edit = new AccountEditDialog(AccountEditDialog::Mode::Roles, this);
    edit->setAccount(login, account->displayName, account->roles);
    openEditor(edit, [this, edit, login] {
        const QList<accounts::Role> roles = edit->roles();
        apply({{QStringLiteral("action"), QStringLiteral("roles")}, {QStringLiteral("staffNumber"), login},
                  {QStringLiteral("roles"), accounts::roleKeys(roles)}},
            [&] { return m_store.setRoles(login, roles); });
    });
}

void AccountsDialog::toggleEnabled()
{
    const QString login = selectedLogin();
    Result<accounts::Account> account = m_store.account(login);
    if (login.isEmpty() || !account)
        return;
    const bool enable = !account->active;
    if (!enable && login.compare(m_admin, Qt::CaseInsensitive) == 0) {
        showError(tr("You cannot disable your own account while you are signed in with it."));
        return;
    }
    const QString who = QStringLiteral("%1 %2").arg(account->login, account->displayName).toHtmlEscaped();
    const ConfirmDialog::Choice choice = enable
        ? ConfirmDialog::ask(this, tr("Enable clerk"), tr("Enable %1?").arg(who),
            tr("The clerk can log in again with the current password."), tr("Enable"))
        : ConfirmDialog::ask(this, tr("Disable clerk"), tr("Disable %1?").arg(who),
            m_adminPassword
                ? tr("The clerk can no longer log in at any counter of the hall, from each "
                     "counter's next sync on. The cases and audit rows stay.")
                : tr("The clerk can no longer log in at this counter. The cases and audit rows stay."),
            tr("Disable"));
    if (choice != ConfirmDialog::Choice::Confirm)
        return;
    apply({{QStringLiteral("action"), enable ? QStringLiteral("enable") : QStringLiteral("disable")},
              {QStringLiteral("staffNumber"), login}},
        [&] { return m_store.setActive(login, enable); });
}

void AccountsDialog::resetPassword()
{
    const QString login = selectedLogin();
    Result<accounts::Account> account = m_store.account(login);
    if (login.isEmpty() || !account)
        return;
    const QString who = QStringLiteral("%1 %2").arg(account->login, account->displayName).toHtmlEscaped();
    if (ConfirmDialog::ask(this, tr("Reset password"), tr("Reset the password of %1?").arg(who),
            tr("A new password is generated and shown once; the old one stops working and a lockout is "
               "lifted."),
            tr("Reset"))
        != ConfirmDialog::Choice::Confirm)
        return;
    const QString password = accounts::AccountStore::generatePassword();
    if (apply({{QStringLiteral("action"), QStringLiteral("reset-password")},
                  {QStringLiteral("staffNumber"), login},
                  {QStringLiteral("passwordHash"), m_adminPassword ? hashOf(password) : QString()}},
            [&] { return m_store.resetPassword(login, password); }))
        showPassword(login, password);
}

void AccountsDialog::unlockClerk()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    if (change([&] { return m_store.unlock(login); })) {
        m_message->setStyleSheet(QString());
        m_message->setText(tr("%1 may log in again.").arg(login));
    }
}

} // namespace ow::ui
