// onewindow-server against the faults of a bad day: a damaged or emptied database file, PostgreSQL
// restarted under the running server, a log reader that stops reading. The PostgreSQL test runs
// when OW_TEST_POSTGRES and OW_TEST_POSTGRES_CTL are set (scripts/with-postgres sets both).

#include "CaseTestSupport.h"
#include "ServerTestSupport.h"
#include "cases/CaseStore.h"
#include "cli/CliApplication.h"
#include "server/CaseRepository.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"

#include <QFile>
#include <QJsonArray>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <unistd.h>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;

namespace {

const QString kHall = QStringLiteral("33030201");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments)
{
    Run run;
    cli::Console console(&run.out, &run.err);
    run.exitCode
        = cli::CliApplication().run(QStringList {QStringLiteral("onewindow-cli")} + arguments, console);
    return run;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// Overwrites with zeros the database page holding `marker`: a damaged page in the middle of a table.
bool zeroPageHolding(const QString &path, const QByteArray &marker)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const QByteArray data = file.readAll();
    const int rawSize = (quint8(data.at(16)) << 8) | quint8(data.at(17));
    const qint64 pageSize = rawSize == 1 ? 65536 : rawSize;
    const qsizetype at = data.indexOf(marker);
    if (at < 0 || pageSize < 512)
        return false;
    const qint64 page = at / pageSize;
    if (page == 0)
        return false;
    file.seek(page * pageSize);
    return file.write(QByteArray(pageSize, '\0')) == pageSize;
}

Case snapshotOf(const QString &number, const QDateTime &time)
{
    Case c = ow::cases::testing::draft();
    c.number = number;
    c.qrToken = QrToken::generate();
    c.departmentId = QStringLiteral("wj");
    c.hall = number.left(8);
    c.counter = QStringLiteral("W07");
    c.firstHandler = QStringLiteral("clerk-042");
    c.created = time;
    c.updated = time;
    c.promisedDeadline = time.date().addDays(10);
    return c;
}

QStringList eventIds(const QJsonArray &changes)
{
    QStringList ids;
    for (const QJsonValue &change : changes)
        ids.append(change.toObject()
                       .value(QStringLiteral("event"))
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toString());
    return ids;
}

} // namespace

class TestServerResilience : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readErrorIsNeverTheEndOfTheRows();
    void damagedDatabaseIsRefusedAtStartAndByCheck();
    void emptyDatabaseFilesAreRefused();
    void damagedCounterStoreIsRefusedAtStartAndByTheCli();
    void postgresqlRestartedUnderARunningServer();
    void stalledLogReaderDoesNotStopTheServer();

private:
    /// A server database with one case and `count` events of about 2 KiB each, one to a page.
    QString serverDatabaseWithEvents(QTemporaryDir &dir, int count);
};

QString TestServerResilience::serverDatabaseWithEvents(QTemporaryDir &dir, int count)
{
    const QString path = dir.filePath(QStringLiteral("server.db"));
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(QStringLiteral("sqlite:") + path);
    if (!db || !ServerSchema::migrate(**db))
        return {};
    const QString number = caseNumber(1);
    const QString now = CaseJson::timeText(QDateTime::currentDateTimeUtc());
    if (!(*db)->run(
            QStringLiteral("INSERT INTO cases (number, hall, department, qr_token, state, snapshot,"
                           " snapshot_time, created, updated) VALUES (?, ?, 'wj', ?, 'draft', '{}', ?,"
                           " ?, ?)"),
            {number, kHall, QrToken::generate(), now, now, now}))
        return {};
    for (int i = 1; i <= count; ++i) {
        const QByteArray body = QJsonDocument(
            QJsonObject {{QStringLiteral("id"), QStringLiteral("EVT-%1").arg(i, 3, 10, QLatin1Char('0'))},
                {QStringLiteral("padding"), QString(2000, QLatin1Char('x'))}})
                                    .toJson(QJsonDocument::Compact);
        if (!(*db)->run(
                QStringLiteral("INSERT INTO events (event_id, case_number, hall, kind, time, origin,"
                               " state_after, received, body) VALUES (?, ?, ?, 'note', ?, 'W07', 'draft',"
                               " ?, ?)"),
                {QStringLiteral("EVT-%1").arg(i, 3, 10, QLatin1Char('0')), number, kHall, now, now,
                    QString::fromUtf8(body)}))
            return {};
    }
    return path;
}

void TestServerResilience::readErrorIsNeverTheEndOfTheRows()
{
    QTemporaryDir dir;
    const QString path = serverDatabaseWithEvents(dir, 160);
    QVERIFY(!path.isEmpty());
    {
        Result<std::unique_ptr<storage::Database>> db = storage::Database::openSqlite(path);
        QVERIFY(db);
        Result<QJsonObject> page = CaseRepository(**db, Clock()).changes(kHall, 0, 500);
        QVERIFY(page);
        QCOMPARE(page->value(QStringLiteral("changes")).toArray().size(), 160);
    }
    QVERIFY(zeroPageHolding(path, "{\"id\":\"EVT-100\""));
    // Opened without the start-up check: the read fails at row 100, and that is an error, not a
    // page of 99 changes saying there are no more.
    storage::Database::Options unchecked;
    unchecked.checkIntegrity = false;
    Result<std::unique_ptr<storage::Database>> db = storage::Database::openSqlite(path, unchecked);
    QVERIFY(db);
    Result<QJsonObject> page = CaseRepository(**db, Clock()).changes(kHall, 0, 500);
    QVERIFY2(!page,
        page ? qPrintable(QStringLiteral("%1 changes, more: %2")
                              .arg(page->value(QStringLiteral("changes")).toArray().size())
                              .arg(page->value(QStringLiteral("more")).toBool()))
             : "");
    QCOMPARE(page.error().code(), Error::Code::Io);
}

void TestServerResilience::damagedDatabaseIsRefusedAtStartAndByCheck()
{
    QTemporaryDir dir;
    const QString path = serverDatabaseWithEvents(dir, 60);
    QVERIFY(!path.isEmpty());
    const QString spec = QStringLiteral("sqlite:") + path;
    const Run sound
        = runCli({QStringLiteral("server"), QStringLiteral("check"), QStringLiteral("--database"), spec});
    QCOMPARE(sound.exitCode, 0);
    QVERIFY2(sound.out.contains(QStringLiteral("sound")), qPrintable(sound.out));

    QVERIFY(zeroPageHolding(path, "{\"id\":\"EVT-030\""));
    Result<std::unique_ptr<storage::Database>> refused = ServerSchema::open(spec);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(QStringLiteral("damaged"))
            && refused.error().message().contains(QStringLiteral("backup")),
        qPrintable(refused.error().message()));

    const Run damaged = runCli({QStringLiteral("server"), QStringLiteral("check"),
        QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--json")});
    QCOMPARE(damaged.exitCode, 1);
    const QJsonObject report = QJsonDocument::fromJson(damaged.out.toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("sound")).toBool(true), false);
    QVERIFY(!report.value(QStringLiteral("problems")).toArray().isEmpty());

    // The server itself does not start on it.
    ServerProcess server(QStringLiteral(OW_SERVER_PATH), dir.path(), spec);
    QVERIFY(!server.start());
    QVERIFY2(server.startError().contains(QStringLiteral("damaged")), qPrintable(server.startError()));

    // A missing file is an answer of check, not a new database.
    const QString missing = dir.filePath(QStringLiteral("none.db"));
    QCOMPARE(runCli({QStringLiteral("server"), QStringLiteral("check"), QStringLiteral("--database"),
                        QStringLiteral("sqlite:") + missing})
                 .exitCode,
        2);
    QVERIFY(!QFile::exists(missing));
}

void TestServerResilience::emptyDatabaseFilesAreRefused()
{
    QTemporaryDir dir;
    // The server's: a truncated file is not started as a new, empty server.
    const QString serverDb = dir.filePath(QStringLiteral("server/server.db"));
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("server"))));
    {
        QFile file(serverDb);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    Result<std::unique_ptr<storage::Database>> server
        = ServerSchema::open(QStringLiteral("sqlite:") + serverDb);
    QVERIFY(!server);
    QVERIFY2(
        server.error().message().contains(QStringLiteral("empty")), qPrintable(server.error().message()));
    QCOMPARE(QFileInfo(serverDb).size(), 0);

    // The counter's: not a new, unenrolled counter whose unsent events are gone.
    const QString counterDir = dir.filePath(QStringLiteral("counter"));
    QVERIFY(QDir().mkpath(counterDir));
    {
        QFile file(CaseStore::databasePath(counterDir));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    Result<std::unique_ptr<CaseStore>> store = CaseStore::open(counterDir);
    QVERIFY(!store);
    QVERIFY2(store.error().message().contains(QStringLiteral("empty")), qPrintable(store.error().message()));
    QCOMPARE(QFileInfo(CaseStore::databasePath(counterDir)).size(), 0);

    // Something that is not a database at all.
    {
        QFile file(CaseStore::databasePath(counterDir));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray("these are not the pages of a database\n").repeated(200));
    }
    store = CaseStore::open(counterDir);
    QVERIFY(!store);
    QVERIFY2(
        store.error().message().contains(QStringLiteral("damaged")), qPrintable(store.error().message()));
}

void TestServerResilience::damagedCounterStoreIsRefusedAtStartAndByTheCli()
{
    QTemporaryDir dir;
    const QString counterDir = dir.filePath(QStringLiteral("counter"));
    const QString marker = QStringLiteral("damaged-page-marker-") + QString(40, QLatin1Char('m'));
    {
        Result<std::unique_ptr<CaseStore>> store
            = CaseStore::open(counterDir, ow::cases::testing::workstation());
        QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().toString()));
        // Enough cases that the marked one is on a page of its own, not the file's first.
        for (int i = 0; i < 40; ++i) {
            Case draft = ow::cases::testing::draft();
            if (i == 20)
                draft.matterName = marker;
            QVERIFY((*store)->createDraft(draft, QStringLiteral("clerk-042")).has_value());
        }
    }
    const QString path = CaseStore::databasePath(counterDir);
    QVERIFY(zeroPageHolding(path, marker.toUtf8()));

    // The workstation and the sync open the store through CaseStore::open: refused, naming the file
    // and where to read how to recover.
    Result<std::unique_ptr<CaseStore>> store = CaseStore::open(counterDir);
    QVERIFY(!store);
    const QString message = store.error().message();
    QVERIFY2(message.contains(QStringLiteral("damaged")) && message.contains(QDir::toNativeSeparators(path))
            && message.contains(QStringLiteral("Recovery"))
            && message.contains(QStringLiteral("deployment.md")),
        qPrintable(message));
    // So do the commands that open it.
    for (const QStringList &command : {QStringList {QStringLiteral("case"), QStringLiteral("list")},
             QStringList {QStringLiteral("sync"), QStringLiteral("status")}}) {
        const Run run = runCli(command + QStringList {QStringLiteral("--data-dir"), counterDir});
        QVERIFY2(run.exitCode != 0, qPrintable(command.join(u' ')));
        QVERIFY2(
            run.err.contains(QDir::toNativeSeparators(path)) && run.err.contains(QStringLiteral("Recovery")),
            qPrintable(command.join(u' ') + QStringLiteral(": ") + run.err + run.out));
    }
}

void TestServerResilience::postgresqlRestartedUnderARunningServer()
{
    const QString postgres = qEnvironmentVariable("OW_TEST_POSTGRES");
    const QString pgctl = qEnvironmentVariable("OW_TEST_POSTGRES_CTL");
    if (postgres.isEmpty() || pgctl.isEmpty())
        QSKIP("Needs OW_TEST_POSTGRES and OW_TEST_POSTGRES_CTL (scripts/with-postgres)");
    {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(postgres);
        QVERIFY(db);
        QVERIFY((*db)->exec(QStringLiteral("DROP SCHEMA public CASCADE")));
        QVERIFY((*db)->exec(QStringLiteral("CREATE SCHEMA public")));
    }
    QTemporaryDir dir;
    ServerProcess server(QStringLiteral(OW_SERVER_PATH), dir.path(), postgres);
    QVERIFY2(server.start(), qPrintable(server.startError()));
    HttpClient http;
    IssuedSecret code;
    {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(postgres);
        QVERIFY(db);
        Result<IssuedSecret> issued
            = CredentialStore(**db, Clock()).issueEnrolCode(kHall, QStringLiteral("W07"));
        QVERIFY(issued);
        code = *issued;
    }
    const QString token = http.call("POST", server.url(QStringLiteral("/api/v1/enrol")),
                                  QJsonDocument(QJsonObject {{QStringLiteral("code"), code.secret},
                                                    {QStringLiteral("machine"), QStringLiteral("pc")}})
                                      .toJson())
                              .json()
                              .value(QStringLiteral("token"))
                              .toString();
    QVERIFY(!token.isEmpty());
    const QUrl events = server.url(QStringLiteral("/api/v1/events"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto newCase = [&](int serial) {
        const QString number = caseNumber(serial);
        Case c = snapshotOf(number, now);
        return outboxEntry(&c, number, EventKind::Created, now, CaseState::Draft);
    };
    const QJsonObject first = newCase(1);
    QCOMPARE(http.call("POST", events, batch({first}), token).status, 200);

    QCOMPARE(
        QProcess::execute(pgctl, {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("fast")}), 0);
    // Told at once and plainly: 503, "database unavailable"; the client retries a 5xx.
    const HttpResult down = http.call("GET", server.url(QStringLiteral("/api/v1/health")));
    QCOMPARE(down.status, 503);
    QCOMPARE(down.json().value(QStringLiteral("status")).toString(), QStringLiteral("database unavailable"));
    QVERIFY(!down.retryAfter.isEmpty());
    const QJsonObject second = newCase(2);
    const HttpResult refused = http.call("POST", events, batch({second}), token);
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.errorCode(), QStringLiteral("unavailable"));

    QCOMPARE(QProcess::execute(pgctl, {QStringLiteral("start"), QStringLiteral("-w")}), 0);
    // The server reconnects by itself (its back-off is at most 10 s); no restart of the server.
    int status = 0;
    for (int attempt = 0; attempt < 150 && status != 200; ++attempt) {
        status = http.call("GET", server.url(QStringLiteral("/api/v1/health"))).status;
        if (status != 200)
            QTest::qWait(100);
    }
    QCOMPARE(status, 200);
    QCOMPARE(http.call("POST", events, batch({second}), token).status, 200);
    const HttpResult changes = http.call("GET", server.url(QStringLiteral("/api/v1/changes")), {}, token);
    QCOMPARE(changes.status, 200);
    const QStringList ids = eventIds(changes.json().value(QStringLiteral("changes")).toArray());
    QCOMPARE(ids,
        (QStringList {first.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toString(),
            second.value(QStringLiteral("event")).toObject().value(QStringLiteral("id")).toString()}));
}

void TestServerResilience::stalledLogReaderDoesNotStopTheServer()
{
    QTemporaryDir dir;
    int fds[2] = {-1, -1};
    QVERIFY(::pipe(fds) == 0);
    const quint16 port = freePort();
    QVERIFY(port != 0);
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    // The server's standard output is a pipe this test never reads: its buffer fills after a few
    // hundred log lines, as when a log collector hangs.
    const int writeEnd = fds[1];
    process.setChildProcessModifier([writeEnd] { ::dup2(writeEnd, 1); });
    process.start(QStringLiteral(OW_SERVER_PATH),
        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--data-dir"),
            dir.path()});
    QVERIFY(process.waitForStarted(5000));
    ::close(fds[1]);
    const auto cleanup = qScopeGuard([&] {
        process.kill();
        process.waitForFinished(5000);
        ::close(fds[0]);
    });
    HttpClient http;
    const QUrl health(QStringLiteral("http://127.0.0.1:%1/api/v1/health").arg(port));
    int status = 0;
    for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
        status = http.call("GET", health).status;
        if (status != 200)
            QTest::qWait(100);
    }
    QCOMPARE(status, 200);
    // About 400 KB of log lines, six times what the pipe holds: every request is still answered.
    for (int i = 0; i < 3000; ++i) {
        const int answered = http.call("GET", health).status;
        if (answered != 200)
            QFAIL(qPrintable(QStringLiteral("request %1 was answered %2").arg(i).arg(answered)));
    }
    QCOMPARE(http.call("GET", health).status, 200);
    // What reached the pipe starts with the first line, whole.
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    char buffer[4096];
    const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
    QVERIFY(got > 0);
    QVERIFY(QByteArray(buffer, int(got)).startsWith("{\"address\":\"127.0.0.1\",\"database\""));
}

QTEST_GUILESS_MAIN(TestServerResilience)
#include "tst_serverResilience.moc"
