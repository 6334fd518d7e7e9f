// The logged-in clerk: the first-run administrator, log-in refusals, the idle lock and unlocking
// with the clerk's password, all by keyboard.

#include "GuiTestSupport.h"
#include "accounts/AccountStore.h"
#include "accounts/LoginPolicy.h"
#include "accounts/PasswordHash.h"
#include "ui/IdleWatcher.h"
#include "ui/LockOverlay.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/SessionGuard.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace ow;
using namespace ow::ui;
using ow::test::press;
using ow::test::type;

class TestSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstRunCreatesAdministrator();
    void logInRefusesWrongPassword();
    void firstLogInAsksForOwnPassword();
    void enrolledCounterWaitsForTheHallsAccounts();
    void idleLockAndUnlock();
    void idleWatcherMinutes();
    void switchUserOnLockScreen();
    void disabledClerkLockedOut();

private:
    std::unique_ptr<accounts::AccountStore> openStore(const QTemporaryDir &dir) const
    {
        auto store = accounts::AccountStore::open(dir.filePath(QStringLiteral("cases.db")));
        return store ? std::move(*store) : nullptr;
    }
    static QString focusedName()
    {
        QWidget *focus = QApplication::focusWidget();
        return focus ? focus->objectName() : QString();
    }
    void saveScreenshot(QWidget *widget, const QString &name) const
    {
        const QString fromEnvironment = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
        const QString dir
            = fromEnvironment.isEmpty() ? QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR) : fromEnvironment;
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
    }
};

void TestSession::firstRunCreatesAdministrator()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    LoginDialog dialog(*store);
    QCOMPARE(dialog.mode(), LoginDialog::Mode::CreateAdmin);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(focusedName(), QStringLiteral("loginField"));
    type(QStringLiteral("chief"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("nameField"));
    type(QStringLiteral("Wang Fang"));
    press(Qt::Key_Tab);
    type(QStringLiteral("hall-admin-1"));
    press(Qt::Key_Tab);
    QCOMPARE(focusedName(), QStringLiteral("repeatField"));
    type(QStringLiteral("hall-admin-2"));
    saveScreenshot(&dialog, QStringLiteral("session-1-first-run.png"));
    press(Qt::Key_Return);
    // Different repetitions: refused, the dialog stays, the password fields are emptied.
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.errorText().isEmpty());
    QCOMPARE(store->isEmpty().value_or(false), true);
    QCOMPARE(focusedName(), QStringLiteral("passwordField"));

    type(QStringLiteral("hall-admin-1"));
    press(Qt::Key_Tab);
    type(QStringLiteral("hall-admin-1"));
    press(Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.account());
    QCOMPARE(dialog.account()->login, QStringLiteral("chief"));
    QCOMPARE(dialog.account()->role, accounts::Role::Admin);
    QCOMPARE(store->isEmpty().value_or(true), false);

    // The next start asks to log in instead.
    LoginDialog next(*store);
    QCOMPARE(next.mode(), LoginDialog::Mode::LogIn);
}

void TestSession::logInRefusesWrongPassword()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    QVERIFY(store->createAccount(QStringLiteral("zhang"), QStringLiteral("Zhang San"),
        accounts::Role::IntakeClerk, QStringLiteral("window-07")));
    LoginDialog dialog(*store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    type(QStringLiteral("zhang"));
    press(Qt::Key_Tab);
    type(QStringLiteral("window-70"));
    press(Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.errorText().isEmpty());
    QVERIFY(!dialog.account());
    saveScreenshot(&dialog, QStringLiteral("session-2-refused.png"));

    type(QStringLiteral("window-07"));
    press(Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.account()->displayName, QStringLiteral("Zhang San"));
}

void TestSession::firstLogInAsksForOwnPassword()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    QVERIFY(store->addAccount(QStringLiteral("1001"), QStringLiteral("Zhang San"),
        {accounts::Role::IntakeClerk}, QStringLiteral("given-pass-1")));
    LoginDialog dialog(*store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    type(QStringLiteral("1001"));
    press(Qt::Key_Tab);
    type(QStringLiteral("given-pass-1"));
    press(Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.mode(), LoginDialog::Mode::ChangePassword);
    // An all-digit password is refused by the rules; then the clerk's own.
    type(QStringLiteral("12345678"));
    press(Qt::Key_Tab);
    type(QStringLiteral("12345678"));
    press(Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.errorText().isEmpty());
    saveScreenshot(&dialog, QStringLiteral("session-4-own-password.png"));
    press(Qt::Key_Backspace);
    type(QStringLiteral("my-own-pass2"));
    press(Qt::Key_Tab);
    type(QStringLiteral("my-own-pass2"));
    press(Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.account()->mustChangePassword);
    QVERIFY(store->authenticate(QStringLiteral("1001"), QStringLiteral("my-own-pass2")));
    QVERIFY(!store->account(QStringLiteral("1001"))->mustChangePassword);
}

void TestSession::enrolledCounterWaitsForTheHallsAccounts()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    // A server address where nothing listens: the forced password change cannot reach it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    sync::SyncSettings hall;
    hall.server = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
    hall.token = QStringLiteral("token");
    probe.close();

    // Enrolled and no accounts yet: never "create the administrator", but waiting for the hall's.
    LoginDialog dialog(*store, hall);
    QCOMPARE(dialog.mode(), LoginDialog::Mode::WaitingForAccounts);
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("nameField")));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("loginField"))->isEnabled());
    dialog.showSyncStatus(false, QStringLiteral("Connection refused"));
    QVERIFY(dialog.errorText().contains(QStringLiteral("Connection refused")));
    saveScreenshot(&dialog, QStringLiteral("session-0-waiting-for-accounts.png"));
    press(Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.account());

    // The sync brings them: the log-in opens in the same dialog.
    auto row = [](const QString &login, const QString &roles, const QString &password) {
        return QJsonObject {{QStringLiteral("staffNumber"), login}, {QStringLiteral("name"), login},
            {QStringLiteral("roles"), roles}, {QStringLiteral("enabled"), true},
            {QStringLiteral("mustChangePassword"), true},
            {QStringLiteral("passwordHash"), accounts::PasswordHash::create(password)}};
    };
    QVERIFY(store->applyHallAccounts(
        {row(QStringLiteral("1001"), QStringLiteral("intake"), QStringLiteral("clerk-pass-1")),
            row(QStringLiteral("9000"), QStringLiteral("admin"), QStringLiteral("admin-pass-1"))}));
    dialog.refreshAccounts();
    QCOMPARE(dialog.mode(), LoginDialog::Mode::LogIn);
    QVERIFY(dialog.errorText().isEmpty());
    QTRY_COMPARE(focusedName(), QStringLiteral("loginField"));

    // The administrator's forced change needs the server: refused, nothing changed, the dialog stays.
    type(QStringLiteral("9000"));
    press(Qt::Key_Tab);
    type(QStringLiteral("admin-pass-1"));
    press(Qt::Key_Return);
    QCOMPARE(dialog.mode(), LoginDialog::Mode::ChangePassword);
    type(QStringLiteral("new-admin-22"));
    press(Qt::Key_Tab);
    type(QStringLiteral("new-admin-22"));
    press(Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.errorText().contains(QStringLiteral("only while the hall's server is reachable")),
        qPrintable(dialog.errorText()));
    saveScreenshot(&dialog, QStringLiteral("session-7-admin-offline.png"));
    QVERIFY(store->pendingPasswordChanges()->isEmpty());
    QVERIFY(store->authenticate(QStringLiteral("9000"), QStringLiteral("admin-pass-1"))->mustChangePassword);

    // A clerk's forced change with the server away is kept and sent by a later round.
    LoginDialog clerk(*store, hall);
    clerk.show();
    QVERIFY(QTest::qWaitForWindowActive(&clerk));
    type(QStringLiteral("1001"));
    press(Qt::Key_Tab);
    type(QStringLiteral("clerk-pass-1"));
    press(Qt::Key_Return);
    QCOMPARE(clerk.mode(), LoginDialog::Mode::ChangePassword);
    type(QStringLiteral("own-pass-22"));
    press(Qt::Key_Tab);
    type(QStringLiteral("own-pass-22"));
    press(Qt::Key_Return);
    QCOMPARE(clerk.result(), int(QDialog::Accepted));
    QCOMPARE(store->pendingPasswordChanges()->size(), 1);
    QVERIFY(store->authenticate(QStringLiteral("1001"), QStringLiteral("own-pass-22")));
}

void TestSession::idleLockAndUnlock()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    Result<accounts::Account> clerk = store->createAccount(QStringLiteral("zhang"),
        QStringLiteral("Zhang San"), accounts::Role::IntakeClerk, QStringLiteral("window-07"));
    QVERIFY(clerk);

    MainWindow window(ow::test::uiCatalogue());
    auto *guard = new SessionGuard(&window, *store, *clerk, 10);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("clerkLabel"))
                ->text()
                .contains(QStringLiteral("Zhang San")));
    QVERIFY(guard->idleWatcher()->isRunning());

    // The search page works before the lock.
    QAction *find = nullptr;
    for (QAction *action : window.actions())
        if (action->shortcuts().contains(QKeySequence::keyBindings(QKeySequence::Find).value(0)))
            find = action;
    QVERIFY(find);
    QVERIFY(find->isEnabled());

    guard->idleWatcher()->expireNow();
    QVERIFY(guard->isLocked());
    QVERIFY(guard->overlay()->isVisible());
    QVERIFY(!find->isEnabled());
    QVERIFY(!window.menuBar()->isEnabled());
    QCOMPARE(focusedName(), QStringLiteral("unlockPassword"));
    // The overlay hides the whole window: what was on the screen cannot be read.
    QCOMPARE(guard->overlay()->geometry(), window.rect());
    const QImage picture = window.grab().toImage();
    QCOMPARE(picture.pixelColor(picture.width() / 4, picture.height() / 4), QColor(0x20, 0x24, 0x2a));
    saveScreenshot(&window, QStringLiteral("session-3-locked.png"));

    type(QStringLiteral("window-08"));
    press(Qt::Key_Return);
    QVERIFY(guard->isLocked());
    QVERIFY(!guard->overlay()->refusalText().isEmpty());
    QVERIFY(!find->isEnabled());

    type(QStringLiteral("window-07"));
    press(Qt::Key_Return);
    QVERIFY(!guard->isLocked());
    QVERIFY(!guard->overlay()->isVisible());
    QVERIFY(find->isEnabled());
    QVERIFY(window.menuBar()->isEnabled());
    QVERIFY(window.isSearching());

    // Ctrl+L locks by hand.
    press(Qt::Key_L, Qt::ControlModifier);
    QVERIFY(guard->isLocked());

    // Guessing at the lock screen counts like guessing at the login: after the policy's wrong
    // passwords the account is locked, and even the right password does not open it.
    for (int attempt = 0; attempt < accounts::LoginPolicy().maxFailedAttempts; ++attempt) {
        type(QStringLiteral("guess-%1").arg(attempt));
        press(Qt::Key_Return);
        QVERIFY(guard->isLocked());
    }
    type(QStringLiteral("window-07"));
    press(Qt::Key_Return);
    QVERIFY(guard->isLocked());
    QVERIFY(guard->overlay()->refusalText().contains(QStringLiteral("locked")));
}

void TestSession::idleWatcherMinutes()
{
    IdleWatcher watcher(5);
    QVERIFY(watcher.isRunning());
    QSignalSpy idle(&watcher, &IdleWatcher::idle);
    watcher.expireNow();
    QCOMPARE(idle.count(), 1);
    QVERIFY(!watcher.isRunning());
    watcher.restart();
    QVERIFY(watcher.isRunning());
    watcher.setMinutes(0);
    QVERIFY(!watcher.isRunning());
    QCOMPARE(watcher.minutes(), 0);
}

void TestSession::switchUserOnLockScreen()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    Result<accounts::Account> zhang = store->createAccount(QStringLiteral("zhang"),
        QStringLiteral("Zhang San"), accounts::Role::IntakeClerk, QStringLiteral("window-07"));
    QVERIFY(zhang);
    QVERIFY(store->createAccount(QStringLiteral("li"), QStringLiteral("Li Si"), accounts::Role::PickupClerk,
        QStringLiteral("window-08")));

    MainWindow window(ow::test::uiCatalogue());
    auto *guard = new SessionGuard(&window, *store, *zhang, 10);
    int keeps = 0;
    bool keepSucceeds = false;
    guard->setKeepOpenWork([&] {
        ++keeps;
        return keepSucceeds;
    });
    QSignalSpy switched(guard, &SessionGuard::switchRequested);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    guard->lock();
    QPushButton *switchButton = guard->overlay()->switchUserButton();
    QVERIFY(switchButton->isVisible());
    saveScreenshot(&window, QStringLiteral("session-5-switch-user.png"));

    // Switch user asks the next clerk to sign in, saying that the open work stays Zhang San's.
    auto signIn = [&](const QString &login, const QString &password) -> bool {
        // The dialog of the last attempt is gone first.
        if (!QTest::qWaitFor([&] { return !window.findChild<LoginDialog *>(QStringLiteral("loginDialog")); }))
            return false;
        switchButton->click();
        auto *dialog = window.findChild<LoginDialog *>(QStringLiteral("loginDialog"));
        if (!dialog || !dialog->isVisible())
            return false;
        dialog->findChild<QLineEdit *>(QStringLiteral("loginField"))->setText(login);
        dialog->findChild<QLineEdit *>(QStringLiteral("passwordField"))->setText(password);
        dialog->submit();
        return true;
    };
    switchButton->click();
    auto *dialog = window.findChild<LoginDialog *>(QStringLiteral("loginDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->findChild<QLabel *>()->text().contains(QStringLiteral("Zhang San")));
    saveScreenshot(dialog, QStringLiteral("session-6-switch-login.png"));
    dialog->reject();
    QTRY_VERIFY(!window.findChild<LoginDialog *>(QStringLiteral("loginDialog")));
    QVERIFY(guard->isLocked());

    // A wrong password: the dialog refuses, nothing is handed on.
    QVERIFY(signIn(QStringLiteral("li"), QStringLiteral("window-09")));
    dialog = window.findChild<LoginDialog *>(QStringLiteral("loginDialog"));
    QVERIFY(dialog && !dialog->errorText().isEmpty());
    dialog->reject();
    QTRY_VERIFY(!window.findChild<LoginDialog *>(QStringLiteral("loginDialog")));
    QCOMPARE(switched.count(), 0);
    QCOMPARE(keeps, 0);

    // The open intake could not be kept: the counter stays with Zhang San, locked.
    QVERIFY(signIn(QStringLiteral("li"), QStringLiteral("window-08")));
    QTRY_VERIFY(!window.findChild<LoginDialog *>(QStringLiteral("loginDialog")));
    QCOMPARE(keeps, 1);
    QCOMPARE(switched.count(), 0);
    QVERIFY(guard->isLocked());
    QVERIFY(guard->overlay()->refusalText().contains(QStringLiteral("Zhang San")));

    // Kept: Li Si's window is asked for, and the switch is in the audit trail.
    keepSucceeds = true;
    QVERIFY(signIn(QStringLiteral("li"), QStringLiteral("window-08")));
    QTRY_COMPARE(switched.count(), 1);
    QCOMPARE(keeps, 2);
    QCOMPARE(switched.first().at(0).value<accounts::Account>().login, QStringLiteral("li"));
    QVERIFY(guard->isLocked()); // the window goes; it never opens again for the next clerk
    Result<QList<cases::AuditEntry>> audit = store->auditLog().entries();
    QVERIFY(audit);
    QCOMPARE(audit->constLast().action, QStringLiteral("account.switched_user"));
    QCOMPARE(audit->constLast().clerk, QStringLiteral("li"));
    QCOMPARE(audit->constLast().target, QStringLiteral("zhang"));

    // The same clerk signing in through Switch user simply unlocks.
    QVERIFY(signIn(QStringLiteral("zhang"), QStringLiteral("window-07")));
    QTRY_VERIFY(!guard->isLocked());
    QCOMPARE(switched.count(), 1);
}

void TestSession::disabledClerkLockedOut()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    Result<accounts::Account> zhang = store->createAccount(QStringLiteral("zhang"),
        QStringLiteral("Zhang San"), accounts::Role::IntakeClerk, QStringLiteral("window-07"));
    QVERIFY(zhang);
    MainWindow window(ow::test::uiCatalogue());
    auto *guard = new SessionGuard(&window, *store, *zhang, 0);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    // Nothing changed for this clerk: the check leaves the window open.
    guard->checkAccount();
    QVERIFY(!guard->isLocked());

    // The sync brought the server's word: the clerk is disabled. The window locks at once, says
    // why, and the clerk's own password no longer opens it.
    QVERIFY(store->setActive(QStringLiteral("zhang"), false));
    guard->checkAccount();
    QVERIFY(guard->isLocked());
    QVERIFY(guard->overlay()->refusalText().contains(QStringLiteral("disabled")));
    QVERIFY(!guard->overlay()->findChild<QLineEdit *>(QStringLiteral("unlockPassword"))->isVisible());
    QVERIFY(guard->overlay()->switchUserButton()->isVisible());
    QVERIFY(!guard->tryUnlock(QStringLiteral("window-07")));
    QVERIFY(!guard->completeSwitch(*zhang));
    QVERIFY(guard->isLocked());
    Result<QList<cases::AuditEntry>> audit = store->auditLog().entries();
    QVERIFY(audit);
    QCOMPARE(audit->constLast().action, QStringLiteral("account.locked_out"));
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
