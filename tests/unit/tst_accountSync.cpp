// Hall-wide accounts end to end, against the real onewindow-server: a clerk added on the server
// reaches a second enrolled workstation by `account pull`, logs in there while the server is down
// (the cached hash), and after being disabled on the server is refused at that counter from the
// next pull on.

#include "ServerTestSupport.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordHash.h"
#include "cases/CaseStore.h"
#include "cli/AccountCommand.h"
#include "cli/CliApplication.h"
#include "server/CredentialStore.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "sync/AccountSync.h"
#include "sync/SyncRound.h"
#include "sync/SyncSettings.h"
#include "sync/SyncWorker.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace Qt::StringLiterals;
using ow::server::testing::ServerProcess;

class TestAccountSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addedOnServerLogsInOfflineThenDisabled();
    void backgroundSyncCarriesAccountsAndPasswords();
    void resetOnServerWinsOverPasswordChangedOffline();
    void administratorChangesOnServer();

private:
    static constexpr auto kHall = "33030201";
    /// A fresh server in `serverDir` (the same database after a restart).
    static std::unique_ptr<ServerProcess> startServer(const QString &serverDir)
    {
        auto server = std::make_unique<ServerProcess>(QStringLiteral(OW_SERVER_PATH), serverDir, QString());
        return server->start() ? std::move(server) : nullptr;
    }
    static std::unique_ptr<server::HallAccountRepository> serverAccounts(
        const QString &serverDir, std::unique_ptr<storage::Database> *db)
    {
        auto opened = server::ServerSchema::open(u"sqlite:"_s + QDir(serverDir).filePath(u"server.db"_s));
        if (!opened)
            return nullptr;
        *db = std::move(*opened);
        return std::make_unique<server::HallAccountRepository>(**db, Clock());
    }
    /// Enrols the counter in `counterDir` as `counter` of the hall.
    bool enrol(const ServerProcess &server, const QString &serverDir, const QString &counterDir,
        const QString &counter)
    {
        auto db = server::ServerSchema::open(u"sqlite:"_s + QDir(serverDir).filePath(u"server.db"_s));
        if (!db)
            return false;
        server::CredentialStore credentials(**db, Clock());
        Result<server::IssuedSecret> issued = credentials.issueEnrolCode(QString::fromLatin1(kHall), counter);
        if (!issued)
            return false;
        return cli({u"sync"_s, u"enrol"_s, u"--data-dir"_s, counterDir, u"--server"_s,
                   server.url(QString()).toString(), u"--code"_s, issued->secret})
            == 0;
    }
    /// Points an enrolled counter at a restarted server (which may listen on another port).
    static bool repoint(const QString &counterDir, const ServerProcess &server)
    {
        auto cases = cases::CaseStore::open(counterDir);
        return cases && (*cases)->setSyncValues({{u"server"_s, server.url(QString()).toString()}});
    }
    /// One background-sync round of the counter, as the sync worker runs it.
    static Result<sync::RoundReport> round(const QString &counterDir)
    {
        auto cases = cases::CaseStore::open(counterDir, {}, cases::CaseStore::OpenMode::MustExist);
        if (!cases)
            return failWith(cases.error());
        Result<sync::SyncSettings> settings = sync::SyncSettings::read(**cases);
        if (!settings)
            return failWith(settings.error());
        sync::SyncClient client(QUrl(settings->server), settings->token);
        client.setTimeout(5000);
        return sync::SyncRound(**cases, client).run();
    }
    static std::unique_ptr<accounts::AccountStore> counterAccounts(const QString &counterDir)
    {
        auto store = accounts::AccountStore::open(cases::CaseStore::databasePath(counterDir));
        return store ? std::move(*store) : nullptr;
    }

    int cli(const QStringList &arguments, const QString &input = QString())
    {
        QString out;
        QString err;
        cli::Console console(&out, &err);
        int code = 0;
        if (input.isEmpty()) {
            code = cli::CliApplication().run(QStringList {u"onewindow-cli"_s} + arguments, console);
        } else {
            QString text = input;
            QTextStream in(&text);
            code = cli::AccountCommand(console, &in).run(arguments.mid(1));
        }
        if (code != 0)
            qWarning("%s%s", qPrintable(out), qPrintable(err));
        return code;
    }
};

void TestAccountSync::addedOnServerLogsInOfflineThenDisabled()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counterDir = dir.filePath(u"counter"_s);
    auto server = std::make_unique<ServerProcess>(QStringLiteral(OW_SERVER_PATH), serverDir, QString());
    QVERIFY2(server->start(), qPrintable(server->startError()));

    // Enrol the second counter of the hall.
    QString code;
    {
        auto db = server::ServerSchema::open(u"sqlite:"_s + QDir(serverDir).filePath(u"server.db"_s));
        QVERIFY(db);
        server::CredentialStore credentials(**db, Clock());
        Result<server::IssuedSecret> issued = credentials.issueEnrolCode(u"33030201"_s, u"W08"_s);
        QVERIFY(issued);
        code = issued->secret;
    }
    QCOMPARE(cli({u"sync"_s, u"enrol"_s, u"--data-dir"_s, counterDir, u"--server"_s,
                 server->url(QString()).toString(), u"--code"_s, code}),
        0);

    // The hall administrator adds a clerk on the server; the counter pulls the hall's accounts.
    QCOMPARE(cli({u"account"_s, u"add"_s, u"1001"_s, u"--name"_s, u"张三"_s, u"--roles"_s, u"intake"_s,
                     u"--password-stdin"_s, u"--server-data-dir"_s, serverDir, u"--hall"_s, u"33030201"_s},
                 u"clerk-pass-1\n"_s),
        0);
    QCOMPARE(cli({u"account"_s, u"pull"_s, u"--data-dir"_s, counterDir}), 0);

    // The server goes away; the clerk still logs in at this counter with the cached hash.
    server->kill();
    {
        auto store = accounts::AccountStore::open(cases::CaseStore::databasePath(counterDir));
        QVERIFY(store);
        Result<accounts::Account> in = (*store)->authenticate(u"1001"_s, u"clerk-pass-1"_s);
        QVERIFY2(in, in ? "" : qPrintable(in.error().message()));
        QVERIFY(in->mustChangePassword);
    }
    // Offline, a pull fails and changes nothing.
    QVERIFY(cli({u"account"_s, u"pull"_s, u"--data-dir"_s, counterDir}) != 0);

    // Disabled on the server while the counter was offline: refused after the next pull.
    QCOMPARE(cli({u"account"_s, u"disable"_s, u"1001"_s, u"--server-data-dir"_s, serverDir, u"--hall"_s,
                 u"33030201"_s}),
        0);
    server = std::make_unique<ServerProcess>(QStringLiteral(OW_SERVER_PATH), serverDir, QString());
    QVERIFY2(server->start(), qPrintable(server->startError()));
    // The enrolment recorded the first server's port; the restarted one may listen elsewhere.
    {
        auto cases = cases::CaseStore::open(counterDir);
        QVERIFY(cases);
        QVERIFY((*cases)->setSyncValues({{u"server"_s, server->url(QString()).toString()}}));
    }
    QCOMPARE(cli({u"account"_s, u"pull"_s, u"--data-dir"_s, counterDir}), 0);
    auto store = accounts::AccountStore::open(cases::CaseStore::databasePath(counterDir));
    QVERIFY(store);
    QVERIFY(!(*store)->authenticate(u"1001"_s, u"clerk-pass-1"_s));
    QVERIFY(!(*store)->account(u"1001"_s)->active);
}

void TestAccountSync::backgroundSyncCarriesAccountsAndPasswords()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counterA = dir.filePath(u"a"_s);
    const QString counterB = dir.filePath(u"b"_s);
    auto server = startServer(serverDir);
    QVERIFY(server);
    QVERIFY(enrol(*server, serverDir, counterA, u"W07"_s));
    QVERIFY(enrol(*server, serverDir, counterB, u"W08"_s));
    std::unique_ptr<storage::Database> db;
    auto hall = serverAccounts(serverDir, &db);
    QVERIFY(hall);
    QVERIFY(hall->add(QString::fromLatin1(kHall), u"test"_s, u"1001"_s, u"张三"_s, u"intake"_s,
        accounts::PasswordHash::create(u"start-pass-1"_s)));

    // The sync worker's round brings the clerk to counter A, and says so.
    {
        sync::SyncWorker worker(counterA);
        QSignalSpy changed(&worker, &sync::SyncWorker::accountsChanged);
        QSignalSpy rounds(&worker, &sync::SyncWorker::roundFinished);
        worker.start();
        QTRY_VERIFY_WITH_TIMEOUT(rounds.count() >= 1, 20000);
        worker.stop();
        QVERIFY2(rounds.first().at(0).toBool(), qPrintable(rounds.first().at(1).toString()));
        QCOMPARE(changed.count(), 1);
    }
    // The server goes down. The clerk logs in at A with the cached hash and replaces the
    // administrator's password there: it waits for the server.
    server->kill();
    {
        auto store = counterAccounts(counterA);
        QVERIFY(store);
        Result<accounts::Account> in = store->authenticate(u"1001"_s, u"start-pass-1"_s);
        QVERIFY2(in, in ? "" : qPrintable(in.error().message()));
        QVERIFY(in->mustChangePassword);
        QVERIFY(store->changePassword(u"1001"_s, u"own-pass-22"_s));
        QCOMPARE(store->pendingPasswordChanges()->size(), 1);
        QVERIFY(store->authenticate(u"1001"_s, u"own-pass-22"_s));
    }
    QVERIFY(!round(counterA)); // offline: the round fails, the change keeps waiting
    QCOMPARE(counterAccounts(counterA)->pendingPasswordChanges()->size(), 1);

    // Meanwhile the administrator disables another clerk on the server…
    QVERIFY(hall->add(QString::fromLatin1(kHall), u"test"_s, u"1002"_s, u"李四"_s, u"intake"_s,
        accounts::PasswordHash::create(u"start-pass-2"_s)));
    server = startServer(serverDir);
    QVERIFY(server);
    QVERIFY(repoint(counterB, *server));
    QVERIFY(round(counterB));
    QVERIFY(counterAccounts(counterB)->authenticate(u"1002"_s, u"start-pass-2"_s));
    QVERIFY(hall->setActive(QString::fromLatin1(kHall), u"test"_s, u"1002"_s, false));
    server->kill();
    // …and counter B, offline, still lets that clerk in until it syncs again.
    QVERIFY(counterAccounts(counterB)->authenticate(u"1002"_s, u"start-pass-2"_s));

    // The server is back: A's round sends the new password; the server holds its hash only.
    server = startServer(serverDir);
    QVERIFY(server);
    QVERIFY(repoint(counterA, *server));
    QVERIFY(repoint(counterB, *server));
    Result<sync::RoundReport> sent = round(counterA);
    QVERIFY2(sent, sent ? "" : qPrintable(sent.error().message()));
    QCOMPARE(sent->passwordsSent, 1);
    QVERIFY(counterAccounts(counterA)->pendingPasswordChanges()->isEmpty());
    Result<server::HallAccount> onServer = hall->account(QString::fromLatin1(kHall), u"1001"_s);
    QVERIFY(onServer);
    QVERIFY(accounts::PasswordHash::verify(u"own-pass-22"_s, onServer->passwordHash));
    QVERIFY(!onServer->mustChangePassword);
    const auto audit = hall->audit(QString::fromLatin1(kHall));
    QVERIFY(audit);
    QCOMPARE(audit->constLast().action, u"account.password_changed"_s);
    QCOMPARE(audit->constLast().actor, u"1001@W07"_s);

    // Counter B's next round: the clerk's own password works there, and the disabled clerk is
    // refused there although B was offline when it happened.
    QVERIFY(round(counterB));
    auto storeB = counterAccounts(counterB);
    Result<accounts::Account> inB = storeB->authenticate(u"1001"_s, u"own-pass-22"_s);
    QVERIFY2(inB, inB ? "" : qPrintable(inB.error().message()));
    QVERIFY(!inB->mustChangePassword);
    QVERIFY(!storeB->authenticate(u"1001"_s, u"start-pass-1"_s));
    QVERIFY(!storeB->authenticate(u"1002"_s, u"start-pass-2"_s));
    QVERIFY(!storeB->account(u"1002"_s)->active);
}

void TestAccountSync::resetOnServerWinsOverPasswordChangedOffline()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counter = dir.filePath(u"a"_s);
    auto server = startServer(serverDir);
    QVERIFY(server);
    QVERIFY(enrol(*server, serverDir, counter, u"W07"_s));
    std::unique_ptr<storage::Database> db;
    auto hall = serverAccounts(serverDir, &db);
    QVERIFY(hall->add(QString::fromLatin1(kHall), u"test"_s, u"1001"_s, u"张三"_s, u"intake"_s,
        accounts::PasswordHash::create(u"start-pass-1"_s)));
    QVERIFY(round(counter));
    server->kill();
    QVERIFY(counterAccounts(counter)->changePassword(u"1001"_s, u"own-pass-22"_s));
    // The administrator resets the password on the server while the counter is offline.
    QVERIFY(hall->resetPassword(
        QString::fromLatin1(kHall), u"test"_s, u"1001"_s, accounts::PasswordHash::create(u"reset-pass-3"_s)));
    server = startServer(serverDir);
    QVERIFY(server);
    QVERIFY(repoint(counter, *server));
    QVERIFY(round(counter));
    // The reset is the newer word: the counter's change is dropped (and audited), the reset
    // password works and must be replaced.
    auto store = counterAccounts(counter);
    QVERIFY(store->pendingPasswordChanges()->isEmpty());
    QVERIFY(!store->authenticate(u"1001"_s, u"own-pass-22"_s));
    Result<accounts::Account> in = store->authenticate(u"1001"_s, u"reset-pass-3"_s);
    QVERIFY(in);
    QVERIFY(in->mustChangePassword);
    QVERIFY(accounts::PasswordHash::verify(
        u"reset-pass-3"_s, hall->account(QString::fromLatin1(kHall), u"1001"_s)->passwordHash));
}

void TestAccountSync::administratorChangesOnServer()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counter = dir.filePath(u"a"_s);
    auto server = startServer(serverDir);
    QVERIFY(server);
    QVERIFY(enrol(*server, serverDir, counter, u"W07"_s));
    std::unique_ptr<storage::Database> db;
    auto hall = serverAccounts(serverDir, &db);
    QVERIFY(hall->add(QString::fromLatin1(kHall), u"cli"_s, u"9000"_s, u"王芳"_s, u"admin"_s,
        accounts::PasswordHash::create(u"hall-admin-1"_s)));
    QVERIFY(round(counter));
    auto cases = cases::CaseStore::open(counter);
    QVERIFY(cases);
    const sync::SyncSettings settings = *sync::SyncSettings::read(**cases);
    sync::SyncClient client(QUrl(settings.server), settings.token);
    const QJsonObject add {{u"action"_s, u"add"_s}, {u"staffNumber"_s, u"1003"_s}, {u"name"_s, u"赵敏"_s},
        {u"roles"_s, u"intake,pickup"_s},
        {u"passwordHash"_s, accounts::PasswordHash::create(u"start-pass-3"_s)}};

    // A wrong administrator password changes nothing.
    QVERIFY(!sync::AccountSync::sendChange(client, u"9000"_s, u"not-the-pass1"_s, add));
    QCOMPARE(client.lastFailure().status, 403);
    QVERIFY(!hall->account(QString::fromLatin1(kHall), u"1003"_s));

    Result<QJsonObject> added = sync::AccountSync::sendChange(client, u"9000"_s, u"hall-admin-1"_s, add);
    QVERIFY2(added, added ? "" : qPrintable(added.error().message()));
    QVERIFY(hall->account(QString::fromLatin1(kHall), u"1003"_s));
    QCOMPARE(hall->audit(QString::fromLatin1(kHall))->constLast().actor, u"9000@W07"_s);
    auto store = counterAccounts(counter);
    QVERIFY(store->applyHallAccount(*added));
    QVERIFY(store->authenticate(u"1003"_s, u"start-pass-3"_s));

    // The administrator's own password changed at the counter is not taken without the old one:
    // it waits, and the server keeps the old hash.
    QVERIFY(store->changePassword(u"9000"_s, u"new-admin-22"_s));
    Result<sync::RoundReport> next = round(counter);
    QVERIFY(next);
    QCOMPARE(next->passwordsSent, 0);
    QCOMPARE(store->pendingPasswordChanges()->size(), 1);
    QVERIFY(accounts::PasswordHash::verify(
        u"hall-admin-1"_s, hall->account(QString::fromLatin1(kHall), u"9000"_s)->passwordHash));

    // The server is away: the change is refused with a clear message, and nothing changes.
    server->kill();
    Result<QJsonObject> offline = sync::AccountSync::sendChange(
        client, u"9000"_s, u"hall-admin-1"_s, {{u"action"_s, u"disable"_s}, {u"staffNumber"_s, u"1003"_s}});
    QVERIFY(!offline);
    QVERIFY(offline.error().message().contains(u"cannot be reached"_s));
    QVERIFY(hall->account(QString::fromLatin1(kHall), u"1003"_s)->active);
}

QTEST_GUILESS_MAIN(TestAccountSync)
#include "tst_accountSync.moc"
