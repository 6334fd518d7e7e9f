// Login rules of the accounts: lockout after wrong passwords (read from a ManualClock, so nothing
// sleeps), the forced change after a password reset, several roles per clerk, names, the enabled
// state, and the audit rows each change leaves.

#include "accounts/AccountStore.h"
#include "accounts/PasswordHash.h"
#include "core/ManualClock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::accounts;

class TestAccountLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockoutAfterWrongPasswords();
    void lockoutIsConfigurable();
    void goodLoginClearsFailures();
    void resetForcesChange();
    void severalRoles();
    void renameAndDisable();
    void passwordRules();
    void hallAccountsPulled();

private:
    std::unique_ptr<AccountStore> openStore(const QTemporaryDir &dir, const ManualClock &clock)
    {
        Result<std::unique_ptr<AccountStore>> store
            = AccountStore::open(dir.filePath(QStringLiteral("cases.db")), clock.clock());
        if (!store)
            qWarning("%s", qPrintable(store.error().message()));
        return store ? std::move(*store) : nullptr;
    }
    QStringList actions(const AccountStore &store)
    {
        QStringList list;
        for (const cases::AuditEntry &entry : store.auditLog().entries().value_or(QList<cases::AuditEntry>()))
            list.append(entry.action);
        return list;
    }
};

void TestAccountLogin::lockoutAfterWrongPasswords()
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC));
    auto store = openStore(dir, clock);
    QVERIFY(store);
    QVERIFY(store->createAccount(
        QStringLiteral("1001"), QStringLiteral("张三"), Role::IntakeClerk, QStringLiteral("window-07")));
    for (int i = 0; i < 4; ++i)
        QVERIFY(!store->authenticate(QStringLiteral("1001"), QStringLiteral("wrong-pass")));
    QCOMPARE(store->account(QStringLiteral("1001"))->failedAttempts, 4);
    QVERIFY(!store->authenticate(QStringLiteral("1001"), QStringLiteral("wrong-pass")));
    Result<Account> locked = store->account(QStringLiteral("1001"));
    QCOMPARE(locked->lockedUntil, clock.now().addSecs(5 * 60));
    // The right password is refused while locked, with a message naming the lock.
    Result<Account> refused = store->authenticate(QStringLiteral("1001"), QStringLiteral("window-07"));
    QVERIFY(!refused);
    QVERIFY(refused.error().message().contains(QStringLiteral("locked")));
    clock.advance(4 * 60 * 1000);
    QVERIFY(!store->authenticate(QStringLiteral("1001"), QStringLiteral("window-07")));
    clock.advance(61 * 1000);
    Result<Account> in = store->authenticate(QStringLiteral("1001"), QStringLiteral("window-07"));
    QVERIFY(in);
    QCOMPARE(in->failedAttempts, 0);
    QVERIFY(!in->lockedUntil.isValid());
    const QStringList done = actions(*store);
    QVERIFY(done.contains(QStringLiteral("account.locked")));
    QVERIFY(done.contains(QStringLiteral("account.login_locked")));
}

void TestAccountLogin::lockoutIsConfigurable()
{
    QTemporaryDir dir;
    ManualClock clock;
    auto store = openStore(dir, clock);
    store->setLoginPolicy({3, 10});
    QVERIFY(store->createAccount(
        QStringLiteral("1002"), QStringLiteral("李四"), Role::PickupClerk, QStringLiteral("window-08")));
    for (int i = 0; i < 3; ++i)
        QVERIFY(!store->authenticate(QStringLiteral("1002"), QStringLiteral("nope-nope")));
    QCOMPARE(store->account(QStringLiteral("1002"))->lockedUntil, clock.now().addSecs(10 * 60));
    // An administrator may lift the lock before its time.
    QVERIFY(store->unlock(QStringLiteral("1002")));
    QVERIFY(store->authenticate(QStringLiteral("1002"), QStringLiteral("window-08")));
}

void TestAccountLogin::goodLoginClearsFailures()
{
    QTemporaryDir dir;
    ManualClock clock;
    auto store = openStore(dir, clock);
    QVERIFY(store->createAccount(
        QStringLiteral("1003"), QStringLiteral("王五"), Role::IntakeClerk, QStringLiteral("window-09")));
    for (int i = 0; i < 4; ++i)
        QVERIFY(!store->authenticate(QStringLiteral("1003"), QStringLiteral("wrong-pass")));
    QVERIFY(store->authenticate(QStringLiteral("1003"), QStringLiteral("window-09")));
    QVERIFY(!store->authenticate(QStringLiteral("1003"), QStringLiteral("wrong-pass")));
    QCOMPARE(store->account(QStringLiteral("1003"))->failedAttempts, 1);
    QVERIFY(!store->account(QStringLiteral("1003"))->lockedUntil.isValid());
}

void TestAccountLogin::resetForcesChange()
{
    QTemporaryDir dir;
    ManualClock clock;
    auto store = openStore(dir, clock);
    store->setActingClerk(QStringLiteral("9000"));
    Result<Account> added = store->addAccount(
        QStringLiteral("1004"), QStringLiteral("赵六"), {Role::IntakeClerk}, QStringLiteral("first-pass1"));
    QVERIFY(added);
    QVERIFY(added->mustChangePassword);
    Result<Account> in = store->authenticate(QStringLiteral("1004"), QStringLiteral("first-pass1"));
    QVERIFY(in);
    QVERIFY(in->mustChangePassword);
    // The same password again is not a change.
    QVERIFY(!store->changePassword(QStringLiteral("1004"), QStringLiteral("first-pass1")));
    QVERIFY(store->changePassword(QStringLiteral("1004"), QStringLiteral("my-own-pass2")));
    QVERIFY(!store->account(QStringLiteral("1004"))->mustChangePassword);
    QVERIFY(store->resetPassword(QStringLiteral("1004"), QStringLiteral("reset-pass3")));
    QVERIFY(!store->authenticate(QStringLiteral("1004"), QStringLiteral("my-own-pass2")));
    in = store->authenticate(QStringLiteral("1004"), QStringLiteral("reset-pass3"));
    QVERIFY(in);
    QVERIFY(in->mustChangePassword);
    // Changes by an administrator name the administrator as the clerk and the account as the target.
    const QList<cases::AuditEntry> entries = store->auditLog().entries().value();
    auto reset = std::find_if(entries.cbegin(), entries.cend(),
        [](const cases::AuditEntry &e) { return e.action == QStringLiteral("account.password_reset"); });
    QVERIFY(reset != entries.cend());
    QCOMPARE(reset->clerk, QStringLiteral("9000"));
    QCOMPARE(reset->target, QStringLiteral("1004"));
}

void TestAccountLogin::severalRoles()
{
    QTemporaryDir dir;
    ManualClock clock;
    auto store = openStore(dir, clock);
    Result<Account> added = store->addAccount(QStringLiteral("1005"), QStringLiteral("钱七"),
        {Role::PickupClerk, Role::IntakeClerk}, QStringLiteral("first-pass1"));
    QVERIFY(added);
    QCOMPARE(added->roles, (QList<Role> {Role::IntakeClerk, Role::PickupClerk}));
    QCOMPARE(added->role, Role::IntakeClerk);
    QVERIFY(store->setRoles(QStringLiteral("1005"), {Role::CatalogueEditor, Role::Supervisor}));
    Result<Account> changed = store->account(QStringLiteral("1005"));
    QCOMPARE(changed->role, Role::Supervisor);
    QVERIFY(changed->hasRole(Role::CatalogueEditor));
    QVERIFY(!changed->hasRole(Role::IntakeClerk));
    QVERIFY(!store->setRoles(QStringLiteral("1005"), {}));
    QVERIFY(!store->addAccount(
        QStringLiteral("1006"), QStringLiteral("孙八"), {}, QStringLiteral("first-pass1")));
    QCOMPARE(rolesFromKeys(QStringLiteral("admin,intake,admin")).value(),
        (QList<Role> {Role::Admin, Role::IntakeClerk}));
    QVERIFY(!rolesFromKeys(QStringLiteral("intake,cook")));
    QCOMPARE(roleKeys({Role::CatalogueEditor, Role::IntakeClerk}), QStringLiteral("intake,catalogue"));
}

void TestAccountLogin::renameAndDisable()
{
    QTemporaryDir dir;
    ManualClock clock;
    auto store = openStore(dir, clock);
    QVERIFY(store->createAccount(
        QStringLiteral("1007"), QStringLiteral("周九"), Role::IntakeClerk, QStringLiteral("window-10")));
    QVERIFY(store->rename(QStringLiteral("1007"), QStringLiteral("周久")));
    QCOMPARE(store->account(QStringLiteral("1007"))->displayName, QStringLiteral("周久"));
    QVERIFY(!store->rename(QStringLiteral("1007"), QStringLiteral("  ")));
    QVERIFY(!store->rename(QStringLiteral("nobody"), QStringLiteral("某人")));
    QVERIFY(store->setActive(QStringLiteral("1007"), false));
    QVERIFY(!store->authenticate(QStringLiteral("1007"), QStringLiteral("window-10")));
    // Wrong passwords against a disabled account do not lock it (there is nothing to protect).
    QCOMPARE(store->account(QStringLiteral("1007"))->failedAttempts, 0);
    QVERIFY(store->setActive(QStringLiteral("1007"), true));
    QVERIFY(store->authenticate(QStringLiteral("1007"), QStringLiteral("window-10")));
    const QStringList done = actions(*store);
    QVERIFY(done.contains(QStringLiteral("account.renamed")));
    QVERIFY(done.contains(QStringLiteral("account.deactivated")));
    QVERIFY(done.contains(QStringLiteral("account.activated")));
}

void TestAccountLogin::passwordRules()
{
    QVERIFY(!AccountStore::checkPassword(QStringLiteral("abc1234"))); // too short
    QVERIFY(!AccountStore::checkPassword(QStringLiteral("12345678"))); // all digits
    QVERIFY(!AccountStore::checkPassword(QStringLiteral("abcdefgh"))); // letters only
    QVERIFY(AccountStore::checkPassword(QStringLiteral("abcd1234")));
    QTemporaryDir dir;
    ManualClock clock;
    auto store = openStore(dir, clock);
    QVERIFY(!store->addAccount(
        QStringLiteral("1008"), QStringLiteral("吴十"), {Role::IntakeClerk}, QStringLiteral("20261207")));
    QVERIFY(store->addAccount(
        QStringLiteral("1008"), QStringLiteral("吴十"), {Role::IntakeClerk}, QStringLiteral("w2026-1207")));
    QVERIFY(!store->resetPassword(QStringLiteral("1008"), QStringLiteral("11112222")));
}

void TestAccountLogin::hallAccountsPulled()
{
    // What GET /api/v1/accounts sends: hashes only. The cache lets the clerk log in offline, a
    // disabled clerk is refused after the next pull, and a password changed here survives a pull
    // until the server resets it.
    QTemporaryDir dir;
    ManualClock clock;
    auto store = openStore(dir, clock);
    QVERIFY(store->createFirstAdmin(
        QStringLiteral("admin"), QStringLiteral("本机管理员"), QStringLiteral("local-admin1")));
    const QString hash = PasswordHash::create(QStringLiteral("hall-pass-1"));
    const auto row = [&](const QString &login, bool enabled, const QString &passwordHash) {
        return QJsonObject {{QStringLiteral("staffNumber"), login},
            {QStringLiteral("name"), QStringLiteral("张三")},
            {QStringLiteral("roles"), QStringLiteral("intake,pickup")}, {QStringLiteral("enabled"), enabled},
            {QStringLiteral("mustChangePassword"), true}, {QStringLiteral("passwordHash"), passwordHash}};
    };
    QCOMPARE(store
                 ->applyHallAccounts({row(QStringLiteral("1001"), true, hash),
                     QJsonObject {{QStringLiteral("staffNumber"), QStringLiteral("bad")}}})
                 .value_or(-1),
        1);
    Result<Account> in = store->authenticate(QStringLiteral("1001"), QStringLiteral("hall-pass-1"));
    QVERIFY(in);
    QCOMPARE(in->roles, (QList<Role> {Role::IntakeClerk, Role::PickupClerk}));
    QVERIFY(in->mustChangePassword);
    QVERIFY(store->changePassword(QStringLiteral("1001"), QStringLiteral("own-pass-22")));
    // The same list again changes nothing, and keeps the password chosen here.
    QCOMPARE(store->applyHallAccounts({row(QStringLiteral("1001"), true, hash)}).value_or(-1), 0);
    QVERIFY(store->authenticate(QStringLiteral("1001"), QStringLiteral("own-pass-22")));
    // A reset on the server replaces it.
    const QString reset = PasswordHash::create(QStringLiteral("reset-pass-3"));
    QCOMPARE(store->applyHallAccounts({row(QStringLiteral("1001"), true, reset)}).value_or(-1), 1);
    QVERIFY(!store->authenticate(QStringLiteral("1001"), QStringLiteral("own-pass-22")));
    QVERIFY(store->authenticate(QStringLiteral("1001"), QStringLiteral("reset-pass-3"))->mustChangePassword);
    // Disabled on the server: refused at this counter from the next pull on.
    QCOMPARE(store->applyHallAccounts({row(QStringLiteral("1001"), false, reset)}).value_or(-1), 1);
    QVERIFY(!store->authenticate(QStringLiteral("1001"), QStringLiteral("reset-pass-3")));
    // Gone from the list: disabled too. The workstation's own administrator is left alone.
    QCOMPARE(store->applyHallAccounts({row(QStringLiteral("1002"), true, hash)}).value_or(-1), 1);
    QCOMPARE(store->applyHallAccounts({}).value_or(-1), 1);
    QVERIFY(!store->account(QStringLiteral("1002"))->active);
    QVERIFY(store->authenticate(QStringLiteral("admin"), QStringLiteral("local-admin1")));
    const QList<cases::AuditEntry> entries = store->auditLog().entries().value();
    QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const cases::AuditEntry &e) {
        return e.action == QStringLiteral("account.synced") && e.clerk == QStringLiteral("server");
    }));
    QVERIFY(store->auditLog().verify());
}

QTEST_GUILESS_MAIN(TestAccountLogin)
#include "tst_accountLogin.moc"
