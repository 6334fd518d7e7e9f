// onewindow-cli account on a standalone workstation's data folder: adding clerks with a generated or
// piped password (never from the command line), listing, disabling, enabling, roles, password resets,
// and that what the tool wrote is what the workstation's login then sees.

#include "accounts/AccountStore.h"
#include "accounts/PasswordHash.h"
#include "cases/CaseStore.h"
#include "cli/AccountCommand.h"
#include "cli/CliApplication.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cli;
using namespace Qt::StringLiterals;

class TestAccountCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addWithGeneratedPassword();
    void addWithPasswordFromStdin();
    void disableEnableRolesReset();
    void refusesBadInput();
    void generatedPasswordsFollowRules();
    void serverAccounts();

private:
    struct Outcome
    {
        int code = 0;
        QString out;
        QString err;
    };
    Outcome run(const QStringList &arguments, const QString &input = QString())
    {
        Outcome outcome;
        Console console(&outcome.out, &outcome.err);
        QString text = input;
        QTextStream in(&text);
        outcome.code = AccountCommand(console, &in).run(arguments);
        return outcome;
    }
    std::unique_ptr<accounts::AccountStore> openStore(const QTemporaryDir &dir)
    {
        auto store = accounts::AccountStore::open(cases::CaseStore::databasePath(dir.path()));
        return store ? std::move(*store) : nullptr;
    }
};

void TestAccountCommand::addWithGeneratedPassword()
{
    QTemporaryDir dir;
    Outcome added = run({u"add"_s, u"1001"_s, u"--name"_s, u"张三"_s, u"--roles"_s, u"intake,pickup"_s,
        u"--data-dir"_s, dir.path()});
    QCOMPARE(added.code, 0);
    const QRegularExpressionMatch match = QRegularExpression(u": ([a-z0-9]{12})\\n"_s).match(added.out);
    QVERIFY2(match.hasMatch(), qPrintable(added.out));
    auto store = openStore(dir);
    Result<accounts::Account> in = store->authenticate(u"1001"_s, match.captured(1));
    QVERIFY(in);
    QVERIFY(in->mustChangePassword);
    QCOMPARE(in->roles, (QList<accounts::Role> {accounts::Role::IntakeClerk, accounts::Role::PickupClerk}));
    // The audit row names the tool as the clerk who made the change.
    const QList<cases::AuditEntry> entries = store->auditLog().entries().value();
    QCOMPARE(entries.constFirst().action, u"account.created"_s);
    QCOMPARE(entries.constFirst().clerk, u"onewindow-cli"_s);
    QCOMPARE(entries.constFirst().target, u"1001"_s);
}

void TestAccountCommand::addWithPasswordFromStdin()
{
    QTemporaryDir dir;
    Outcome added = run({u"add"_s, u"1002"_s, u"--name"_s, u"李四"_s, u"--roles"_s, u"supervisor"_s,
                            u"--password-stdin"_s, u"--data-dir"_s, dir.path()},
        u"piped-pass-7\n"_s);
    QCOMPARE(added.code, 0);
    QVERIFY(!added.out.contains(u"piped-pass-7"_s));
    QVERIFY(openStore(dir)->authenticate(u"1002"_s, u"piped-pass-7"_s));
    // No line on standard input is a usage error, not an empty password.
    Outcome none = run({u"add"_s, u"1003"_s, u"--name"_s, u"王五"_s, u"--roles"_s, u"intake"_s,
        u"--password-stdin"_s, u"--data-dir"_s, dir.path()});
    QCOMPARE(none.code, 2);
}

void TestAccountCommand::disableEnableRolesReset()
{
    QTemporaryDir dir;
    QCOMPARE(run({u"add"_s, u"1004"_s, u"--name"_s, u"赵六"_s, u"--roles"_s, u"intake"_s,
                     u"--password-stdin"_s, u"--data-dir"_s, dir.path()},
                 u"first-pass-1\n"_s)
                 .code,
        0);
    QCOMPARE(run({u"disable"_s, u"1004"_s, u"--data-dir"_s, dir.path()}).code, 0);
    QVERIFY(!openStore(dir)->authenticate(u"1004"_s, u"first-pass-1"_s));
    Outcome listed = run({u"list"_s, u"--json"_s, u"--data-dir"_s, dir.path()});
    const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0)[u"staffNumber"_s].toString(), u"1004"_s);
    QCOMPARE(rows.at(0)[u"enabled"_s].toBool(), false);
    QCOMPARE(run({u"enable"_s, u"1004"_s, u"--data-dir"_s, dir.path()}).code, 0);
    QCOMPARE(run({u"roles"_s, u"1004"_s, u"admin,intake"_s, u"--data-dir"_s, dir.path()}).code, 0);
    QCOMPARE(openStore(dir)->account(u"1004"_s)->role, accounts::Role::Admin);
    QCOMPARE(run({u"rename"_s, u"1004"_s, u"赵陆"_s, u"--data-dir"_s, dir.path()}).code, 0);
    Outcome reset = run({u"reset-password"_s, u"1004"_s, u"--password-stdin"_s, u"--data-dir"_s, dir.path()},
        u"reset-pass-2\n"_s);
    QCOMPARE(reset.code, 0);
    Result<accounts::Account> in = openStore(dir)->authenticate(u"1004"_s, u"reset-pass-2"_s);
    QVERIFY(in);
    QCOMPARE(in->displayName, u"赵陆"_s);
    QVERIFY(in->mustChangePassword);
    QVERIFY(run({u"list"_s, u"--data-dir"_s, dir.path()}).out.contains(u"1004"_s));
}

void TestAccountCommand::refusesBadInput()
{
    QTemporaryDir dir;
    QCOMPARE(run({u"add"_s, u"1005"_s, u"--name"_s, u"钱七"_s, u"--roles"_s, u"cook"_s, u"--data-dir"_s,
                     dir.path()})
                 .code,
        2);
    QCOMPARE(run({u"add"_s, u"1005"_s, u"--roles"_s, u"intake"_s, u"--data-dir"_s, dir.path()}).code, 2);
    // An all-digit password is refused by the rules, not stored.
    QCOMPARE(run({u"add"_s, u"1005"_s, u"--name"_s, u"钱七"_s, u"--roles"_s, u"intake"_s,
                     u"--password-stdin"_s, u"--data-dir"_s, dir.path()},
                 u"12345678\n"_s)
                 .code,
        1);
    QCOMPARE(run({u"disable"_s, u"nobody"_s, u"--data-dir"_s, dir.path()}).code, 1);
    QCOMPARE(run({u"roles"_s, u"1005"_s, u"chef"_s, u"--data-dir"_s, dir.path()}).code, 2);
    // The command is reachable from the top level too.
    QString out;
    QString err;
    Console console(&out, &err);
    QCOMPARE(CliApplication().run(
                 {u"onewindow-cli"_s, u"account"_s, u"list"_s, u"--data-dir"_s, dir.path()}, console),
        0);
    QVERIFY(CliApplication::usage().contains(u"account add"_s));
}

void TestAccountCommand::generatedPasswordsFollowRules()
{
    QSet<QString> seen;
    for (int i = 0; i < 50; ++i) {
        const QString password = accounts::AccountStore::generatePassword();
        QVERIFY(accounts::AccountStore::checkPassword(password));
        seen.insert(password);
    }
    QCOMPARE(seen.size(), 50);
}

void TestAccountCommand::serverAccounts()
{
    // Against the server's data folder: the hall's accounts, with the hash made here.
    QTemporaryDir dir;
    Outcome added
        = run({u"add"_s, u"1001"_s, u"--name"_s, u"张三"_s, u"--roles"_s, u"intake"_s, u"--password-stdin"_s,
                  u"--server-data-dir"_s, dir.path(), u"--hall"_s, u"33030201"_s},
            u"piped-pass-7\n"_s);
    QCOMPARE(added.code, 0);
    QCOMPARE(run({u"list"_s, u"--server-data-dir"_s, dir.path()}).code, 1); // no --hall
    QCOMPARE(
        run({u"disable"_s, u"1001"_s, u"--server-data-dir"_s, dir.path(), u"--hall"_s, u"33030201"_s}).code,
        0);
    QCOMPARE(
        run({u"unlock"_s, u"1001"_s, u"--server-data-dir"_s, dir.path(), u"--hall"_s, u"33030201"_s}).code,
        1);
    Outcome listed
        = run({u"list"_s, u"--json"_s, u"--server-data-dir"_s, dir.path(), u"--hall"_s, u"33030201"_s});
    QCOMPARE(QJsonDocument::fromJson(listed.out.toUtf8()).array().at(0)[u"enabled"_s].toBool(), false);
    auto db = server::ServerSchema::open(u"sqlite:"_s + dir.filePath(u"server.db"_s));
    QVERIFY(db);
    server::HallAccountRepository repo(**db, Clock());
    Result<server::HallAccount> account = repo.account(u"33030201"_s, u"1001"_s);
    QVERIFY(account);
    QVERIFY(accounts::PasswordHash::verify(u"piped-pass-7"_s, account->passwordHash));
    QCOMPARE(repo.audit(u"33030201"_s)->constFirst().actor, u"onewindow-cli"_s);
}

QTEST_GUILESS_MAIN(TestAccountCommand)
#include "tst_accountCommand.moc"
