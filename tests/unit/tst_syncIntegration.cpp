#include "SyncTestSupport.h"
#include "cases/CaseJson.h"
#include "catalogue/CatalogueLoader.h"
#include "sync/CatalogueUpdater.h"
#include "sync/SyncRound.h"
#include "sync/SyncService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

/// Workstations syncing with the real onewindow-server on loopback, with the faults of a hall:
/// the server killed mid-upload, a workstation killed with a full outbox, the server down while
/// cases are accepted. Every case, event and scan must arrive exactly once.
class TestSyncIntegration : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    static Result<RoundReport> round(CaseStore &store, qint64 chunkSize = 1024 * 1024)
    {
        auto client = clientFor(store);
        SyncRound r(store, *client);
        r.setChunkSize(chunkSize);
        return r.run();
    }

    /// The server holds each event id once, and every event of these stores.
    static void verifyExactlyOnce(SyncClient &client, const QList<CaseStore *> &stores)
    {
        const QList<QJsonObject> events = serverEvents(client);
        QSet<QString> ids;
        for (const QJsonObject &e : events) {
            const QString id = e.value("id"_L1).toString();
            QVERIFY2(!ids.contains(id), qPrintable(u"event stored twice: "_s + id));
            ids.insert(id);
        }
        qsizetype local = 0;
        for (CaseStore *store : stores) {
            CaseFilter all;
            all.limit = 1000;
            const CasePage page = store->list(all).value();
            for (const CaseSummary &s : page.items) {
                if (s.counter != store->workstation().counter)
                    continue; // imported from another counter
                const QList<CaseEvent> log = store->events(s.number).value();
                for (const CaseEvent &e : log)
                    QVERIFY2(ids.contains(e.id), qPrintable(u"event missing at the server: "_s + e.id));
                local += log.size();
                const Case c = store->findByNumber(s.number).value();
                for (const CaseAttachment &a : c.attachments) {
                    const auto status = client.uploadStatus(a.sha256);
                    QVERIFY2(status && status->complete, qPrintable(u"scan not complete: "_s + a.sha256));
                    QCOMPARE(status->received, a.size);
                }
            }
            const OutboxCounts counts = store->outboxCount().value();
            QCOMPARE(counts.pending, 0);
            QCOMPARE(counts.failed, 0);
        }
        QCOMPARE(qsizetype(ids.size()), local);
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<ServerProcess>(path(u"server"_s));
        QVERIFY(m_server->start());
    }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void twoCountersSyncEveryCaseOnce()
    {
        auto a = enrolled(*m_server, path(u"a"_s), u"W07"_s);
        auto b = enrolled(*m_server, path(u"b"_s), u"W08"_s);
        QCOMPARE(a->workstation().counterNumber, 7);
        QStringList numbersA;
        for (int i = 0; i < 5; ++i)
            numbersA.append(acceptCase(*a, 2, 20000 + i, quint32(i)).number);
        for (int i = 0; i < 3; ++i)
            acceptCase(*b, 1, 30000 + i, quint32(100 + i));

        // The command line round, then again: the second sends nothing.
        QString output;
        QCOMPARE(
            runCli({u"sync"_s, u"run"_s, u"--once"_s, u"--json"_s, u"--data-dir"_s, path(u"a"_s)}, &output),
            0);
        const QJsonObject report = QJsonDocument::fromJson(output.toUtf8()).object();
        QCOMPARE(report.value("eventsSent"_L1).toInt(), 10);
        QCOMPARE(report.value("attachmentsUploaded"_L1).toInt(), 10);
        QCOMPARE(runCli({u"sync"_s, u"run"_s, u"--once"_s, u"--data-dir"_s, path(u"b"_s)}, &output), 0);
        QCOMPARE(
            runCli({u"sync"_s, u"run"_s, u"--once"_s, u"--json"_s, u"--data-dir"_s, path(u"a"_s)}, &output),
            0);
        QCOMPARE(QJsonDocument::fromJson(output.toUtf8()).object().value("eventsSent"_L1).toInt(), 0);

        // The pickup counter B now holds A's cases, imported whole, with nothing to send back.
        VERIFY_OK(round(*b));
        for (const QString &number : std::as_const(numbersA)) {
            QVERIFY(b->hasCase(number).value());
            QCOMPARE(b->findByNumber(number)->state, CaseState::Accepted);
        }
        QCOMPARE(b->outboxCount()->pending, 0);
        auto client = clientFor(*a);
        verifyExactlyOnce(*client, {a.get(), b.get()});

        QCOMPARE(runCli({u"sync"_s, u"status"_s, u"--json"_s, u"--data-dir"_s, path(u"a"_s)}, &output), 0);
        const QJsonObject status = QJsonDocument::fromJson(output.toUtf8()).object();
        QCOMPARE(status.value("pendingEvents"_L1).toInt(), 0);
        QCOMPARE(status.value("sentEvents"_L1).toInt(), 10);
        QVERIFY(!status.value("cursor"_L1).toString().isEmpty());
    }

    void departmentStatusReachesHandlerAndPickupCounter()
    {
        auto a = enrolled(*m_server, path(u"a"_s), u"W07"_s);
        auto b = enrolled(*m_server, path(u"b"_s), u"W08"_s);
        const Case c = acceptCase(*a, 1, 5000, 1);
        VERIFY_OK(round(*a));
        const QString key = m_server->departmentKey(c.departmentId);
        QString output;
        for (const QString &kind : {u"in-review"_s, u"approved"_s}) {
            QCOMPARE(runCli({u"case"_s, u"status"_s, c.number, kind, u"--server"_s, m_server->url(),
                                u"--key"_s, key, u"--note"_s, u"checked"_s},
                         &output),
                0);
        }
        // Another department may not touch it.
        const QString other = m_server->departmentKey(u"sc"_s);
        QCOMPARE(runCli({u"case"_s, u"status"_s, c.number, u"result-ready"_s, u"--server"_s, m_server->url(),
                            u"--key"_s, other},
                     &output),
            1);
        QVERIFY2(output.contains("other-department"_L1), qPrintable(output));

        VERIFY_OK(round(*a));
        {
            // The worker says when a round brought events (the pickup counter's list follows it),
            // and stays silent for a round that brought none.
            SyncWorker worker(path(u"b"_s));
            QSignalSpy received(&worker, &SyncWorker::eventsReceived);
            QSignalSpy finished(&worker, &SyncWorker::roundFinished);
            worker.start();
            QTRY_COMPARE(finished.count(), 1);
            QCOMPARE(received.count(), 1);
            worker.wake();
            QTRY_COMPARE(finished.count(), 2);
            QCOMPARE(received.count(), 1);
            worker.stop();
        }
        QCOMPARE(a->findByNumber(c.number)->state, CaseState::Approved);
        QCOMPARE(b->findByNumber(c.number)->state, CaseState::Approved);
        QCOMPARE(a->events(c.number)->size(), 4);
        QCOMPARE(b->events(c.number)->size(), 4);
        QCOMPARE(a->outboxCount()->pending, 0);
        QCOMPARE(b->outboxCount()->pending, 0);
        // Pulling again adds nothing.
        const RoundReport again = round(*a).value();
        QCOMPARE(again.eventsReceived, 0);
    }

    void serverKilledMidUploadResumes()
    {
        auto a = enrolled(*m_server, path(u"a"_s), u"W07"_s);
        QList<Case> cases;
        qint64 total = 0;
        for (int i = 0; i < 3; ++i) {
            cases.append(acceptCase(*a, 1, 3 * 1024 * 1024, quint32(10 + i)));
            total += cases.last().attachments.first().size;
        }
        QProcess worker;
        worker.start(QStringLiteral(OW_CLI_PATH),
            {u"sync"_s, u"run"_s, u"--data-dir"_s, path(u"a"_s), u"--chunk-size"_s, u"32768"_s});
        QVERIFY(worker.waitForStarted());
        // Kill the server once the first scan is partly there.
        auto client = clientFor(*a);
        client->setTimeout(2000);
        const QString first = cases.first().attachments.first().sha256;
        bool partial = false;
        for (int i = 0; i < 2000 && !partial; ++i) {
            const auto status = client->uploadStatus(first);
            partial = status && status->received > 0 && !status->complete;
            if (status && status->complete)
                break;
        }
        QVERIFY2(partial, "the upload was never seen half-way");
        m_server->kill();
        worker.kill();
        worker.waitForFinished();

        QVERIFY(m_server->start());
        const auto held = client->uploadStatus(first);
        QVERIFY(held && held->received > 0);
        const RoundReport report = round(*a, 32768).value();
        // It went on from where the server stood, not from the start.
        QVERIFY2(report.bytesUploaded < total,
            qPrintable(u"%1 of %2 bytes sent again"_s.arg(report.bytesUploaded).arg(total)));
        verifyExactlyOnce(*client, {a.get()});
    }

    void workstationKilledWithFullOutbox()
    {
        auto a = enrolled(*m_server, path(u"a"_s), u"W07"_s);
        for (int i = 0; i < 60; ++i)
            acceptCase(*a, 1, 40000, quint32(200 + i));
        QCOMPARE(a->outboxCount()->pending, 120);
        auto client = clientFor(*a);
        QProcess worker;
        worker.start(QStringLiteral(OW_CLI_PATH),
            {u"sync"_s, u"run"_s, u"--data-dir"_s, path(u"a"_s), u"--chunk-size"_s, u"8192"_s});
        QVERIFY(worker.waitForStarted());
        // Kill it once some scans are up, while the rest of the outbox waits.
        bool started = false;
        for (int i = 0; i < 2000 && !started; ++i) {
            started = a->pendingUploadBytes().value_or(0) < 60 * 40000;
            if (!started)
                QTest::qWait(5);
        }
        worker.kill();
        worker.waitForFinished();
        QVERIFY(started);
        QVERIFY(a->outboxCount()->pending > 0);

        VERIFY_OK(round(*a));
        verifyExactlyOnce(*client, {a.get()});
        QCOMPARE(serverEvents(*client).size(), 120);
    }

    void refusalsAreFinalAndKept()
    {
        auto a = enrolled(*m_server, path(u"a"_s), u"W07"_s);
        acceptCase(*a, 1, 1000, 7);
        // A case numbered for another hall is rejected for good: marked failed with the reason.
        {
            auto elsewhere = CaseStore::open(path(u"a"_s), Workstation {u"33030202"_s, u"W07"_s, 7}).value();
            acceptCase(*elsewhere, 0, 0, 0);
        }
        const RoundReport report = round(*a).value();
        QCOMPARE(report.eventsSent, 2);
        QCOMPARE(report.eventsRejected, 2);
        const OutboxCounts counts = a->outboxCount().value();
        QCOMPARE(counts.pending, 0);
        QCOMPARE(counts.failed, 2);
        QVERIFY(!a->database()
                     .scalar(u"SELECT failed FROM outbox WHERE failed IS NOT NULL"_s)
                     ->toString()
                     .isEmpty());
        QCOMPARE(round(*a)->eventsRejected, 0); // not sent again

        // A wrong token is the server's "unauthorised", with its message; nothing is marked.
        acceptCase(*a, 0, 0, 8);
        VERIFY_OK(a->setSyncValues({{SyncSettings::kToken, u"not-a-token"_s}}));
        const Result<RoundReport> refused = round(*a);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), Error::Code::Invalid);
        QVERIFY2(
            refused.error().message().contains("unauthorised"_L1), qPrintable(refused.error().message()));
        QCOMPARE(a->outboxCount()->pending, 2);
    }

    void catalogueIsPublishedAndPulled()
    {
        const QString demo = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");
        const QString key = m_server->publisherKey(u"catalogue-office"_s);
        QString output;
        // A catalogue with errors is refused here, before anything is sent.
        const QString broken = path(u"broken"_s);
        QVERIFY(QDir().mkpath(broken));
        QFile bad(broken + u"/catalogue.txt"_s);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("this is not a catalogue\n");
        bad.close();
        QCOMPARE(
            runCli({u"catalogue"_s, u"publish"_s, broken, u"--server"_s, m_server->url(), u"--key"_s, key},
                &output),
            1);
        QVERIFY2(output.contains("nothing was published"_L1), qPrintable(output));
        QCOMPARE(runCli({u"catalogue"_s, u"publish"_s, demo, u"--server"_s, m_server->url(), u"--key"_s,
                            u"wrong"_s},
                     &output),
            1);
        QCOMPARE(runCli({u"catalogue"_s, u"publish"_s, demo, u"--server"_s, m_server->url(), u"--key"_s, key},
                     &output),
            0);
        QVERIFY2(output.contains("now current"_L1), qPrintable(output));
        QCOMPARE(runCli({u"catalogue"_s, u"publish"_s, demo, u"--server"_s, m_server->url(), u"--key"_s, key},
                     &output),
            0);
        QVERIFY2(output.contains("already published"_L1), qPrintable(output));

        auto a = enrolled(*m_server, path(u"a"_s), u"W07"_s);
        QCOMPARE(CatalogueUpdater::latestLocalCatalogue(path(u"a"_s)), QString());
        auto client = clientFor(*a);
        CatalogueUpdater updater(*client, path(u"a"_s));
        const Result<QString> installed = updater.update();
        VERIFY_OK(installed);
        QCOMPARE(CatalogueUpdater::latestLocalCatalogue(path(u"a"_s)), *installed);
        const auto original = catalogue::CatalogueLoader::loadOrError(demo);
        const auto copy = catalogue::CatalogueLoader::loadOrError(*installed);
        VERIFY_OK(copy);
        QCOMPARE((*copy)->version, (*original)->version);
        QCOMPARE((*copy)->matters.size(), (*original)->matters.size());
        // Asking again downloads nothing and keeps the folder.
        QCOMPARE(updater.update().value(), *installed);
        QVERIFY(!QDir(CatalogueUpdater::cataloguesDirectory(path(u"a"_s)))
                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)
                     .join(u' ')
                     .contains("incoming"_L1));
    }

    void serverDownWhileFiftyCasesAreAccepted()
    {
        auto a = enrolled(*m_server, path(u"a"_s), u"W07"_s);
        m_server->kill();
        a.reset();
        auto service = SyncService::startIfEnrolled(path(u"a"_s));
        VERIFY_OK(service);
        QVERIFY(*service);
        QSignalSpy status((*service)->worker(), &SyncWorker::statusChanged);
        QTRY_VERIFY(!status.isEmpty());
        QCOMPARE(status.last().at(0).toBool(), false);

        auto settings = SyncSettings::readFrom(path(u"a"_s));
        auto store = CaseStore::open(path(u"a"_s), (*settings)->workstation).value();
        for (int i = 0; i < 50; ++i)
            acceptCase(*store, 1, 2000, quint32(500 + i));
        QCOMPARE(store->outboxCount()->pending, 100);
        (*service)->wake();

        QVERIFY(m_server->start());
        // The worker retries with its back-off (2 s, 4 s…) and then empties the outbox.
        QTRY_VERIFY_WITH_TIMEOUT(
            !status.isEmpty() && status.last().at(0).toBool() && status.last().at(1).toLongLong() == 0,
            30000);
        (*service)->stop();
        auto client = clientFor(*store);
        verifyExactlyOnce(*client, {store.get()});
        QCOMPARE(serverEvents(*client).size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestSyncIntegration)
#include "tst_syncIntegration.moc"
