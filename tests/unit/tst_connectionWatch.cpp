// storage::ConnectionWatch: a lost connection is noticed, reopened with a back-off measured on the
// Clock (a ManualClock here, so no test waits for it), and callers meanwhile learn at once that
// the database is unavailable.

#include "core/ManualClock.h"
#include "storage/ConnectionWatch.h"
#include "storage/Database.h"

#include <QDir>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::storage;

class TestConnectionWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reconnectsWithBackoffOnTheClock()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("db"));
        Result<std::unique_ptr<Database>> db = Database::openSqlite(folder + QStringLiteral("/test.db"));
        QVERIFY(db);
        ManualClock clock;
        ConnectionWatch watch(**db, clock.clock());
        QVERIFY(watch.available());
        QVERIFY(watch.confirmUp()); // a working connection survives the probe

        // The connection is lost, and reopening fails while the file's folder is away.
        (*db)->handle().close();
        QVERIFY(QDir().rename(folder, folder + QStringLiteral(".away")));
        QVERIFY(!watch.confirmUp());
        QVERIFY(watch.isDown());
        QVERIFY(!watch.lastError().isEmpty());
        QCOMPARE(watch.retryInMs(), ConnectionWatch::kFirstRetryMs);
        // Until the back-off has passed nobody waits for a reconnect attempt.
        clock.advance(ConnectionWatch::kFirstRetryMs - 1);
        QVERIFY(!watch.available());
        clock.advance(1);
        QVERIFY(!watch.available()); // attempted, failed: the back-off doubles
        QCOMPARE(watch.retryInMs(), 2 * ConnectionWatch::kFirstRetryMs);
        for (int i = 0; i < 10; ++i) {
            clock.advance(watch.retryInMs());
            QVERIFY(!watch.available());
        }
        QCOMPARE(watch.retryInMs(), ConnectionWatch::kMaxRetryMs);

        // The database is back: the next attempt due reopens it.
        QVERIFY(QDir().rename(folder + QStringLiteral(".away"), folder));
        QVERIFY(!watch.available());
        clock.advance(watch.retryInMs());
        QVERIFY(watch.available());
        QVERIFY(!watch.isDown());
        QCOMPARE(watch.reconnects(), 1);
        QVERIFY((*db)->scalar(QStringLiteral("SELECT 1")));
    }
};

QTEST_GUILESS_MAIN(TestConnectionWatch)
#include "tst_connectionWatch.moc"
