#include "CaseTestSupport.h"
#include "core/ManualClock.h"
#include "sync/SyncService.h"
#include "sync/SyncSettings.h"
#include "sync/SyncWorker.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace Qt::StringLiterals;

/// The sync worker without a server: it reports offline with what waits, and backs off 2 s, 4 s…
class TestSyncWorker : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    /// A loopback address where nothing listens.
    static QString deadServer()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
    }

private Q_SLOTS:
    void notEnrolledStartsNothing()
    {
        const QString empty = m_dir.filePath(u"empty"_s);
        auto none = SyncService::startIfEnrolled(empty);
        QVERIFY(none);
        QVERIFY(!*none);
        QVERIFY(CaseStore::open(empty, testing::workstation()));
        none = SyncService::startIfEnrolled(empty);
        QVERIFY(none);
        QVERIFY(!*none);
    }

    void backsOffWhileTheServerIsAway()
    {
        const QString directory = m_dir.filePath(u"counter"_s);
        {
            auto store = CaseStore::open(directory, testing::workstation()).value();
            QVERIFY(store->setSyncValues({{SyncSettings::kServer, deadServer()},
                {SyncSettings::kToken, u"t"_s}, {SyncSettings::kHall, u"33030201"_s},
                {SyncSettings::kCounter, u"W07"_s}, {SyncSettings::kCounterNumber, u"7"_s}}));
            Case c = testing::draft();
            QVERIFY(store->createDraft(c, u"clerk-042"_s));
            const auto settings = SyncSettings::readFrom(directory).value();
            QVERIFY(settings);
            QCOMPARE(settings->workstation.counterNumber, 7);
        }
        // The back-off is measured on this clock: the test moves it instead of waiting seconds.
        ManualClock clock;
        SyncWorker worker(directory, clock.clock());
        QSignalSpy status(&worker, &SyncWorker::statusChanged);
        QSignalSpy rounds(&worker, &SyncWorker::roundFinished);
        worker.start();
        QTRY_COMPARE(rounds.size(), 1);
        QCOMPARE(rounds.at(0).at(0).toBool(), false);
        QCOMPARE(worker.backoff(), SyncWorker::kFirstBackoffMs);
        QCOMPARE(status.last().at(0).toBool(), false); // offline
        QCOMPARE(status.last().at(1).toLongLong(), 1); // the Created event waits
        QVERIFY(!status.last().at(3).toString().isEmpty());
        // A wake during the back-off does not hammer the server.
        worker.wake();
        QTest::qWait(200);
        QCOMPARE(rounds.size(), 1);
        clock.advance(SyncWorker::kFirstBackoffMs - 1);
        QTest::qWait(50);
        QCOMPARE(rounds.size(), 1);
        clock.advance(1);
        QTRY_COMPARE(rounds.size(), 2);
        QCOMPARE(worker.backoff(), 2 * SyncWorker::kFirstBackoffMs);
        worker.stop();
    }
};

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_syncWorker.moc"
