// The hall administrator's accounts dialog, by keyboard: add a clerk, rename, change roles,
// disable, reset a password and filter, checked against the account store and its audit trail.

#include "GuiTestSupport.h"
#include "accounts/AccountStore.h"
#include "ui/AccountEditDialog.h"
#include "ui/AccountTableModel.h"
#include "ui/AccountsDialog.h"
#include "ui/ConfirmDialog.h"
#include "ui/Theme.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>

using namespace ow;
using namespace ow::ui;
using ow::test::press;
using ow::test::saveScreenshot;
using ow::test::type;

namespace {

QString focusedName()
{
    QWidget *focus = QApplication::focusWidget();
    return focus ? focus->objectName() : QString();
}

} // namespace

class TestAccountsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { AccountsDialog::setPasswordBoxesShown(false); }
    void manageClerksByKeyboard();
    void stateTexts();
    void enrolledServerUnreachable();

private:
    static std::unique_ptr<accounts::AccountStore> openStore(const QTemporaryDir &dir)
    {
        auto store = accounts::AccountStore::open(dir.filePath(QStringLiteral("cases.db")));
        return store ? std::move(*store) : nullptr;
    }
    /// Waits for the form an action opened and gives it the keyboard.
    static AccountEditDialog *waitForForm(const AccountsDialog &dialog)
    {
        if (!QTest::qWaitFor([&] { return dialog.editDialog() != nullptr; }, 5000))
            return nullptr;
        AccountEditDialog *form = dialog.editDialog();
        if (!QTest::qWaitForWindowActive(form))
            return nullptr;
        return form;
    }
};

void TestAccountsDialog::manageClerksByKeyboard()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    QVERIFY(store->createFirstAdmin(
        QStringLiteral("9001"), QStringLiteral("王芳"), QStringLiteral("hall-admin-1")));
    QVERIFY(store->addAccount(QStringLiteral("1003"), QStringLiteral("赵敏"), {accounts::Role::Supervisor},
        QStringLiteral("start-pass-3")));
    // A clerk locked out by wrong passwords, to show the state in the list.
    for (int i = 0; i < store->loginPolicy().maxFailedAttempts; ++i)
        (void)store->authenticate(QStringLiteral("1003"), QStringLiteral("wrong-pass-1"));

    AccountsDialog dialog(*store, QStringLiteral("9001"), std::nullopt);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(!dialog.enrolledNote()->isVisible());
    QCOMPARE(dialog.table()->model()->rowCount(), 2);
    QCOMPARE(focusedName(), QStringLiteral("accountFilter"));

    // Add: Ctrl+N, staff number, name, roles (intake is ticked already; add pickup), Enter.
    press(Qt::Key_N, Qt::ControlModifier);
    AccountEditDialog *form = waitForForm(dialog);
    QVERIFY(form);
    QTRY_COMPARE(focusedName(), QStringLiteral("staffNumberEdit"));
    type(QStringLiteral("1001"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("nameEdit"));
    type(QStringLiteral("Li Ming"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("role_intake"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("role_pickup"));
    press(Qt::Key_Space);
    press(Qt::Key_Return);
    QTRY_VERIFY(!dialog.editDialog());

    Result<accounts::Account> added = store->account(QStringLiteral("1001"));
    QVERIFY(added);
    QCOMPARE(added->displayName, QStringLiteral("Li Ming"));
    QCOMPARE(
        added->roles, (QList<accounts::Role> {accounts::Role::IntakeClerk, accounts::Role::PickupClerk}));
    QVERIFY(added->mustChangePassword);
    const QString initial = dialog.lastShownPassword();
    QVERIFY(accounts::AccountStore::checkPassword(initial));
    QCOMPARE(store->checkPasswordOf(QStringLiteral("1001"), initial).value_or(false), true);
    QCOMPARE(dialog.table()->model()->rowCount(), 3);
    // Sorted by staff number, the new clerk selected.
    QCOMPARE(dialog.table()->model()->index(0, 0).data().toString(), QStringLiteral("1001"));
    QCOMPARE(dialog.table()->currentIndex().row(), 0);
    QCOMPARE(dialog.table()->model()->index(0, AccountTableModel::Roles).data().toString(),
        AccountTableModel::roleNames(added->roles));

    // Rename: F2, the name is selected, type over it.
    QTRY_VERIFY(dialog.isActiveWindow());
    press(Qt::Key_F2);
    form = waitForForm(dialog);
    QVERIFY(form);
    QTRY_COMPARE(focusedName(), QStringLiteral("nameEdit"));
    type(QStringLiteral("Li Minghua"));
    press(Qt::Key_Return);
    QTRY_VERIFY(!dialog.editDialog());
    QCOMPARE(store->account(QStringLiteral("1001"))->displayName, QStringLiteral("Li Minghua"));

    // Roles: Ctrl+R, untick intake (the first box has the focus), Enter.
    QTRY_VERIFY(dialog.isActiveWindow());
    press(Qt::Key_R, Qt::ControlModifier);
    form = waitForForm(dialog);
    QVERIFY(form);
    QTRY_COMPARE(focusedName(), QStringLiteral("role_intake"));
    press(Qt::Key_Space);
    press(Qt::Key_Return);
    QTRY_VERIFY(!dialog.editDialog());
    QCOMPARE(
        store->account(QStringLiteral("1001"))->roles, QList<accounts::Role> {accounts::Role::PickupClerk});

    // Disable, confirmed.
    QTRY_VERIFY(dialog.isActiveWindow());
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_D, Qt::ControlModifier);
    QVERIFY(ConfirmDialog::lastText().contains(QStringLiteral("1001")));
    QVERIFY(!store->account(QStringLiteral("1001"))->active);
    QCOMPARE(dialog.table()->model()->index(0, AccountTableModel::State).data().toString(),
        AccountTableModel::tr("Disabled"));
    // Cancelled: nothing changes.
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Cancel);
    press(Qt::Key_D, Qt::ControlModifier);
    QVERIFY(!store->account(QStringLiteral("1001"))->active);

    // Reset password: a new one, shown once, works, and must be changed.
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_P, Qt::ControlModifier);
    const QString reset = dialog.lastShownPassword();
    // Enabled again (the same key), the new password works, the old one not.
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_D, Qt::ControlModifier);
    QVERIFY(store->account(QStringLiteral("1001"))->active);
    QVERIFY(reset != initial);
    QCOMPARE(store->checkPasswordOf(QStringLiteral("1001"), reset).value_or(false), true);
    QCOMPARE(store->checkPasswordOf(QStringLiteral("1001"), initial).value_or(true), false);
    QVERIFY(store->account(QStringLiteral("1001"))->mustChangePassword);

    // Unlock the locked clerk, found by the filter.
    QVERIFY(store->account(QStringLiteral("1003"))->lockedUntil.isValid());
    press(Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(focusedName(), QStringLiteral("accountFilter"));
    type(QStringLiteral("1003"));
    QCOMPARE(dialog.table()->model()->rowCount(), 1);
    press(Qt::Key_Down);
    QCOMPARE(focusedName(), QStringLiteral("accountTable"));
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("unlockClerkButton"))->isEnabled());
    press(Qt::Key_U, Qt::ControlModifier);
    // Unlocked now, not merely run out: the lockout has five minutes to go.
    QVERIFY(!store->account(QStringLiteral("1003"))->lockedUntil.isValid());

    // The administrator cannot disable the account in use.
    dialog.filterEdit()->clear();
    dialog.selectLogin(QStringLiteral("9001"));
    const int asked = ConfirmDialog::askCount();
    press(Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(ConfirmDialog::askCount(), asked);
    QVERIFY(store->account(QStringLiteral("9001"))->active);

    // Every change is audited under the administrator.
    Result<QList<cases::AuditEntry>> entries = store->auditLog().entries();
    QVERIFY(entries);
    int byAdmin = 0;
    for (const cases::AuditEntry &entry : *entries)
        if (entry.clerk == QStringLiteral("9001") && entry.target == QStringLiteral("1001"))
            ++byAdmin;
    QVERIFY2(byAdmin >= 5, qPrintable(QString::number(byAdmin)));

    saveScreenshot(dialog, QStringLiteral("accounts.png"));
}

void TestAccountsDialog::stateTexts()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    accounts::Account account;
    QCOMPARE(AccountTableModel::stateText(account, now), AccountTableModel::tr("Enabled"));
    account.mustChangePassword = true;
    QCOMPARE(
        AccountTableModel::stateText(account, now), AccountTableModel::tr("Enabled, must change password"));
    account.lockedUntil = now.addSecs(300);
    QVERIFY(AccountTableModel::stateText(account, now)
                .startsWith(AccountTableModel::tr("Locked until %1").section(QLatin1Char('%'), 0, 0)));
    account.active = false;
    QCOMPARE(AccountTableModel::stateText(account, now), AccountTableModel::tr("Disabled"));
}

void TestAccountsDialog::enrolledServerUnreachable()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    QVERIFY(store->addAccount(QStringLiteral("1001"), QStringLiteral("张三"), {accounts::Role::IntakeClerk},
        QStringLiteral("start-pass-1")));
    // Enrolled with a server that is not there: nothing listens on port 1 of the loopback.
    sync::SyncSettings enrolment;
    enrolment.server = QStringLiteral("http://127.0.0.1:1");
    enrolment.token = QStringLiteral("counter-token");
    AccountsDialog dialog(*store, QStringLiteral("9001"), enrolment);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(dialog.enrolledNote()->isVisible());
    QVERIFY(dialog.adminPasswordEdit() && dialog.adminPasswordEdit()->isVisible());
    // Nothing selected: the row actions wait for a row.
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("renameClerkButton"))->isEnabled());
    dialog.selectLogin(QStringLiteral("1001"));

    // Without the administrator's password the server could not check who acts: asked for first.
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    dialog.toggleEnabled();
    QVERIFY(dialog.messageText().contains(QStringLiteral("password")));
    QVERIFY(store->account(QStringLiteral("1001"))->active);

    // The server cannot be reached: said so, and nothing changed here either.
    dialog.adminPasswordEdit()->setText(QStringLiteral("hall-admin-1"));
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    dialog.toggleEnabled();
    QVERIFY2(
        dialog.messageText().contains(QStringLiteral("cannot be reached")), qPrintable(dialog.messageText()));
    QVERIFY(dialog.messageText().contains(QStringLiteral("Nothing was changed")));
    QVERIFY(store->account(QStringLiteral("1001"))->active);
    QVERIFY(dialog.isEnabled());
}

QTEST_MAIN(TestAccountsDialog)
#include "tst_accountsDialog.moc"
