// Accounts: password hashing, the first administrator, login, password and role changes, and the
// accounts tables living beside the case schema in one database.

#include "accounts/AccountSchema.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordHash.h"
#include "cases/CaseSchema.h"
#include "cases/CaseStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::accounts;

class TestAccountStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashRoundTrip();
    void hashIsSaltedAndSelfDescribing();
    void hashRejectsTamperedText();
    void constantTimeEquals();
    void passwordPolicy();
    void firstRunCreatesAdminOnce();
    void authenticate();
    void changePasswordAndDeactivate();
    void sharesDatabaseWithCases();
    void roles();

private:
    std::unique_ptr<AccountStore> openStore(const QTemporaryDir &dir)
    {
        Result<std::unique_ptr<AccountStore>> store
            = AccountStore::open(dir.filePath(QStringLiteral("cases.db")));
        if (!store)
            qWarning("%s", qPrintable(store.error().message()));
        return store ? std::move(*store) : nullptr;
    }
};

void TestAccountStore::hashRoundTrip()
{
    const QString hash = PasswordHash::create(QStringLiteral("Counter-7 password"));
    QVERIFY(PasswordHash::verify(QStringLiteral("Counter-7 password"), hash));
    QVERIFY(!PasswordHash::verify(QStringLiteral("counter-7 password"), hash));
    QVERIFY(!PasswordHash::verify(QString(), hash));
}

void TestAccountStore::hashIsSaltedAndSelfDescribing()
{
    const QString a = PasswordHash::create(QStringLiteral("same words 1"));
    const QString b = PasswordHash::create(QStringLiteral("same words 1"));
    QVERIFY(a != b);
    const QStringList parts = a.split(QLatin1Char('$'));
    QCOMPARE(parts.size(), 4);
    QCOMPARE(parts.at(0), QStringLiteral("pbkdf2-sha256"));
    QVERIFY(parts.at(1).toInt() >= 200000);
    QCOMPARE(QByteArray::fromBase64(parts.at(2).toLatin1()).size(), 16);
    QCOMPARE(QByteArray::fromBase64(parts.at(3).toLatin1()).size(), 32);
    // A known salt and work factor give a repeatable key.
    const QByteArray salt("0123456789abcdef");
    QCOMPARE(PasswordHash::create(QStringLiteral("x1"), salt, 200000),
        PasswordHash::create(QStringLiteral("x1"), salt, 200000));
}

void TestAccountStore::hashRejectsTamperedText()
{
    const QByteArray salt("0123456789abcdef");
    // A hash stored with a lowered work factor is refused even with the right password.
    const QString weak = PasswordHash::create(QStringLiteral("password1"), salt, 1000);
    QVERIFY(!PasswordHash::verify(QStringLiteral("password1"), weak));
    QVERIFY(!PasswordHash::verify(QStringLiteral("password1"), QStringLiteral("password1")));
    QVERIFY(!PasswordHash::verify(QStringLiteral("password1"), QStringLiteral("md5$1$aa$bb")));
    QString broken = PasswordHash::create(QStringLiteral("password1"), salt, 200000);
    broken.chop(4);
    QVERIFY(!PasswordHash::verify(QStringLiteral("password1"), broken));
}

void TestAccountStore::constantTimeEquals()
{
    QVERIFY(PasswordHash::constantTimeEquals(QByteArray("abc"), QByteArray("abc")));
    QVERIFY(!PasswordHash::constantTimeEquals(QByteArray("abc"), QByteArray("abd")));
    QVERIFY(!PasswordHash::constantTimeEquals(QByteArray("abc"), QByteArray("abcd")));
    QVERIFY(PasswordHash::constantTimeEquals(QByteArray(), QByteArray()));
}

void TestAccountStore::passwordPolicy()
{
    QVERIFY(!AccountStore::checkPassword(QStringLiteral("short1")));
    QVERIFY(!AccountStore::checkPassword(QStringLiteral("onlyletters")));
    QVERIFY(!AccountStore::checkPassword(QStringLiteral("1234567890")));
    QVERIFY(AccountStore::checkPassword(QStringLiteral("window2026")));
}

void TestAccountStore::firstRunCreatesAdminOnce()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    QCOMPARE(store->isEmpty().value_or(false), true);
    Result<Account> admin = store->createFirstAdmin(
        QStringLiteral("admin"), QStringLiteral("王管理"), QStringLiteral("hall-admin-1"));
    QVERIFY2(admin, admin ? "" : qPrintable(admin.error().message()));
    QCOMPARE(admin->role, Role::Admin);
    QCOMPARE(store->isEmpty().value_or(true), false);
    QVERIFY(!store->createFirstAdmin(
        QStringLiteral("admin2"), QStringLiteral("李"), QStringLiteral("hall-admin-2")));

    // The stored text is a hash, never the password.
    Result<std::unique_ptr<storage::Database>> raw
        = storage::Database::openSqlite(dir.filePath(QStringLiteral("cases.db")));
    QVERIFY(raw);
    Result<QVariant> stored = (*raw)->scalar(QStringLiteral("SELECT password_hash FROM accounts"));
    QVERIFY(stored);
    QVERIFY(stored->toString().startsWith(QStringLiteral("pbkdf2-sha256$")));
    QVERIFY(!stored->toString().contains(QStringLiteral("hall-admin-1")));

    // Reopening keeps the account and does not migrate again.
    store.reset();
    auto again = openStore(dir);
    QVERIFY(again);
    QCOMPARE(again->isEmpty().value_or(true), false);
}

void TestAccountStore::authenticate()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    QVERIFY(store->createFirstAdmin(
        QStringLiteral("admin"), QStringLiteral("王管理"), QStringLiteral("hall-admin-1")));
    QVERIFY(store->createAccount(
        QStringLiteral("zhang"), QStringLiteral("张三"), Role::IntakeClerk, QStringLiteral("window-07")));
    QVERIFY(!store->createAccount(
        QStringLiteral("ZHANG"), QStringLiteral("张三"), Role::IntakeClerk, QStringLiteral("window-07")));
    QVERIFY(!store->createAccount(
        QStringLiteral("li si"), QStringLiteral("李四"), Role::IntakeClerk, QStringLiteral("window-07")));

    QCOMPARE(store->account(QStringLiteral("zhang"))->lastLogin.isNull(), true);
    Result<Account> in = store->authenticate(QStringLiteral("Zhang"), QStringLiteral("window-07"));
    QVERIFY(in);
    QCOMPARE(in->displayName, QStringLiteral("张三"));
    QCOMPARE(in->role, Role::IntakeClerk);
    QVERIFY(!in->lastLogin.isNull());

    Result<Account> wrong = store->authenticate(QStringLiteral("zhang"), QStringLiteral("window-08"));
    Result<Account> unknown = store->authenticate(QStringLiteral("nobody"), QStringLiteral("window-07"));
    QVERIFY(!wrong);
    QVERIFY(!unknown);
    // The same message for both, so the login screen does not reveal which logins exist.
    QCOMPARE(wrong.error().message(), unknown.error().message());
    QCOMPARE(
        store->checkPasswordOf(QStringLiteral("zhang"), QStringLiteral("window-07")).value_or(false), true);

    // The audit trail has the creations, the log-in and both refusals, and never a password or an
    // unknown login name (which may be a mistyped password).
    Result<QList<cases::AuditEntry>> entries = store->auditLog().entries();
    QVERIFY(entries);
    QStringList actions;
    for (const cases::AuditEntry &entry : *entries) {
        actions.append(entry.action + QLatin1Char(':') + entry.target);
        for (const QString &text : {entry.clerk, entry.target, entry.detail}) {
            QVERIFY(!text.contains(QStringLiteral("window-0")));
            QVERIFY(!text.contains(QStringLiteral("nobody")));
        }
    }
    QCOMPARE(actions,
        QStringList({QStringLiteral("account.created:admin"), QStringLiteral("account.created:zhang"),
            QStringLiteral("account.login:zhang"), QStringLiteral("account.login_refused:zhang"),
            QStringLiteral("account.login_refused:")}));
    QVERIFY(store->auditLog().verify()->intact);
    QCOMPARE(
        store->checkPasswordOf(QStringLiteral("zhang"), QStringLiteral("window-7")).value_or(true), false);
}

void TestAccountStore::changePasswordAndDeactivate()
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QVERIFY(store);
    QVERIFY(store->createAccount(
        QStringLiteral("zhang"), QStringLiteral("张三"), Role::IntakeClerk, QStringLiteral("window-07")));
    QVERIFY(!store->changePassword(QStringLiteral("zhang"), QStringLiteral("short")));
    QVERIFY(store->changePassword(QStringLiteral("zhang"), QStringLiteral("window-08")));
    QVERIFY(!store->authenticate(QStringLiteral("zhang"), QStringLiteral("window-07")));
    QVERIFY(store->authenticate(QStringLiteral("zhang"), QStringLiteral("window-08")));
    QVERIFY(!store->changePassword(QStringLiteral("nobody"), QStringLiteral("window-08")));

    QVERIFY(store->setActive(QStringLiteral("zhang"), false));
    QVERIFY(!store->authenticate(QStringLiteral("zhang"), QStringLiteral("window-08")));
    QCOMPARE(store->account(QStringLiteral("zhang"))->active, false);
    QVERIFY(store->setActive(QStringLiteral("zhang"), true));
    QVERIFY(store->setRole(QStringLiteral("zhang"), Role::Supervisor));
    QCOMPARE(
        store->authenticate(QStringLiteral("zhang"), QStringLiteral("window-08"))->role, Role::Supervisor);
    QCOMPARE(store->accounts()->size(), 1);
}

void TestAccountStore::sharesDatabaseWithCases()
{
    QTemporaryDir dir;
    {
        Result<std::unique_ptr<cases::CaseStore>> cases = cases::CaseStore::open(dir.path());
        QVERIFY2(cases, cases ? "" : qPrintable(cases.error().message()));
        Result<std::unique_ptr<AccountStore>> accounts
            = AccountStore::open(cases::CaseStore::databasePath(dir.path()));
        QVERIFY2(accounts, accounts ? "" : qPrintable(accounts.error().message()));
        QVERIFY((*accounts)->createFirstAdmin(
            QStringLiteral("admin"), QStringLiteral("王管理"), QStringLiteral("hall-admin-1")));
        QCOMPARE(
            AccountSchema::currentVersion((*cases)->database()).value_or(0), AccountSchema::latestVersion());
        // Each schema keeps its own version: the case schema is untouched by the accounts.
        QCOMPARE(cases::CaseSchema::currentVersion((*cases)->database()).value_or(0),
            cases::CaseSchema::latestVersion());
    }
    // The case store reopens a database that also holds accounts.
    Result<std::unique_ptr<cases::CaseStore>> reopened = cases::CaseStore::open(dir.path());
    QVERIFY2(reopened, reopened ? "" : qPrintable(reopened.error().message()));

    // A database from a newer program is refused, not half-read.
    QVERIFY((*reopened)->database().exec(QStringLiteral(
        "INSERT INTO accounts_schema_version (version, description, applied) VALUES (99, 'future', '')")));
    Result<std::unique_ptr<AccountStore>> newer
        = AccountStore::open(cases::CaseStore::databasePath(dir.path()));
    QVERIFY(!newer);
    QCOMPARE(newer.error().code(), Error::Code::Unsupported);
}

void TestAccountStore::roles()
{
    for (Role role : {Role::IntakeClerk, Role::PickupClerk, Role::Supervisor, Role::Admin}) {
        QCOMPARE(roleFromKey(roleKey(role)), std::optional<Role>(role));
        QVERIFY(!roleLabel(role).isEmpty());
    }
    QCOMPARE(roleFromKey(QStringLiteral("root")), std::nullopt);
    QVERIFY(roleMayTakeIn(Role::IntakeClerk));
    QVERIFY(roleMayTakeIn(Role::Admin));
    QVERIFY(!roleMayTakeIn(Role::PickupClerk));
}

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountStore.moc"
