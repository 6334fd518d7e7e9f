// A counter whose clock is wrong, against the real onewindow-server: the counter learns the offset
// from the server's answers and warns (sync status, the status bar's text); the server records the
// counter's skew (`onewindow-cli server counters`).

#include "SyncTestSupport.h"
#include "core/ManualClock.h"
#include "sync/SyncRound.h"
#include "sync/SyncWarnings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

class TestClockSkew : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;

    /// One round with the client's clock `offsetSeconds` off the real one.
    static Result<RoundReport> roundWithClock(CaseStore &store, qint64 offsetSeconds)
    {
        const ManualClock clock(QDateTime::currentDateTimeUtc().addSecs(offsetSeconds));
        auto client = clientFor(store);
        client->setClock(clock.clock());
        SyncRound r(store, *client);
        return r.run();
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

    void warningThresholds()
    {
        QVERIFY(SyncWarnings::clockWarning(0).isEmpty());
        QVERIFY(SyncWarnings::clockWarning(119000).isEmpty());
        QVERIFY(SyncWarnings::clockWarning(-119000).isEmpty());
        QVERIFY(SyncWarnings::clockWarning(5 * 60000).contains(u"behind"_s));
        QVERIFY(SyncWarnings::clockWarning(-5 * 60000).contains(u"ahead"_s));
    }

    void fastCounterIsWarnedAndRecorded()
    {
        const QString dir = m_dir->filePath(u"w07"_s);
        auto store = enrolled(*m_server, dir, u"W07"_s);
        acceptCase(*store, 0, 0, 1);
        const Result<RoundReport> report = roundWithClock(*store, 300);
        QVERIFY2(report.has_value(), report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->eventsSent, 2);
        const qint64 offset = store->syncValue(SyncSettings::kClockOffset)->toLongLong();
        QVERIFY2(qAbs(offset + 300000) < 10000, qPrintable(QString::number(offset)));
        const QStringList warnings = SyncWarnings::of(*store).value();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(u"5 minute"_s), qPrintable(warnings.first()));

        QString output;
        QCOMPARE(runCli({u"sync"_s, u"status"_s, u"--data-dir"_s, dir}, &output), 0);
        QVERIFY2(output.contains(u"5 minute"_s), qPrintable(output));
        QCOMPARE(
            runCli({u"server"_s, u"counters"_s, u"--json"_s, u"--data-dir"_s, m_dir->filePath(u"server"_s)},
                &output),
            0);
        const QJsonArray counters = QJsonDocument::fromJson(output.toUtf8()).array();
        QCOMPARE(counters.size(), 1);
        QCOMPARE(counters.first().toObject().value("counter"_L1).toString(), u"W07"_s);
        QVERIFY(qAbs(counters.first().toObject().value("skewMs"_L1).toDouble() - 300000) < 10000);
        QVERIFY(counters.first().toObject().value("off"_L1).toBool());

        // Set right: the warning goes with the next round.
        QVERIFY(roundWithClock(*store, 0).has_value());
        QVERIFY(SyncWarnings::of(*store)->isEmpty());
    }

    void slowCounterIsWarned()
    {
        auto store = enrolled(*m_server, m_dir->filePath(u"w08"_s), u"W08"_s);
        QVERIFY(roundWithClock(*store, -2 * 3600).has_value());
        const QStringList warnings = SyncWarnings::of(*store).value();
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().contains(u"120 minute"_s), qPrintable(warnings.first()));
    }
};

QTEST_GUILESS_MAIN(TestClockSkew)
#include "tst_clockSkew.moc"
