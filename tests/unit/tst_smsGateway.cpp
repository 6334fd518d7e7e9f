// The queue's SMS: the HTTP gateway adapter against a small HTTP server on loopback (template
// filled and JSON-escaped, headers, the provider's id read from its answer, a 500 retried a bounded
// number of times and then failed), and the simulator end to end with the queue repository (each
// message once per ticket, a message left with the gateway at a crash becomes unknown and is never
// sent again). Runs on SQLite, and as tst_smsGateway_postgres on the PostgreSQL of OW_TEST_POSTGRES.

#include "ServerDatabaseSupport.h"
#include "core/ManualClock.h"
#include "server/QueueRepository.h"
#include "server/ServerApp.h"
#include "server/ServerSchema.h"
#include "server/SmsHttpGateway.h"
#include "server/SmsSender.h"
#include "server/SmsSimulatorGateway.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::server;
using namespace ow::queue;
using namespace Qt::StringLiterals;

namespace {

const QString kHall = u"33030201"_s;

/// A provider on loopback: reads one request per connection (head and Content-Length body) and
/// answers `status` with `answer`.
class FakeProvider : public QObject
{
public:
    FakeProvider(int status, QByteArray answer)
        : m_status(status)
        , m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1/send"_s.arg(m_server.serverPort())); }

    struct Request
    {
        QByteArray head;
        QByteArray body;
    };
    QList<Request> requests;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        requests.append({head, buffer.mid(end + 4, length)});
        const QByteArray reason = m_status == 200 ? "OK" : "Error";
        socket->write("HTTP/1.1 " + QByteArray::number(m_status) + ' ' + reason
            + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(m_answer.size()) + "\r\n\r\n" + m_answer);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    int m_status;
    QByteArray m_answer;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// A gateway that keeps every message and never answers: the server stopping mid-send.
class HoldingGateway : public SmsGateway
{
public:
    void send(const SmsMessage &, Done done) override { held.append(std::move(done)); }
    QList<Done> held;
};

} // namespace

class TestSmsGateway : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void bodyTemplateIsJsonEscaped();
    void httpGatewaySendsAndReadsTheId();
    void httpFailureRetriedThenFailed();
    void lostAnswerIsUnknownNeverResent();
    void simulatorSendsEachMessageOnce();
    void crashLeavesUnknownNeverResent();
    void optionsRefuseBadSettings();

private:
    QString state(qint64 ticket, const QString &kind) const;
    /// Sends what is due and waits for every outcome to be recorded.
    int sendRound(SmsSender &sender);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock {QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC), 10};
};

void TestSmsGateway::initTestCase()
{
    if (testing::postgresMissing())
        QSKIP("PostgreSQL tests need OW_TEST_POSTGRES; run them with scripts/with-postgres ctest -R "
              "tst_smsGateway_postgres");
}

void TestSmsGateway::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    Result<std::unique_ptr<storage::Database>> db = testing::freshServerDatabase(*m_dir);
    QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().toString()));
    m_db = std::move(*db);
}

void TestSmsGateway::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

QString TestSmsGateway::state(qint64 ticket, const QString &kind) const
{
    Result<QVariant> value
        = m_db->scalar(u"SELECT state FROM queue_sms WHERE ticket_id = ? AND kind = ?"_s, {ticket, kind});
    return value ? value->toString() : u"(error)"_s;
}

int TestSmsGateway::sendRound(SmsSender &sender)
{
    QSignalSpy recorded(&sender, &SmsSender::recorded);
    Result<int> handed = sender.sendDue();
    if (!handed)
        return -1;
    while (recorded.size() < *handed)
        if (!recorded.wait(10000))
            return -1;
    return *handed;
}

void TestSmsGateway::bodyTemplateIsJsonEscaped()
{
    const SmsMessage message {u"13800000001"_s, u"请 \"A001\" 号\\到 {mobile}\n5 号窗口"_s};
    const QByteArray body
        = SmsHttpGateway::body(u"{\"to\": \"{mobile}\", \"content\": \"{text}\"}"_s, message);
    QJsonParseError error;
    const QJsonObject parsed = QJsonDocument::fromJson(body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(parsed.value("to"_L1).toString(), message.mobile);
    // The text arrives as it is: quotes, backslash, newline, and a placeholder inside it left alone.
    QCOMPARE(parsed.value("content"_L1).toString(), message.text);
    const QList<QPair<QByteArray, QByteArray>> headers
        = SmsHttpGateway::parseHeaders(u"Authorization: Bearer a:b | X-Sign: 42 | broken"_s);
    QCOMPARE(headers.size(), 2);
    QCOMPARE(headers.at(0).first, QByteArray("Authorization"));
    QCOMPARE(headers.at(0).second, QByteArray("Bearer a:b"));
    QCOMPARE(headers.at(1).second, QByteArray("42"));
}

void TestSmsGateway::httpGatewaySendsAndReadsTheId()
{
    FakeProvider provider(200, R"({"code": 0, "result": {"msgid": "M-77"}})");
    SmsHttpGateway::Config config;
    config.url = provider.url();
    config.headers = SmsHttpGateway::parseHeaders(u"Authorization: Bearer secret"_s);
    config.body = u"{\"phone\": \"{mobile}\", \"text\": \"{text}\", \"sign\": \"OW\"}"_s;
    config.idKey = u"result.msgid"_s;
    SmsHttpGateway gateway(config);
    std::optional<SmsOutcome> outcome;
    gateway.send(
        {u"13800000001"_s, u"请 A001 号到 5 号窗口办理。"_s}, [&](const SmsOutcome &o) { outcome = o; });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY2(outcome->sent, qPrintable(outcome->error));
    QCOMPARE(outcome->messageId, u"M-77"_s);
    QCOMPARE(provider.requests.size(), 1);
    QVERIFY(provider.requests.at(0).head.startsWith("POST /send "));
    QVERIFY(provider.requests.at(0).head.contains("Authorization: Bearer secret"));
    const QJsonObject body = QJsonDocument::fromJson(provider.requests.at(0).body).object();
    QCOMPARE(body.value("text"_L1).toString(), u"请 A001 号到 5 号窗口办理。"_s);
    QCOMPARE(body.value("phone"_L1).toString(), u"13800000001"_s);
}

void TestSmsGateway::httpFailureRetriedThenFailed()
{
    FakeProvider provider(500, R"({"error": "busy"})");
    SmsHttpGateway::Config config;
    config.url = provider.url();
    SmsHttpGateway gateway(config);
    QueueRepository queue(*m_db, QueueRules(), m_clock.clock());
    Ticket request;
    request.area = u"A"_s;
    request.mobile = u"13800000001"_s;
    Result<Ticket> issued = queue.issue(kHall, request);
    QVERIFY(issued);
    m_db->finishStatements();
    SmsSender sender(*m_db, gateway, m_clock.clock(), 2);
    for (int attempt = 1; attempt <= 3; ++attempt) {
        QCOMPARE(sendRound(sender), 1);
        QCOMPARE(provider.requests.size(), attempt);
        QCOMPARE(state(issued->id, u"issued"_s), attempt < 3 ? u"pending"_s : u"failed"_s);
        // Not due again before its back-off has passed.
        QCOMPARE(sendRound(sender), 0);
        m_clock.advance(SmsSender::kRetryAfterMs * attempt);
    }
    QCOMPARE(sendRound(sender), 0);
    QCOMPARE(provider.requests.size(), 3);
    Result<QVariant> reason
        = m_db->scalar(u"SELECT last_error FROM queue_sms WHERE ticket_id = ?"_s, {issued->id});
    QVERIFY2(reason->toString().contains("500"_L1), qPrintable(reason->toString()));
    Result<QVariant> attempts
        = m_db->scalar(u"SELECT attempts FROM queue_sms WHERE ticket_id = ?"_s, {issued->id});
    QCOMPARE(attempts->toInt(), 3);
}

void TestSmsGateway::lostAnswerIsUnknownNeverResent()
{
    // A provider that takes the request and never answers: the gateway's timeout ends the exchange.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    SmsHttpGateway::Config config;
    config.url = QUrl(u"http://127.0.0.1:%1/send"_s.arg(silent.serverPort()));
    config.timeoutMs = 300;
    SmsHttpGateway gateway(config);
    QueueRepository queue(*m_db, QueueRules(), m_clock.clock());
    Ticket request;
    request.area = u"A"_s;
    request.mobile = u"13800000001"_s;
    Result<Ticket> issued = queue.issue(kHall, request);
    QVERIFY(issued);
    m_db->finishStatements();
    SmsSender sender(*m_db, gateway, m_clock.clock(), 3);
    QCOMPARE(sendRound(sender), 1);
    QCOMPARE(held.size(), 1);
    // Retries are left, yet it is not sent again: the phone may already have it.
    QCOMPARE(state(issued->id, u"issued"_s), u"unknown"_s);
    m_clock.advance(24 * 3600 * 1000);
    QCOMPARE(sendRound(sender), 0);
    QCOMPARE(held.size(), 1);
}

void TestSmsGateway::simulatorSendsEachMessageOnce()
{
    QueueRules rules;
    rules.recallAfterMinutes = 0;
    QueueRepository queue(*m_db, rules, m_clock.clock());
    QVERIFY(queue.setCounter(kHall, u"W05"_s, CounterState::Open, u"1001"_s, {}, {}));
    QList<qint64> ids;
    for (int i = 1; i <= 4; ++i) {
        Ticket request;
        request.area = u"A"_s;
        request.mobile = u"1380000000%1"_s.arg(i);
        Result<Ticket> issued = queue.issue(kHall, request);
        QVERIFY(issued);
        ids.append(issued->id);
    }
    const QString logPath = m_dir->filePath(u"sms.log"_s);
    SmsSimulatorGateway gateway(logPath, m_clock.clock());
    SmsSender sender(*m_db, gateway, m_clock.clock(), 3);
    // four "issued", and "next" for A001 and A002: first and second in the line from the start
    QCOMPARE(sendRound(sender), 6);
    // Calls, recalls and a ticket served: the called and next messages once each.
    for (int call = 0; call < 2; ++call) {
        Result<QueueRepository::Called> called = queue.callNext(kHall, u"W05"_s, u"1001"_s);
        QVERIFY(called && called->ticket);
        QVERIFY(queue.act(kHall, called->ticket->id, QueueRepository::Action::Recall, u"W05"_s));
        QVERIFY(queue.act(kHall, called->ticket->id, QueueRepository::Action::Serve, u"W05"_s));
        m_db->finishStatements();
        QVERIFY(sendRound(sender) >= 1);
    }
    QCOMPARE(sendRound(sender), 0);
    Result<QVariant> rows = m_db->scalar(u"SELECT COUNT(*) FROM queue_sms"_s);
    Result<QVariant> sent = m_db->scalar(u"SELECT COUNT(*) FROM queue_sms WHERE state = 'sent' AND "
                                         "message_id LIKE 'sim-%'"_s);
    QCOMPARE(sent->toInt(), rows->toInt());
    QCOMPARE(state(ids.at(0), u"called"_s), u"sent"_s);
    QCOMPARE(state(ids.at(1), u"called"_s), u"sent"_s);
    QCOMPARE(state(ids.at(2), u"next"_s), u"sent"_s);
    QFile log(logPath);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QSet<QString> texts;
    QSet<QString> messageIds;
    int lines = 0;
    while (!log.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(log.readLine()).object();
        ++lines;
        texts.insert(line.value("mobile"_L1).toString() + line.value("text"_L1).toString());
        messageIds.insert(line.value("id"_L1).toString());
    }
    // One line per row: no message went out twice, none was lost.
    QCOMPARE(lines, rows->toInt());
    QCOMPARE(int(texts.size()), lines);
    QCOMPARE(int(messageIds.size()), lines);
    QVERIFY(texts.contains(u"13800000001请 A001 号到 5 号窗口办理。"_s));
}

void TestSmsGateway::crashLeavesUnknownNeverResent()
{
    QueueRepository queue(*m_db, QueueRules(), m_clock.clock());
    Ticket request;
    request.area = u"A"_s;
    request.mobile = u"13800000001"_s;
    Result<Ticket> issued = queue.issue(kHall, request);
    QVERIFY(issued);
    m_db->finishStatements();
    HoldingGateway holding;
    auto crashed = std::make_unique<SmsSender>(*m_db, holding, m_clock.clock(), 3);
    QCOMPARE(crashed->sendDue().value_or(-1), 1);
    QCOMPARE(state(issued->id, u"issued"_s), u"sending"_s);
    crashed.reset(); // the server went away with the message at the gateway

    const QString logPath = m_dir->filePath(u"sms.log"_s);
    SmsSimulatorGateway gateway(logPath, m_clock.clock());
    SmsSender restarted(*m_db, gateway, m_clock.clock(), 3);
    QCOMPARE(restarted.recover().value_or(-1), 1);
    QCOMPARE(state(issued->id, u"issued"_s), u"unknown"_s);
    m_clock.advance(24 * 60 * 60 * 1000);
    QCOMPARE(sendRound(restarted), 0);
    QVERIFY(!QFile::exists(logPath));
    // The late answer of the gateway that had it finds no sender and changes nothing.
    holding.held.constFirst()(SmsOutcome {true, u"late"_s, {}});
    QCOMPARE(state(issued->id, u"issued"_s), u"unknown"_s);
}

void TestSmsGateway::optionsRefuseBadSettings()
{
    bool help = false;
    const QStringList base {u"onewindow-server"_s, u"--data-dir"_s, m_dir->path()};
    Result<ServerOptions> plain = ServerOptions::parse(base, &help);
    QVERIFY(plain);
    QCOMPARE(plain->smsGateway, u"off"_s);
    QCOMPARE(plain->smsLog, m_dir->path() + u"/sms.log"_s);
    QVERIFY(!ServerOptions::parse(base + QStringList {u"--sms-gateway"_s, u"carrier-pigeon"_s}, &help));
    Result<ServerOptions> noUrl
        = ServerOptions::parse(base + QStringList {u"--sms-gateway"_s, u"http"_s}, &help);
    QVERIFY(!noUrl);
    QVERIFY(noUrl.error().message().contains("--sms-url"_L1));
    QVERIFY(!ServerOptions::parse(base + QStringList {u"--sms-retries"_s, u"11"_s}, &help));
    Result<ServerOptions> http = ServerOptions::parse(base
            + QStringList {u"--sms-gateway"_s, u"http"_s, u"--sms-url"_s, u"https://sms.example/send"_s,
                u"--sms-retries"_s, u"0"_s, u"--sms-id-key"_s, u"data.id"_s},
        &help);
    QVERIFY2(http, http ? "" : qPrintable(http.error().message()));
    QCOMPARE(http->smsRetries, 0);
    QCOMPARE(http->smsIdKey, u"data.id"_s);
}

QTEST_GUILESS_MAIN(TestSmsGateway)
#include "tst_smsGateway.moc"
