// The hall's queue over HTTP against a real onewindow-server process: the queue settings file
// (a bad one refused at start with file:line, a good one in force), onewindow-cli queue, tickets
// issued and called with the server killed (SIGKILL) mid-day and restarted — no ticket lost or
// served twice — and 200 tickets over 3 counters, each served exactly once.

#include "ServerTestSupport.h"
#include "core/Clock.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::server;
using namespace ow::server::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;

/// onewindow-server with the arguments a test adds (the queue settings file).
class QueueServer
{
public:
    QueueServer(QString dataDir, QStringList extra)
        : m_dataDir(std::move(dataDir))
        , m_extra(std::move(extra))
    {
    }
    ~QueueServer() { kill(); }

    bool start()
    {
        m_process = std::make_unique<QProcess>();
        m_process->start(QStringLiteral(OW_SERVER_PATH),
            QStringList {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dataDir, u"--lang"_s, u"en"_s}
                + m_extra);
        if (!m_process->waitForStarted(5000))
            return false;
        while (!m_process->canReadLine())
            if (!m_process->waitForReadyRead(10000))
                return false;
        m_port = quint16(QJsonDocument::fromJson(m_process->readLine()).object().value(u"port"_s).toInt());
        return m_port != 0;
    }
    /// Waits for a server that should not start; its exit code and stderr.
    int failedStart(QString *error)
    {
        m_process = std::make_unique<QProcess>();
        m_process->start(QStringLiteral(OW_SERVER_PATH),
            QStringList {u"--listen"_s, u"127.0.0.1:0"_s, u"--data-dir"_s, m_dataDir, u"--lang"_s, u"en"_s}
                + m_extra);
        if (!m_process->waitForFinished(15000))
            return -1;
        *error = QString::fromUtf8(m_process->readAllStandardError());
        return m_process->exitCode();
    }
    /// SIGKILL: nothing is flushed or closed, as when the machine loses power.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }
    QUrl api(const QString &path) const { return QUrl(url() + u"/api/v1/queue/"_s + path); }

private:
    QString m_dataDir;
    QStringList m_extra;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
};

int runCli(const QStringList &arguments, QString *output)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral(OW_CLI_PATH), QStringList {u"--lang"_s, u"en"_s} + arguments);
    if (!cli.waitForFinished(60000))
        return -1;
    *output = QString::fromUtf8(cli.readAll());
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}

} // namespace

class TestQueueLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void badSettingsRefusedAtStart_data();
    void badSettingsRefusedAtStart();
    void settingsAndCli();
    void killedMidDayLosesNothing();
    void twoHundredTicketsOverThreeCounters();
    void threeSmsOnceEachThroughTheServer();

private:
    QString writeSettings(const QByteArray &text);
    /// A workstation token of the hall for `counter`, enrolled over HTTP.
    QString enrol(const QueueServer &server, const QString &counter);
    HttpResult post(
        const QueueServer &server, const QString &token, const QString &path, const QJsonObject &body = {});
    void open(const QueueServer &server, const QString &token, const QString &counter);
    /// Calls next at `counter` and serves what it called; the id called, 0 for nobody.
    qint64 callAndServe(const QueueServer &server, const QString &token, const QString &counter);
    QJsonArray tickets(const QueueServer &server, const QString &token);

    std::unique_ptr<QTemporaryDir> m_dir;
    HttpClient m_http;
};

void TestQueueLoopback::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestQueueLoopback::cleanup()
{
    m_dir.reset();
}

QString TestQueueLoopback::writeSettings(const QByteArray &text)
{
    const QString path = m_dir->filePath(u"queue.ini"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write the queue settings");
    return path;
}

QString TestQueueLoopback::enrol(const QueueServer &server, const QString &counter)
{
    Result<std::unique_ptr<storage::Database>> db
        = ServerSchema::open(u"sqlite:"_s + m_dir->filePath(u"data/server.db"_s));
    if (!db)
        return {};
    const Result<IssuedSecret> code = CredentialStore(**db, Clock()).issueEnrolCode(kHall, counter);
    if (!code)
        return {};
    db->reset();
    const HttpResult enrolled = m_http.call("POST", QUrl(server.url() + u"/api/v1/enrol"_s),
        QJsonDocument(QJsonObject {{u"code"_s, code->secret}, {u"machine"_s, counter}}).toJson());
    return enrolled.json().value(u"token"_s).toString();
}

HttpResult TestQueueLoopback::post(
    const QueueServer &server, const QString &token, const QString &path, const QJsonObject &body)
{
    return m_http.call("POST", server.api(path), QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

void TestQueueLoopback::open(const QueueServer &server, const QString &token, const QString &counter)
{
    const HttpResult opened = post(server, token, u"counters/"_s + counter,
        QJsonObject {{u"state"_s, u"open"_s}, {u"clerk"_s, u"1001"_s}});
    QVERIFY2(opened.status == 200, opened.body.constData());
}

qint64 TestQueueLoopback::callAndServe(
    const QueueServer &server, const QString &token, const QString &counter)
{
    const HttpResult called
        = post(server, token, u"counters/%1/call"_s.arg(counter), QJsonObject {{u"clerk"_s, u"1001"_s}});
    if (called.status != 200)
        qFatal("call failed: %d %s", called.status, called.body.constData());
    const QJsonObject ticket = called.json().value(u"ticket"_s).toObject();
    if (ticket.isEmpty())
        return 0;
    const qint64 id = qint64(ticket.value(u"id"_s).toDouble());
    const HttpResult served
        = post(server, token, u"tickets/%1/serve"_s.arg(id), QJsonObject {{u"counter"_s, counter}});
    if (served.status != 200)
        qFatal("serve failed: %d %s", served.status, served.body.constData());
    return id;
}

QJsonArray TestQueueLoopback::tickets(const QueueServer &server, const QString &token)
{
    return m_http.call("GET", server.api(u"tickets"_s), {}, token).json().value(u"tickets"_s).toArray();
}

void TestQueueLoopback::badSettingsRefusedAtStart_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("says");
    QTest::newRow("value out of range")
        << QByteArray("; the hall's rules\n[queue]\nstealing = true\nmax_calls = 99\n") << 4
        << u"queue/max_calls"_s;
    QTest::newRow("unknown key") << QByteArray("[queue]\nmax_call = 3\n") << 2 << u"max_call"_s;
    QTest::newRow("personal data in an SMS")
        << QByteArray("[queue]\nareas = A, B\nsms_called = 请 {name} 到 {counter} 号窗口\n") << 3
        << u"{name}"_s;
}

void TestQueueLoopback::badSettingsRefusedAtStart()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QString, says);
    const QString path = writeSettings(text);
    QueueServer server(m_dir->filePath(u"data"_s), {u"--queue-settings"_s, path});
    QString error;
    QCOMPARE(server.failedStart(&error), 1);
    QVERIFY2(error.contains(u"%1:%2: "_s.arg(path).arg(line)), qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));

    QueueServer missing(m_dir->filePath(u"data"_s), {u"--queue-settings"_s, path + u".gone"_s});
    QCOMPARE(missing.failedStart(&error), 1);
    QVERIFY2(error.contains(path + u".gone"_s), qPrintable(error));
}

void TestQueueLoopback::settingsAndCli()
{
    const QString path = writeSettings("[queue]\nareas = B, C\nnumber_digits = 4\n");
    QueueServer server(m_dir->filePath(u"data"_s), {u"--queue-settings"_s, path});
    QVERIFY(server.start());
    const QString token = enrol(server, u"W01"_s);
    QVERIFY(!token.isEmpty());
    const QStringList connection {u"--server"_s, server.url(), u"--key"_s, token};

    QString output;
    QCOMPARE(
        runCli(QStringList {u"queue"_s, u"issue"_s, u"--mobile"_s, u"13800138000"_s} + connection, &output),
        0);
    // The file's areas and number width are in force: the first ticket of area B.
    QVERIFY2(output.contains(u"Ticket B0001"_s), qPrintable(output));
    QCOMPARE(
        runCli(QStringList {u"queue"_s, u"issue"_s, u"--green"_s, u"--json"_s} + connection, &output), 0);
    QCOMPARE(QJsonDocument::fromJson(output.toUtf8()).object().value(u"priority"_s).toString(), u"green"_s);

    // A closed counter is refused with the server's reason, exit 1.
    QCOMPARE(
        runCli(QStringList {u"queue"_s, u"call"_s, u"W01"_s, u"--clerk"_s, u"1001"_s} + connection, &output),
        1);
    QVERIFY2(output.contains(u"W01"_s), qPrintable(output));
    open(server, token, u"W01"_s);
    QCOMPARE(
        runCli(QStringList {u"queue"_s, u"call"_s, u"W01"_s, u"--clerk"_s, u"1001"_s} + connection, &output),
        0);
    // 绿色通道 first.
    QVERIFY2(output.contains(u"Counter W01 calls B0002"_s), qPrintable(output));

    QCOMPARE(runCli(QStringList {u"queue"_s, u"list"_s, u"--json"_s} + connection, &output), 0);
    const QJsonArray listed = QJsonDocument::fromJson(output.toUtf8()).object().value(u"tickets"_s).toArray();
    QCOMPARE(listed.size(), 2);
    // The list never carries the mobile number.
    QVERIFY(!output.contains(u"13800138000"_s));
    QCOMPARE(runCli(QStringList {u"queue"_s, u"list"_s} + connection, &output), 0);
    QVERIFY2(output.contains(u"B0001"_s) && output.contains(u"2 ticket(s)"_s), qPrintable(output));
    QCOMPARE(runCli(QStringList {u"queue"_s, u"stats"_s, u"--json"_s} + connection, &output), 0);
    QCOMPARE(QJsonDocument::fromJson(output.toUtf8())
                 .object()
                 .value(u"total"_s)
                 .toObject()
                 .value(u"tickets"_s)
                 .toInt(),
        2);
    QCOMPARE(runCli(QStringList {u"queue"_s, u"stats"_s} + connection, &output), 0);
    QVERIFY2(output.contains(u"W01"_s), qPrintable(output));

    // Usage errors exit 2 before anything is sent.
    QCOMPARE(runCli({u"queue"_s, u"issue"_s}, &output), 2);
    QCOMPARE(runCli(QStringList {u"queue"_s, u"appoint"_s, u"--from"_s, u"2026-03-02T10:00"_s} + connection,
                 &output),
        2);
    QCOMPARE(runCli({u"queue"_s, u"call"_s, u"--help"_s}, &output), 0);
    QVERIFY(output.contains(u"--clerk"_s));
    // A bad key: the server's 401, exit 1.
    QCOMPARE(runCli({u"queue"_s, u"list"_s, u"--server"_s, server.url(), u"--key"_s, u"nope"_s}, &output), 1);
}

void TestQueueLoopback::killedMidDayLosesNothing()
{
    auto server = std::make_unique<QueueServer>(m_dir->filePath(u"data"_s), QStringList());
    QVERIFY(server->start());
    // Each counter calls with its own workstation's key: a key speaks for its own counter only.
    const QString token = enrol(*server, u"W01"_s);
    const QString token2 = enrol(*server, u"W02"_s);
    QVERIFY(!token.isEmpty() && !token2.isEmpty());
    const auto keyOf = [&](const QString &counter) { return counter == u"W02"_s ? token2 : token; };
    open(*server, token, u"W01"_s);
    open(*server, token2, u"W02"_s);
    QCOMPARE(post(*server, token, u"counters/W02/call"_s, QJsonObject {{u"clerk"_s, u"1001"_s}}).status, 403);
    QSet<qint64> issued;
    for (int i = 0; i < 30; ++i) {
        const HttpResult ticket = post(*server, token, u"tickets"_s);
        QCOMPARE(ticket.status, 201);
        issued.insert(qint64(ticket.json().value(u"id"_s).toDouble()));
    }
    QList<qint64> called;
    for (int i = 0; i < 10; ++i)
        called.append(callAndServe(*server, keyOf(i % 2 ? u"W02"_s : u"W01"_s), i % 2 ? u"W02"_s : u"W01"_s));

    server->kill();
    server = std::make_unique<QueueServer>(m_dir->filePath(u"data"_s), QStringList());
    QVERIFY(server->start());
    // Every ticket and the counters' states are still there; the day goes on.
    QCOMPARE(tickets(*server, token).size(), 30);
    for (int i = 0; i < 30; ++i) {
        const HttpResult ticket = post(*server, token, u"tickets"_s);
        QCOMPARE(ticket.status, 201);
        issued.insert(qint64(ticket.json().value(u"id"_s).toDouble()));
    }
    QCOMPARE(issued.size(), 60);
    for (int i = 0;; ++i) {
        const QString here = i % 2 ? u"W02"_s : u"W01"_s;
        const QString other = i % 2 ? u"W01"_s : u"W02"_s;
        const qint64 id = callAndServe(*server, keyOf(here), here);
        if (id == 0 && callAndServe(*server, keyOf(other), other) == 0)
            break;
        if (id != 0)
            called.append(id);
        QVERIFY(i < 200);
    }
    QCOMPARE(called.size(), 60);
    QCOMPARE(QSet<qint64>(called.cbegin(), called.cend()), issued);
    const QJsonArray all = tickets(*server, token);
    QCOMPARE(all.size(), 60);
    for (const QJsonValue &t : all)
        QCOMPARE(t.toObject().value(u"state"_s).toString(), u"done"_s);
}

void TestQueueLoopback::twoHundredTicketsOverThreeCounters()
{
    QueueServer server(m_dir->filePath(u"data"_s), {});
    QVERIFY(server.start());
    const QStringList counters {u"W01"_s, u"W02"_s, u"W03"_s};
    QStringList tokens;
    for (const QString &counter : counters) {
        tokens.append(enrol(server, counter));
        QVERIFY(!tokens.constLast().isEmpty());
        open(server, tokens.constLast(), counter);
    }
    for (int i = 0; i < 200; ++i) {
        QJsonObject body;
        if (i % 7 == 0)
            body.insert(u"priority"_s, u"green"_s);
        const HttpResult ticket = post(server, tokens.at(i % 3), u"tickets"_s, body);
        QCOMPARE(ticket.status, 201);
    }
    QList<qint64> called;
    QHash<QString, int> perCounter;
    int idleRounds = 0;
    for (int round = 0; idleRounds < 1 && round < 200; ++round) {
        int calledThisRound = 0;
        for (int c = 0; c < 3; ++c)
            if (const qint64 id = callAndServe(server, tokens.at(c), counters.at(c)); id != 0) {
                called.append(id);
                ++perCounter[counters.at(c)];
                ++calledThisRound;
            }
        if (calledThisRound == 0)
            ++idleRounds;
    }
    QCOMPARE(called.size(), 200);
    QCOMPARE(QSet<qint64>(called.cbegin(), called.cend()).size(), 200);
    // Each counter served a share; none idled while the others had a line.
    for (const QString &counter : counters)
        QVERIFY2(perCounter.value(counter) >= 60, qPrintable(counter));
    const QJsonArray all = tickets(server, tokens.constFirst());
    QCOMPARE(all.size(), 200);
    for (const QJsonValue &t : all) {
        QCOMPARE(t.toObject().value(u"state"_s).toString(), u"done"_s);
        QCOMPARE(t.toObject().value(u"callCount"_s).toInt(), 1);
    }
}

QTEST_GUILESS_MAIN(TestQueueLoopback)

void TestQueueLoopback::threeSmsOnceEachThroughTheServer()
{
    // The server's own sender with the simulator gateway: ticket taken, one person ahead, called —
    // each once in the log, and nothing again after the server is killed and started anew.
    const QString log = m_dir->filePath(u"sms.log"_s);
    const QStringList sms {u"--sms-gateway"_s, u"simulator"_s, u"--sms-log"_s, log};
    auto server = std::make_unique<QueueServer>(m_dir->filePath(u"data"_s), sms);
    QVERIFY(server->start());
    const QString token = enrol(*server, u"W01"_s);
    QVERIFY(!token.isEmpty());
    const QStringList connection {u"--server"_s, server->url(), u"--key"_s, token};
    QString output;
    QCOMPARE(runCli(QStringList {u"queue"_s, u"issue"_s} + connection, &output), 0);
    QCOMPARE(runCli(QStringList {u"queue"_s, u"issue"_s} + connection, &output), 0);
    QCOMPARE(
        runCli(QStringList {u"queue"_s, u"issue"_s, u"--mobile"_s, u"13800138003"_s} + connection, &output),
        0);
    open(*server, token, u"W01"_s);
    for (int served = 0; served < 3; ++served)
        QVERIFY(callAndServe(*server, token, u"W01"_s) != 0);

    const auto lines = [&] {
        QFile file(log);
        if (!file.open(QIODevice::ReadOnly))
            return QList<QJsonObject>();
        QList<QJsonObject> objects;
        for (const QByteArray &line : file.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                objects.append(QJsonDocument::fromJson(line).object());
        return objects;
    };
    QTRY_COMPARE_WITH_TIMEOUT(lines().size(), 3, 20000);
    QSet<QString> texts;
    for (const QJsonObject &line : lines()) {
        QCOMPARE(line.value(u"mobile"_s).toString(), u"13800138003"_s);
        texts.insert(line.value(u"text"_s).toString());
    }
    QCOMPARE(texts.size(), 3);

    server->kill();
    server = std::make_unique<QueueServer>(m_dir->filePath(u"data"_s), sms);
    QVERIFY(server->start());
    QTest::qWait(5000); // two rounds of the sender
    QCOMPARE(lines().size(), 3);
}

#include "tst_queueLoopback.moc"
