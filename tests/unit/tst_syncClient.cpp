#include "sync/SyncClient.h"
#include "sync/SyncProtocol.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ow;
using namespace ow::sync;
using namespace Qt::StringLiterals;

/// A loopback HTTP peer that answers every request with one canned response (or never answers),
/// and keeps the last request it read.
class CannedServer : public QObject
{
public:
    explicit CannedServer(QByteArray response)
        : m_response(std::move(response))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_response.isEmpty() && m_request.contains("\r\n\r\n"))
                        socket->write(m_response);
                });
            }
        });
    }

    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    const QByteArray &request() const { return m_request; }

    static QByteArray json(int status, const char *reason, const QByteArray &body)
    {
        return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
            + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body;
    }

private:
    QTcpServer m_server;
    QByteArray m_response;
    QByteArray m_request;
};

/// The sync client's HTTP: bearer token, the server's errors as ow::Error, offsets, timeouts.
class TestSyncClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsTheTokenAndReadsResults()
    {
        CannedServer server(CannedServer::json(200, "OK",
            R"({"results":[{"id":"e1","status":"stored"},{"id":"e2","status":"rejected","code":"invalid","message":"no"}]})"));
        SyncClient client(server.url(), u"secret-token"_s);
        const auto results = client.postEvents({R"({"event":{"id":"e1"}})", R"({"event":{"id":"e2"}})"});
        QVERIFY2(results, results ? "" : qPrintable(results.error().toString()));
        QCOMPARE(results->size(), 2);
        QCOMPARE(results->at(1).status, QString(protocol::kRejected));
        QCOMPARE(results->at(1).message, u"no"_s);
        QVERIFY(server.request().startsWith("POST /api/v1/events "));
        QVERIFY(server.request().contains("Authorization: Bearer secret-token"));
        QVERIFY(server.request().contains(R"({"events":[{"event":{"id":"e1"}},{"event":{"id":"e2"}}]})"));
    }

    void offsetMismatchTellsWhereToResume()
    {
        CannedServer server(CannedServer::json(409, "Conflict",
            R"({"error":{"code":"offset-mismatch","message":"the server holds 4096 bytes"},"received":4096})"));
        SyncClient client(server.url(), u"t"_s);
        const QString sha(64, u'a');
        const auto status = client.uploadChunk(sha, 0, 10000, QByteArray(1000, 'x'));
        QVERIFY(status);
        QCOMPARE(status->received, 4096);
        QVERIFY(!status->complete);
        const QByteArray line = "PUT /api/v1/attachments/" + sha.toLatin1() + "/upload?offset=0&total=10000 ";
        QVERIFY(server.request().startsWith(line));
    }

    void errorsCarryTheServersMessage_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<int>("errorCode");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("unauthorised")
            << 401 << QByteArray("unauthorised") << int(Error::Code::Invalid) << false;
        QTest::newRow("not found") << 404 << QByteArray("not-found") << int(Error::Code::NotFound) << false;
        QTest::newRow("internal") << 500 << QByteArray("internal") << int(Error::Code::Io) << true;
    }

    void errorsCarryTheServersMessage()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        QFETCH(int, errorCode);
        QFETCH(bool, retryable);
        CannedServer server(CannedServer::json(
            status, "X", R"({"error":{"code":")" + code + R"(","message":"Because of reasons."}})"));
        SyncClient client(server.url(), u"t"_s);
        const auto answer = client.changes({}, 200);
        QVERIFY(!answer);
        QCOMPARE(int(answer.error().code()), errorCode);
        QVERIFY2(answer.error().message().contains(u"Because of reasons."_s),
            qPrintable(answer.error().message()));
        QCOMPARE(client.lastFailure().code, QString::fromLatin1(code));
        QCOMPARE(client.lastFailure().retryable(), retryable);
    }

    void aSilentServerTimesOut()
    {
        CannedServer server {QByteArray()};
        SyncClient client(server.url(), u"t"_s);
        client.setTimeout(300);
        const auto answer = client.health();
        QVERIFY(!answer);
        QCOMPARE(answer.error().code(), Error::Code::Io);
        QCOMPARE(client.lastFailure().status, 0);
        QVERIFY(client.lastFailure().retryable());
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncClient.moc"
