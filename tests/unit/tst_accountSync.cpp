// Hall-wide accounts end to end, against the real onewindow-server: a clerk added on the server
// reaches a second enrolled workstation by `account pull` or with its enrolment, logs in there while
// the server is down (the cached hash), and after being disabled on the server is refused at that
// counter from the next pull on; clerks' and administrators' own password changes at a counter. On
// SQLite, and as tst_accountSync_postgres on the PostgreSQL of OW_TEST_POSTGRES (the server's side).

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
#include "sync/OwnPasswordChange.h"
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
    void initTestCase();
    void init();
    void addedOnServerLogsInOfflineThenDisabled();
    void enrolmentBringsTheHallsClerks();
    void ownPasswordGoesToTheServerAtOnce();
    void administratorPasswordOnlyOnline();
    void refusedChangeIsDroppedNotRetried();
    void backgroundSyncCarriesAccountsAndPasswords();
    void resetOnServerWinsOverPasswordChangedOffline();
    void administratorChangesOnServer();

private:
    static constexpr auto kHall = "33030201";
    static bool onPostgres() { return qEnvironmentVariable("OW_SERVER_TEST_BACKEND") == "postgresql"_L1; }
    /// The server's database: SQLite in `serverDir`, or the PostgreSQL of the test run.
    static QString databaseSpec(const QString &serverDir)
    {
        return onPostgres() ? qEnvironmentVariable("OW_TEST_POSTGRES")
                            : u"sqlite:"_s + QDir(serverDir).filePath(u"server.db"_s);
    }
    /// How `onewindow-cli account` reaches that database.
    static QStringList serverOptions(const QString &serverDir)
    {
        QStringList options;
        if (onPostgres())
            options << u"--database"_s << databaseSpec(serverDir);
        else
            options << u"--server-data-dir"_s << serverDir;
        return options;
    }
    /// A fresh server in `serverDir` (the same database after a restart).
    static std::unique_ptr<ServerProcess> startServer(const QString &serverDir)
    {
        auto server = std::make_unique<ServerProcess>(
            QStringLiteral(OW_SERVER_PATH), serverDir, onPostgres() ? databaseSpec(serverDir) : QString());
        return server->start() ? std::move(server) : nullptr;
    }
    static std::unique_ptr<server::HallAccountRepository> serverAccounts(
        const QString &serverDir, std::unique_ptr<storage::Database> *db)
    {
        auto opened = server::ServerSchema::open(databaseSpec(serverDir));
        if (!opened)
            return nullptr;
        *db = std::move(*opened);
        return std::make_unique<server::HallAccountRepository>(**db, Clock());
    }
    /// Enrols the counter in `counterDir` as `counter` of the hall.
    bool enrol(const ServerProcess &server, const QString &serverDir, const QString &counterDir,
        const QString &counter)
    {
        auto db = server::ServerSchema::open(databaseSpec(serverDir));
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

void TestAccountSync::initTestCase()
{
    if (onPostgres() && qEnvironmentVariableIsEmpty("OW_TEST_POSTGRES"))
        QSKIP("PostgreSQL tests need OW_TEST_POSTGRES; run them with scripts/with-postgres ctest -R "
              "tst_accountSync_postgres");
}

void TestAccountSync::init()
{
    if (!onPostgres())
        return;
    // Every test starts from an empty server database, as each SQLite one does in its own folder.
    auto db = server::ServerSchema::open(databaseSpec(QString()));
    QVERIFY2(db, db ? "" : qPrintable(db.error().toString()));
    QVERIFY((*db)->exec(
        u"DROP TABLE IF EXISTS "_s + server::ServerSchema::tables().join(u", "_s) + u" CASCADE"_s));
}

void TestAccountSync::addedOnServerLogsInOfflineThenDisabled()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counterDir = dir.filePath(u"counter"_s);
    auto server = startServer(serverDir);
    QVERIFY(server);

    // Enrol the second counter of the hall.
    QString code;
    {
        auto db = server::ServerSchema::open(databaseSpec(serverDir));
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
    QCOMPARE(cli(QStringList {u"account"_s, u"add"_s, u"1001"_s, u"--name"_s, u"张三"_s, u"--roles"_s,
                     u"intake"_s, u"--password-stdin"_s, u"--hall"_s, u"33030201"_s}
                     + serverOptions(serverDir),
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
    QCOMPARE(cli(QStringList {u"account"_s, u"disable"_s, u"1001"_s, u"--hall"_s, u"33030201"_s}
                 + serverOptions(serverDir)),
        0);
    server = startServer(serverDir);
    QVERIFY(server);
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

    // The server is away: the change is refused with a clear message, and nothing changes.
    server->kill();
    Result<QJsonObject> offline = sync::AccountSync::sendChange(
        client, u"9000"_s, u"hall-admin-1"_s, {{u"action"_s, u"disable"_s}, {u"staffNumber"_s, u"1003"_s}});
    QVERIFY(!offline);
    QVERIFY(offline.error().message().contains(u"cannot be reached"_s));
    QVERIFY(hall->account(QString::fromLatin1(kHall), u"1003"_s)->active);
}

void TestAccountSync::enrolmentBringsTheHallsClerks()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counterDir = dir.filePath(u"counter"_s);
    auto server = startServer(serverDir);
    QVERIFY(server);
    // The hall administrator adds a clerk on the server; a new counter is enrolled afterwards.
    QCOMPARE(cli(QStringList {u"account"_s, u"add"_s, u"1001"_s, u"--name"_s, u"张三"_s, u"--roles"_s,
                     u"intake"_s, u"--password-stdin"_s, u"--hall"_s, QString::fromLatin1(kHall)}
                     + serverOptions(serverDir),
                 u"clerk-pass-1\n"_s),
        0);
    QVERIFY(enrol(*server, serverDir, counterDir, u"W08"_s));

    // No pull, no sync round: the server goes down, and the clerk logs in at the new counter.
    server->kill();
    auto store = counterAccounts(counterDir);
    QVERIFY(store);
    QVERIFY(!*store->isEmpty());
    Result<accounts::Account> in = store->authenticate(u"1001"_s, u"clerk-pass-1"_s);
    QVERIFY2(in, in ? "" : qPrintable(in.error().message()));
    QVERIFY(in->mustChangePassword);

    // The forced change with the server down: a clerk's waits for the next round.
    auto cases = cases::CaseStore::open(counterDir);
    QVERIFY(cases);
    const sync::SyncSettings settings = *sync::SyncSettings::read(**cases);
    sync::SyncClient client(QUrl(settings.server), settings.token);
    client.setTimeout(3000);
    Result<sync::OwnPasswordChange::Outcome> changed
        = sync::OwnPasswordChange::run(*store, client, u"1001"_s, u"clerk-pass-1"_s, u"own-pass-22"_s);
    QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message()));
    QCOMPARE(*changed, sync::OwnPasswordChange::Outcome::Waiting);
    QCOMPARE(store->pendingPasswordChanges()->size(), 1);
    QVERIFY(store->authenticate(u"1001"_s, u"own-pass-22"_s));
}

void TestAccountSync::ownPasswordGoesToTheServerAtOnce()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counterA = dir.filePath(u"a"_s);
    const QString counterB = dir.filePath(u"b"_s);
    auto server = startServer(serverDir);
    QVERIFY(server);
    std::unique_ptr<storage::Database> db;
    auto hall = serverAccounts(serverDir, &db);
    QVERIFY(hall);
    QVERIFY(hall->add(QString::fromLatin1(kHall), u"test"_s, u"1001"_s, u"张三"_s, u"intake"_s,
        accounts::PasswordHash::create(u"start-pass-1"_s)));
    QVERIFY(enrol(*server, serverDir, counterA, u"W07"_s));
    QVERIFY(enrol(*server, serverDir, counterB, u"W08"_s));

    auto store = counterAccounts(counterA);
    QVERIFY(store->authenticate(u"1001"_s, u"start-pass-1"_s)->mustChangePassword);
    auto cases = cases::CaseStore::open(counterA);
    QVERIFY(cases);
    const sync::SyncSettings settings = *sync::SyncSettings::read(**cases);
    sync::SyncClient client(QUrl(settings.server), settings.token);
    Result<sync::OwnPasswordChange::Outcome> changed
        = sync::OwnPasswordChange::run(*store, client, u"1001"_s, u"start-pass-1"_s, u"own-pass-22"_s);
    QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message()));
    QCOMPARE(*changed, sync::OwnPasswordChange::Outcome::Taken);
    // The server has it now, not at the next round; nothing waits at the counter.
    Result<server::HallAccount> onServer = hall->account(QString::fromLatin1(kHall), u"1001"_s);
    QVERIFY(accounts::PasswordHash::verify(u"own-pass-22"_s, onServer->passwordHash));
    QVERIFY(!onServer->mustChangePassword);
    QCOMPARE(hall->audit(QString::fromLatin1(kHall))->constLast().actor, u"1001@W07"_s);
    QVERIFY(store->pendingPasswordChanges()->isEmpty());
    Result<accounts::Account> in = store->authenticate(u"1001"_s, u"own-pass-22"_s);
    QVERIFY(in);
    QVERIFY(!in->mustChangePassword);

    // Counter B still holds the hash the change replaced: the server refuses a change from it, and
    // nothing changes at B until its round brings the clerk's new password.
    auto storeB = counterAccounts(counterB);
    auto casesB = cases::CaseStore::open(counterB);
    QVERIFY(casesB);
    const sync::SyncSettings settingsB = *sync::SyncSettings::read(**casesB);
    sync::SyncClient clientB(QUrl(settingsB.server), settingsB.token);
    Result<sync::OwnPasswordChange::Outcome> stale
        = sync::OwnPasswordChange::run(*storeB, clientB, u"1001"_s, u"start-pass-1"_s, u"other-pass-33"_s);
    QVERIFY(!stale);
    QVERIFY2(
        stale.error().message().contains(u"refused the new password"_s), qPrintable(stale.error().message()));
    QCOMPARE(clientB.lastFailure().status, 409);
    QVERIFY(storeB->pendingPasswordChanges()->isEmpty());
    QVERIFY(storeB->authenticate(u"1001"_s, u"start-pass-1"_s));
    QVERIFY(accounts::PasswordHash::verify(
        u"own-pass-22"_s, hall->account(QString::fromLatin1(kHall), u"1001"_s)->passwordHash));
    QVERIFY(round(counterB));
    QVERIFY(storeB->authenticate(u"1001"_s, u"own-pass-22"_s));
}

void TestAccountSync::administratorPasswordOnlyOnline()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counter = dir.filePath(u"a"_s);
    auto server = startServer(serverDir);
    QVERIFY(server);
    // `account add` on the server: the administrator must replace the initial password.
    QCOMPARE(cli(QStringList {u"account"_s, u"add"_s, u"9000"_s, u"--name"_s, u"王芳"_s, u"--roles"_s,
                     u"admin"_s, u"--password-stdin"_s, u"--hall"_s, QString::fromLatin1(kHall)}
                     + serverOptions(serverDir),
                 u"initial-pass-1\n"_s),
        0);
    QVERIFY(enrol(*server, serverDir, counter, u"W07"_s));
    auto store = counterAccounts(counter);
    QVERIFY(store->authenticate(u"9000"_s, u"initial-pass-1"_s)->mustChangePassword);

    // With the server away the change is refused, plainly, and nothing changes at the counter.
    server->kill();
    auto cases = cases::CaseStore::open(counter);
    QVERIFY(cases);
    const sync::SyncSettings settings = *sync::SyncSettings::read(**cases);
    {
        sync::SyncClient client(QUrl(settings.server), settings.token);
        client.setTimeout(3000);
        Result<sync::OwnPasswordChange::Outcome> offline
            = sync::OwnPasswordChange::run(*store, client, u"9000"_s, u"initial-pass-1"_s, u"new-admin-22"_s);
        QVERIFY(!offline);
        QVERIFY2(offline.error().message().contains(u"only while the hall's server is reachable"_s),
            qPrintable(offline.error().message()));
    }
    QVERIFY(store->pendingPasswordChanges()->isEmpty());
    QVERIFY(!store->authenticate(u"9000"_s, u"new-admin-22"_s));
    QVERIFY(store->authenticate(u"9000"_s, u"initial-pass-1"_s)->mustChangePassword);

    server = startServer(serverDir);
    QVERIFY(server);
    QVERIFY(repoint(counter, *server));
    sync::SyncClient client(server->url(QString()), settings.token);
    std::unique_ptr<storage::Database> db;
    auto hall = serverAccounts(serverDir, &db);
    QVERIFY(hall);
    // The server checks the old password of an administrator: a wrong one changes nothing.
    Result<sync::OwnPasswordChange::Outcome> wrong
        = sync::OwnPasswordChange::run(*store, client, u"9000"_s, u"not-the-pass-9"_s, u"new-admin-22"_s);
    QVERIFY(!wrong);
    QCOMPARE(client.lastFailure().status, 403);
    QVERIFY(accounts::PasswordHash::verify(
        u"initial-pass-1"_s, hall->account(QString::fromLatin1(kHall), u"9000"_s)->passwordHash));

    Result<sync::OwnPasswordChange::Outcome> taken
        = sync::OwnPasswordChange::run(*store, client, u"9000"_s, u"initial-pass-1"_s, u"new-admin-22"_s);
    QVERIFY2(taken, taken ? "" : qPrintable(taken.error().message()));
    QCOMPARE(*taken, sync::OwnPasswordChange::Outcome::Taken);
    Result<server::HallAccount> onServer = hall->account(QString::fromLatin1(kHall), u"9000"_s);
    QVERIFY(accounts::PasswordHash::verify(u"new-admin-22"_s, onServer->passwordHash));
    QVERIFY(!onServer->mustChangePassword);
    Result<accounts::Account> in = store->authenticate(u"9000"_s, u"new-admin-22"_s);
    QVERIFY(in);
    QVERIFY(!in->mustChangePassword);
    // The administrator's new password works for changes of the hall's accounts at once.
    QVERIFY(sync::AccountSync::sendChange(client, u"9000"_s, u"new-admin-22"_s,
        {{u"action"_s, u"rename"_s}, {u"staffNumber"_s, u"9000"_s}, {u"name"_s, u"王芳芳"_s}}));
}

void TestAccountSync::refusedChangeIsDroppedNotRetried()
{
    QTemporaryDir dir;
    const QString serverDir = dir.filePath(u"server"_s);
    const QString counter = dir.filePath(u"a"_s);
    auto server = startServer(serverDir);
    QVERIFY(server);
    std::unique_ptr<storage::Database> db;
    auto hall = serverAccounts(serverDir, &db);
    QVERIFY(hall->add(QString::fromLatin1(kHall), u"cli"_s, u"9000"_s, u"王芳"_s, u"admin"_s,
        accounts::PasswordHash::create(u"hall-admin-1"_s)));
    QVERIFY(enrol(*server, serverDir, counter, u"W07"_s));

    // An administrator's change kept at the counter (written by an older version, or a clerk made
    // administrator on the server while the change waited): the server refuses it for good.
    auto store = counterAccounts(counter);
    QVERIFY(store->changePassword(u"9000"_s, u"new-admin-22"_s));
    QCOMPARE(store->pendingPasswordChanges()->size(), 1);
    Result<sync::RoundReport> next = round(counter);
    QVERIFY2(next, next ? "" : qPrintable(next.error().message()));
    QCOMPARE(next->passwordsSent, 0);
    QCOMPARE(next->passwordsRefused, 1);
    QVERIFY(store->pendingPasswordChanges()->isEmpty());
    QVERIFY(accounts::PasswordHash::verify(
        u"hall-admin-1"_s, hall->account(QString::fromLatin1(kHall), u"9000"_s)->passwordHash));
    // Audited at the counter and shown in the sync's status.
    bool audited = false;
    const Result<QList<cases::AuditEntry>> trail = store->auditLog().entries();
    QVERIFY(trail);
    for (const cases::AuditEntry &entry : *trail)
        audited = audited || (entry.action == u"account.password_refused"_s && entry.target == u"9000"_s);
    QVERIFY(audited);
    const QStringList warnings = sync::AccountSync::warnings(*store);
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.constFirst().contains(u"9000"_s));
    // The counter agrees with the server again, and a try with the refused password says why.
    Result<accounts::Account> refused = store->authenticate(u"9000"_s, u"new-admin-22"_s);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(u"not taken by the hall's server"_s),
        qPrintable(refused.error().message()));
    QVERIFY(store->authenticate(u"9000"_s, u"hall-admin-1"_s));
    QVERIFY(sync::AccountSync::warnings(*store).isEmpty());

    // Nothing is sent again: no endless refusals.
    next = round(counter);
    QVERIFY(next);
    QCOMPARE(next->passwordsRefused, 0);
    QCOMPARE(next->passwordsSent, 0);
}

QTEST_GUILESS_MAIN(TestAccountSync)
#include "tst_accountSync.moc"
