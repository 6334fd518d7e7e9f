#include "core/Clock.h"
#include "core/ClockTimer.h"
#include "core/ManualClock.h"

#include <QSignalSpy>
#include <QTest>

using namespace ow;

/// The one Clock: the system one moves by itself, a ManualClock only when told, and a ClockTimer
/// comes due on its clock's time, not on the wall's.
class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void systemClockReadsUtcAndNeverGoesBack()
    {
        const Clock clock;
        QCOMPARE(clock.nowUtc().timeSpec(), Qt::UTC);
        QVERIFY(qAbs(clock.nowUtc().secsTo(QDateTime::currentDateTimeUtc())) < 5);
        const qint64 first = clock.monotonicMs();
        QVERIFY(clock.monotonicMs() >= first);
    }

    void fixedClockStandsStill()
    {
        const QDateTime noon(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC);
        const Clock clock = Clock::fixed(noon.toLocalTime());
        QCOMPARE(clock.nowUtc(), noon);
        QCOMPARE(clock.nowUtc().timeSpec(), Qt::UTC);
        QCOMPARE(clock.nowUtc(), clock.nowUtc());
        QCOMPARE(clock.today(), noon.toLocalTime().date());
    }

    void manualClockMovesWhenTold()
    {
        const QDateTime start(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC);
        const ManualClock manual(start);
        const Clock clock = manual.clock();
        QCOMPARE(clock.nowUtc(), start);
        manual.advance(1500);
        QCOMPARE(clock.nowUtc(), start.addMSecs(1500));
        QCOMPARE(clock.monotonicMs(), 1500);
        // Setting the wall time (a clock put right) does not move the monotonic reading.
        manual.set(start.addDays(1));
        QCOMPARE(clock.nowUtc(), start.addDays(1));
        QCOMPARE(clock.monotonicMs(), 1500);
    }

    void steppingClockMovesOnEachReading()
    {
        const QDateTime start(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC);
        const ManualClock manual(start, 1000);
        const Clock clock = manual.clock();
        QCOMPARE(clock.nowUtc(), start.addSecs(1));
        QCOMPARE(clock.nowUtc(), start.addSecs(2));
        QCOMPARE(manual.now(), start.addSecs(2)); // looking does not step
    }

    void timerComesDueOnItsClock()
    {
        const ManualClock manual;
        ClockTimer timer(manual.clock());
        QSignalSpy fired(&timer, &ClockTimer::timeout);
        timer.start(60000);
        QVERIFY(timer.isActive());
        QTest::qWait(30);
        QCOMPARE(fired.size(), 0);
        manual.advance(59999);
        QTest::qWait(30);
        QCOMPARE(fired.size(), 0);
        manual.advance(1);
        QTRY_COMPARE(fired.size(), 1);
        QVERIFY(!timer.isActive());
    }

    void stoppedTimerStaysQuiet()
    {
        const ManualClock manual;
        ClockTimer timer(manual.clock());
        QSignalSpy fired(&timer, &ClockTimer::timeout);
        timer.start(10);
        timer.stop();
        manual.advance(100);
        QTest::qWait(30);
        QCOMPARE(fired.size(), 0);
    }

    void dueTimerFiresFromTheEventLoop()
    {
        ClockTimer timer;
        QSignalSpy fired(&timer, &ClockTimer::timeout);
        timer.start(0);
        QCOMPARE(fired.size(), 0); // never from inside start()
        QTRY_COMPARE(fired.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
