// The whole loop on loopback, counter to department to status: a real onewindow-server, a counter's
// store synced to it, and onewindow-devsim department as the department's system. A case accepted at
// the counter is pushed (signed) to the simulator, which asks for a supplement through the department
// API; the supplement recorded at the counter is pushed in turn and the simulator approves, so the
// server's case ends approved with its result document (a PDF uploaded before the approval names it),
// then result-ready. Each push is processed once; the scan goes by a time-limited signed
// link that serves it without a key and refuses it altered or expired; onewindow-cli server
// deliveries lists both pushes delivered.

#include "DepartmentSimulatorProcess.h"
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

class TestDepartmentLoop : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;

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
        const QString secret = registerDepartmentEndpoint(m_dir->filePath(u"server"_s), u"wj"_s, port);
        QCOMPARE(secret.size(), 64);
        DepartmentSimulatorProcess simulator;
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
        QCOMPARE(simulator.matching(u"push"_s).size(), 2);
        QCOMPARE(simulator.matching(u"push"_s).last().value(u"kind"_s).toString(), u"supplemented"_s);

        // The approval names its result document, uploaded before it: a one-page PDF naming the case,
        // which the hall's workstations read like a scan.
        const Result<QJsonObject> decided = client->fetchCase(accepted.number);
        QVERIFY(decided);
        QJsonObject document;
        for (const QJsonValue &event : decided->value(u"events"_s).toArray())
            if (event.toObject().value(u"kind"_s).toString() == u"approved"_s)
                document = event.toObject().value(u"payload"_s).toObject().value(u"document"_s).toObject();
        QCOMPARE(document.value(u"name"_s).toString(), u"准予许可决定书-%1.pdf"_s.arg(accepted.number));
        const Result<QByteArray> pdf
            = client->download(u"/attachments/"_s + document.value(u"sha256"_s).toString());
        QVERIFY2(pdf, pdf ? "" : qPrintable(pdf.error().toString()));
        QVERIFY(pdf->startsWith("%PDF-1.4"));
        QVERIFY(pdf->contains(accepted.number.toLatin1()));
        QVERIFY(pdf->contains("/Count 1"));
        QCOMPARE(pdf->size(), document.value(u"size"_s).toInteger());

        // Result-ready follows the approval (--ready-after, 2 s by default), naming the same document.
        QVERIFY(simulator.waitFor(u"answered"_s, {u"kind"_s, u"result-ready"_s}, 1));
        QCOMPARE(serverState(*client, accepted.number), u"result-ready"_s);

        // And the counter learns it with its next round.
        QVERIFY(SyncRound(*store, *client).run());
        QCOMPARE(store->findByNumber(accepted.number).value().state, CaseState::ResultReady);

        QString output;
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
