// The whole loop on loopback, counter to department to status: a real onewindow-server, a counter's
// store synced to it, and onewindow-devsim department as the department's system. A case accepted at
// the counter is pushed (signed) to the simulator, which asks for a supplement through the department
// API; the supplement recorded at the counter is pushed in turn and the simulator approves, so the
// server's case ends approved. Each push is processed once; the scan goes by a time-limited signed
// link that serves it without a key and refuses it altered or expired; onewindow-cli server
// deliveries lists both pushes delivered.

#include "ServerTestSupport.h"
#include "SyncTestSupport.h"
#include "sync/SyncRound.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// onewindow-devsim department, its output read as JSON lines.
class Simulator
{
public:
    bool start(const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
        m_process.start(QStringLiteral(OW_DEVSIM_PATH), QStringList {u"department"_s} + arguments);
        return m_process.waitForStarted(5000) && waitFor(u"listening"_s, {}, 1);
    }
    ~Simulator()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    /// Reads lines until `count` lines of `event` (whose `key` is `value`, when given) were seen.
    bool waitFor(const QString &event, const std::pair<QString, QString> &match, int count)
    {
        for (int round = 0; round < 600; ++round) {
            while (m_process.canReadLine())
                m_lines.append(QJsonDocument::fromJson(m_process.readLine()).object());
            if (matching(event, match).size() >= count)
                return true;
            if (m_process.state() != QProcess::Running)
                return false;
            m_process.waitForReadyRead(100);
        }
        qWarning("simulator: %s", m_process.readAllStandardError().constData());
        return false;
    }
    QList<QJsonObject> matching(const QString &event, const std::pair<QString, QString> &match = {}) const
    {
        QList<QJsonObject> found;
        for (const QJsonObject &line : m_lines)
            if (line.value(u"event"_s).toString() == event
                && (match.first.isEmpty() || line.value(match.first).toString() == match.second))
                found.append(line);
        return found;
    }

private:
    QProcess m_process;
    QList<QJsonObject> m_lines;
};

} // namespace

class TestDepartmentLoop : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;

    QString serverState(SyncClient &client, const QString &number)
    {
        const Result<QJsonObject> found = client.fetchCase(number);
        return found ? found->value(u"case"_s).toObject().value(u"state"_s).toString() : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_server = std::make_unique<ServerProcess>(m_dir->filePath(u"server"_s));
        QVERIFY(m_server->start());
    }
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void counterToDepartmentToStatus()
    {
        auto store = enrolled(*m_server, m_dir->filePath(u"w07"_s), u"W07"_s);
        const quint16 port = freePort();
        QString output;
        QCOMPARE(runCli({u"server"_s, u"department-endpoint"_s, u"--data-dir"_s, m_dir->filePath(u"server"_s),
                            u"--department"_s, u"wj"_s, u"--url"_s,
                            u"http://127.0.0.1:%1/onewindow"_s.arg(port), u"--json"_s},
                     &output),
            0);
        const QString secret
            = QJsonDocument::fromJson(output.toUtf8()).object().value(u"secret"_s).toString();
        QCOMPARE(secret.size(), 64);
        Simulator simulator;
        QVERIFY(simulator.start({u"--listen"_s, QString::number(port), u"--key"_s, secret, u"--server"_s,
            m_server->url(), u"--department-key"_s, m_server->departmentKey(u"wj"_s), u"--outcome"_s,
            u"supplement-then-approve"_s, u"--seen-file"_s, m_dir->filePath(u"seen.txt"_s)}));

        // Accepted at the counter, with a scan, and synced.
        const Case accepted = acceptCase(*store, 1, 3000, 7);
        auto client = clientFor(*store);
        QVERIFY(SyncRound(*store, *client).run());
        QVERIFY(simulator.waitFor(u"answered"_s, {u"kind"_s, u"supplement-requested"_s}, 1));
        QCOMPARE(serverState(*client, accepted.number), u"supplement-requested"_s);

        // The push named the scan by a link that serves it without a key, and only as signed.
        const QList<QJsonObject> pushes = simulator.matching(u"push"_s);
        QCOMPARE(pushes.size(), 1);
        QCOMPARE(pushes.first().value(u"kind"_s).toString(), u"accepted"_s);
        QCOMPARE(pushes.first().value(u"case"_s).toString(), accepted.number);
        const QJsonArray links = pushes.first().value(u"attachments"_s).toArray();
        QCOMPARE(links.size(), 1);
        const QUrl link(links.first().toString());
        server::testing::HttpClient http;
        const server::testing::HttpResult scan = http.call("GET", link);
        QCOMPARE(scan.status, 200);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(scan.body, QCryptographicHash::Sha256).toHex()),
            accepted.attachments.first().sha256);
        QUrl altered = link;
        QUrlQuery query(link);
        const QString expires = query.queryItemValue(u"expires"_s);
        query.removeQueryItem(u"expires"_s);
        query.addQueryItem(u"expires"_s, QString::number(expires.toLongLong() + 3600));
        altered.setQuery(query);
        QCOMPARE(http.call("GET", altered).status, 403);
        // Signed by the server's own secret for a time already past: refused as expired.
        auto db = server::ServerSchema::open(m_server->databaseSpec());
        QVERIFY(db);
        const Result<QVariant> key = (*db)->scalar(u"SELECT secret FROM signing_keys"_s);
        QVERIFY(key);
        const QString sha = accepted.attachments.first().sha256;
        const qint64 past = QDateTime::currentSecsSinceEpoch() - 60;
        QUrl expired = link;
        expired.setQuery(u"expires=%1&sig=%2"_s.arg(past).arg(QString::fromLatin1(
            QMessageAuthenticationCode::hash(sha.toLatin1() + '.' + QByteArray::number(past),
                key->toString().toLatin1(), QCryptographicHash::Sha256)
                .toHex())));
        QCOMPARE(http.call("GET", expired).status, 410);
        (*db).reset();

        // The supplement taken at the counter: pushed, and the simulator approves.
        QVERIFY(SyncRound(*store, *client).run());
        const Case requested = store->findByNumber(accepted.number).value();
        QCOMPARE(requested.state, CaseState::SupplementRequested);
        const Result<CaseEvent> supplemented
            = store->save(requested, cases::testing::caseEvent(EventKind::Supplemented));
        QVERIFY2(supplemented, supplemented ? "" : qPrintable(supplemented.error().toString()));
        QVERIFY(SyncRound(*store, *client).run());
        QVERIFY(simulator.waitFor(u"answered"_s, {u"kind"_s, u"approved"_s}, 1));
        QCOMPARE(serverState(*client, accepted.number), u"approved"_s);
        QCOMPARE(simulator.matching(u"push"_s).size(), 2);
        QCOMPARE(simulator.matching(u"push"_s).last().value(u"kind"_s).toString(), u"supplemented"_s);

        // And the counter learns it with its next round.
        QVERIFY(SyncRound(*store, *client).run());
        QCOMPARE(store->findByNumber(accepted.number).value().state, CaseState::Approved);

        QCOMPARE(
            runCli({u"server"_s, u"deliveries"_s, u"--data-dir"_s, m_dir->filePath(u"server"_s), u"--json"_s},
                &output),
            0);
        const QJsonArray deliveries = QJsonDocument::fromJson(output.toUtf8()).array();
        QCOMPARE(deliveries.size(), 2);
        for (const QJsonValue &delivery : deliveries) {
            QCOMPARE(delivery.toObject().value(u"state"_s).toString(), u"delivered"_s);
            QCOMPARE(delivery.toObject().value(u"attempts"_s).toInt(), 1);
        }
        QCOMPARE(runCli({u"server"_s, u"deliveries"_s, u"--dead"_s, u"--data-dir"_s,
                            m_dir->filePath(u"server"_s), u"--json"_s},
                     &output),
            0);
        QCOMPARE(QJsonDocument::fromJson(output.toUtf8()).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDepartmentLoop)
#include "tst_departmentLoop.moc"
