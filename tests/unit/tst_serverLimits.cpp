// onewindow-server against hostile clients: bodies bounded while they are read (chunked too) and
// refused before any of them is read without a credential, idle connections closed, connections
// capped per address, enrolment and failed credentials rate-limited, and the headers every answer
// carries. Spoken to over raw sockets, so the test controls every byte and when it is sent.

#include "CaseTestSupport.h"
#include "ServerTestSupport.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::server;
using namespace ow::server::testing;

namespace {

/// One answer as read off the socket.
struct RawAnswer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool closed = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith(QByteArray(name.toLower() + ":")))
                return line.mid(name.size() + 1).trimmed();
        return {};
    }
};

/// Reads one answer (head and Content-Length body); waits at most `timeoutMs` for each piece.
RawAnswer readAnswer(QTcpSocket &socket, int timeoutMs = 20000)
{
    RawAnswer answer;
    QByteArray data;
    while (!data.contains("\r\n\r\n")) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(timeoutMs))
            return answer;
        data += socket.readAll();
    }
    const qsizetype end = data.indexOf("\r\n\r\n");
    answer.head = data.left(end);
    answer.status = answer.head.mid(9, 3).toInt();
    const qint64 length = answer.header("Content-Length").toLongLong();
    answer.body = data.mid(end + 4);
    while (answer.body.size() < length) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(timeoutMs))
            break;
        answer.body += socket.readAll();
    }
    return answer;
}

} // namespace

class TestServerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void chunkedBodyIsRefusedOnceOverItsLimit();
    void bodyWithoutCredentialIsRefusedBeforeItIsRead();
    void ambiguousHeadsAreRefused();
    void idleConnectionIsClosed();
    void connectionsAreCappedPerAddress();
    void enrolmentIsRateLimited();
    void failedCredentialsAreRateLimited();
    void everyAnswerForbidsCachingAndSniffing();
    void damagedScanIsNotServed();

private:
    void startServer(const QStringList &extra = {});
    QString enrolWorkstation();
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    bool connectTo(QTcpSocket &socket, const QHostAddress &from = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    HttpClient m_http;
};

void TestServerLimits::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestServerLimits::cleanup()
{
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
    m_dir.reset();
}

void TestServerLimits::startServer(const QStringList &extra)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(QStringLiteral(OW_SERVER_PATH),
        QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"),
            m_dir->path(), QStringLiteral("--lang"), QStringLiteral("en")}
            + extra);
    QVERIFY(m_process->waitForStarted(5000));
    while (!m_process->canReadLine())
        QVERIFY2(m_process->waitForReadyRead(10000), m_process->readAllStandardError().constData());
    m_port = quint16(
        QJsonDocument::fromJson(m_process->readLine()).object().value(QStringLiteral("port")).toInt());
    QVERIFY(m_port != 0);
}

QString TestServerLimits::enrolWorkstation()
{
    Result<std::unique_ptr<storage::Database>> db
        = ServerSchema::open(QStringLiteral("sqlite:") + m_dir->filePath(QStringLiteral("server.db")));
    if (!db)
        return {};
    Result<IssuedSecret> code
        = CredentialStore(**db, Clock()).issueEnrolCode(QStringLiteral("33030201"), QStringLiteral("W07"));
    if (!code)
        return {};
    return m_http
        .call("POST", url(QStringLiteral("/api/v1/enrol")),
            QJsonDocument(QJsonObject {{QStringLiteral("code"), code->secret},
                              {QStringLiteral("machine"), QStringLiteral("pc")}})
                .toJson())
        .json()
        .value(QStringLiteral("token"))
        .toString();
}

bool TestServerLimits::connectTo(QTcpSocket &socket, const QHostAddress &from) const
{
    if (!from.isNull() && !socket.bind(from))
        return false;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    return socket.waitForConnected(5000);
}

void TestServerLimits::chunkedBodyIsRefusedOnceOverItsLimit()
{
    startServer();
    const QString token = enrolWorkstation();
    QVERIFY(!token.isEmpty());
    QTcpSocket socket;
    QVERIFY(connectTo(socket));
    socket.write("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token.toUtf8()
        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    // 9 MiB in 1 MiB chunks, and no last chunk: a server that waits for the end of the body never
    // answers; ours answers once the body passes 8 MiB.
    const QByteArray chunk(1024 * 1024, ' ');
    for (int i = 0; i < 9 && socket.state() == QAbstractSocket::ConnectedState; ++i) {
        socket.write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
        while (socket.bytesToWrite() > 0 && socket.state() == QAbstractSocket::ConnectedState)
            socket.waitForBytesWritten(20000);
    }
    const RawAnswer answer = readAnswer(socket);
    QCOMPARE(answer.status, 413);
    QVERIFY(answer.body.contains("too-large"));
    // The server is fine afterwards.
    QCOMPARE(m_http.call("GET", url(QStringLiteral("/api/v1/health"))).status, 200);
}

void TestServerLimits::bodyWithoutCredentialIsRefusedBeforeItIsRead()
{
    startServer();
    const QByteArray upload = "/api/v1/attachments/" + QByteArray(64, 'a') + "/upload?offset=0&total=4000000";
    for (const QByteArray &credential : {QByteArray(), QByteArray("Authorization: Bearer guessed\r\n")}) {
        QTcpSocket socket;
        QVERIFY(connectTo(socket));
        // Only the head is sent: the answer must come without a byte of the 4 MB body.
        socket.write("PUT " + upload + " HTTP/1.1\r\nHost: x\r\n" + credential
            + "Content-Type: application/octet-stream\r\nContent-Length: 4000000\r\n\r\n");
        const RawAnswer answer = readAnswer(socket);
        QCOMPARE(answer.status, 401);
        QVERIFY(answer.body.contains("unauthorised"));
    }
    // The same for a chunked body.
    QTcpSocket socket;
    QVERIFY(connectTo(socket));
    socket.write("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    QCOMPARE(readAnswer(socket).status, 401);
}

void TestServerLimits::ambiguousHeadsAreRefused()
{
    startServer();
    const QList<QByteArray> heads {
        "POST /api/v1/enrol HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n",
        "POST /api/v1/enrol HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n",
        "POST /api/v1/enrol HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
        "GET /api/v1/health HTTP/1.1\r\nX-Folded: a\r\n b\r\n\r\n",
        "GET /api/v1/health HTTP/2.0\r\n\r\n",
        "GET /api/v1/health HTTP/1.1\r\n" + QByteArray(20000, 'X') + ": y\r\n\r\n",
    };
    for (const QByteArray &head : heads) {
        QTcpSocket socket;
        QVERIFY(connectTo(socket));
        socket.write(head);
        const RawAnswer answer = readAnswer(socket);
        QVERIFY2(answer.status >= 400 && answer.status < 600, head.left(80).constData());
        QCOMPARE(answer.header("Connection"), QByteArray("close"));
    }
    QCOMPARE(m_http.call("GET", url(QStringLiteral("/api/v1/health"))).status, 200);
}

void TestServerLimits::idleConnectionIsClosed()
{
    startServer({QStringLiteral("--idle-timeout"), QStringLiteral("1")});
    QTcpSocket silent;
    QVERIFY(connectTo(silent));
    QVERIFY(silent.waitForDisconnected(15000));
    // Half a head, then nothing: closed too.
    QTcpSocket halfway;
    QVERIFY(connectTo(halfway));
    halfway.write("GET /api/v1/hea");
    QVERIFY(halfway.waitForDisconnected(15000));
}

void TestServerLimits::connectionsAreCappedPerAddress()
{
    startServer({QStringLiteral("--max-connections-per-address"), QStringLiteral("4")});
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 4; ++i) {
        held.push_back(std::make_unique<QTcpSocket>());
        QVERIFY(connectTo(*held.back()));
    }
    // Let the server accept the four before the fifth arrives.
    QTcpSocket probe;
    QVERIFY(connectTo(probe, QHostAddress(QStringLiteral("127.0.0.2"))));
    probe.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(readAnswer(probe).status, 200);

    QTcpSocket fifth;
    QVERIFY(connectTo(fifth));
    fifth.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    const RawAnswer refused = readAnswer(fifth);
    QCOMPARE(refused.status, 503);
    // Another address is not held back by this one's idle connections.
    QTcpSocket other;
    QVERIFY(connectTo(other, QHostAddress(QStringLiteral("127.0.0.3"))));
    other.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(readAnswer(other).status, 200);
    // One let go, and the address may connect again.
    held.front()->disconnectFromHost();
    held.erase(held.begin());
    int status = 0;
    for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
        QTcpSocket again;
        QVERIFY(connectTo(again));
        again.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
        status = readAnswer(again).status;
        if (status != 200)
            QTest::qWait(50);
    }
    QCOMPARE(status, 200);
}

void TestServerLimits::enrolmentIsRateLimited()
{
    startServer();
    const QByteArray wrong
        = QJsonDocument(QJsonObject {{QStringLiteral("code"), QStringLiteral("AAAA-BBBB-CCCC")},
                            {QStringLiteral("machine"), QStringLiteral("pc")}})
              .toJson();
    QList<int> statuses;
    for (int i = 0; i < 12; ++i)
        statuses.append(m_http.call("POST", url(QStringLiteral("/api/v1/enrol")), wrong).status);
    QCOMPARE(statuses.count(401), 10);
    QCOMPARE(statuses.last(), 429);
}

void TestServerLimits::failedCredentialsAreRateLimited()
{
    startServer();
    const QString token = enrolWorkstation();
    QVERIFY(!token.isEmpty());
    const QUrl changes = url(QStringLiteral("/api/v1/changes"));
    QCOMPARE(m_http.call("GET", changes, {}, token).status, 200);
    QList<int> statuses;
    for (int i = 0; i < 22; ++i)
        statuses.append(m_http.call("GET", changes, {}, QStringLiteral("guess-%1").arg(i)).status);
    QCOMPARE(statuses.count(401), 20);
    const HttpResult limited = m_http.call("GET", changes, {}, QStringLiteral("one-more-guess"));
    QCOMPARE(limited.status, 429);
    QVERIFY(limited.retryAfter.toInt() >= 1);
    // Guessing cannot go on behind a right secret either: the address waits out its bucket.
    QCOMPARE(m_http.call("GET", changes, {}, token).status, 429);
}

void TestServerLimits::everyAnswerForbidsCachingAndSniffing()
{
    startServer();
    const QList<QByteArray> requests {"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/v1/changes HTTP/1.1\r\nHost: x\r\n\r\n", "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /s/unknown-token HTTP/1.1\r\nHost: x\r\n\r\n"};
    for (const QByteArray &request : requests) {
        QTcpSocket socket;
        QVERIFY(connectTo(socket));
        socket.write(request);
        const RawAnswer answer = readAnswer(socket);
        QVERIFY(answer.status != 0);
        QCOMPARE(answer.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(answer.header("X-Content-Type-Options"), QByteArray("nosniff"));
        if (request.startsWith("GET /s/")) {
            const QByteArray policy = answer.header("Content-Security-Policy");
            QVERIFY2(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"),
                policy.constData());
        }
    }
}

void TestServerLimits::damagedScanIsNotServed()
{
    startServer();
    const QString token = enrolWorkstation();
    QVERIFY(!token.isEmpty());
    const QByteArray data = QByteArray("a scanned page ").repeated(1000);
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    const QString base = QStringLiteral("/api/v1/attachments/") + hash;
    const HttpResult uploaded
        = m_http.call("PUT", url(base + QStringLiteral("/upload?offset=0&total=%1").arg(data.size())), data,
            token, "application/octet-stream");
    QCOMPARE(uploaded.json().value(QStringLiteral("complete")).toBool(), true);
    const QString number = caseNumber(1);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    cases::Case c = ow::cases::testing::draft();
    c.number = number;
    c.qrToken = cases::QrToken::generate();
    c.departmentId = QStringLiteral("wj");
    c.hall = number.left(8);
    c.counter = QStringLiteral("W07");
    c.firstHandler = QStringLiteral("clerk-042");
    c.created = now;
    c.updated = now;
    c.promisedDeadline = now.date().addDays(10);
    c.attachments.append(cases::CaseAttachment {hash, QStringLiteral("id-card"), QStringLiteral("scan.png"),
        QStringLiteral("image/png"), data.size(), now});
    QCOMPARE(
        m_http
            .call("POST", url(QStringLiteral("/api/v1/events")),
                batch({outboxEntry(&c, number, cases::EventKind::Created, now, cases::CaseState::Draft)}),
                token)
            .status,
        200);
    QCOMPARE(m_http.call("GET", url(base), {}, token).body, data);

    // One byte changes on the server's disk: the file is no longer the scan its name promises.
    QFile stored(m_dir->filePath(QStringLiteral("attachments/") + hash.left(2) + QLatin1Char('/') + hash));
    QVERIFY(stored.open(QIODevice::ReadWrite));
    QVERIFY(stored.seek(100));
    QVERIFY(stored.write("X", 1) == 1);
    stored.close();
    const HttpResult damaged = m_http.call("GET", url(base), {}, token);
    QVERIFY(damaged.status >= 500);
    QVERIFY(!damaged.body.contains("a scanned page"));
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_serverLimits.moc"
