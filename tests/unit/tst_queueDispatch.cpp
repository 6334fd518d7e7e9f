// Smart dispatch (智能导办) as a pure function: the open counter that may take the matter and will
// be free soonest by the expected service times (medians of the hall's own history, a default for
// new matters), not the one with the fewest tickets; the reason kept; the figures for supervision.

#include "queue/Dispatch.h"
#include "queue/QueueFigures.h"

#include <QTest>

using namespace ow;
using namespace ow::queue;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNine(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC);

QueueCounter counter(
    const QString &id, CounterState state = CounterState::Open, const QStringList &matters = {})
{
    QueueCounter c;
    c.id = id;
    c.state = state;
    c.clerk = u"1001"_s;
    c.matters = matters;
    return c;
}

Ticket waiting(qint64 id, const QString &counter, const QString &matter, int issuedMinute = 0)
{
    Ticket t;
    t.id = id;
    t.number = u"A%1"_s.arg(id, 3, 10, QLatin1Char('0'));
    t.area = u"A"_s;
    t.matter = matter;
    t.counter = counter;
    t.issued = kNine.addSecs(qint64(issuedMinute) * 60);
    return t;
}

Ticket newTicket(const QString &matter, PriorityClass priority = PriorityClass::WalkIn)
{
    Ticket t = waiting(1000, QString(), matter, 30);
    t.priority = priority;
    return t;
}

} // namespace

class TestQueueDispatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void soonestFreeNotFewestTickets();
    void onlyOpenCountersThatMayTakeIt();
    void serviceUnderWayCounts();
    void priorityTicketsSkipTheLine();
    void noCounterOpen();
    void medianWithDefault();
    void figures();
};

void TestQueueDispatch::soonestFreeNotFewestTickets()
{
    // W01 has one ticket of a long matter (median 40 min), W02 three of a quick one (median 4 min).
    ServiceTimes times(10, 3);
    for (double minutes : {38.0, 40.0, 45.0})
        times.addSample(u"LONG"_s, minutes);
    for (double minutes : {3.0, 4.0, 5.0, 4.0})
        times.addSample(u"QUICK"_s, minutes);
    times.update();
    const QList<Ticket> tickets {waiting(1, u"W01"_s, u"LONG"_s), waiting(2, u"W02"_s, u"QUICK"_s),
        waiting(3, u"W02"_s, u"QUICK"_s), waiting(4, u"W02"_s, u"QUICK"_s)};
    const QDateTime now = kNine.addSecs(1800);
    const Dispatch::Decision decision = Dispatch::choose(
        newTicket(u"QUICK"_s), {counter(u"W01"_s), counter(u"W02"_s)}, tickets, times, QueueRules(), now);
    QCOMPARE(decision.counter, u"W02"_s);
    QCOMPARE(decision.ahead, 3);
    QCOMPARE(decision.expectedWaitMinutes, 12);
    QCOMPARE(decision.reason, u"3 ahead, about 12 minutes"_s);
}

void TestQueueDispatch::onlyOpenCountersThatMayTakeIt()
{
    const ServiceTimes times(10);
    const QList<QueueCounter> counters {counter(u"W01"_s, CounterState::Paused),
        counter(u"W02"_s, CounterState::Closed), counter(u"W03"_s, CounterState::Open, {u"TAX"_s}),
        counter(u"W04"_s, CounterState::Open, {u"LIC"_s})};
    // W03 is idle but may not take LIC; W04 has a line and may.
    const QList<Ticket> tickets {waiting(1, u"W04"_s, u"LIC"_s), waiting(2, u"W04"_s, u"LIC"_s)};
    const Dispatch::Decision decision
        = Dispatch::choose(newTicket(u"LIC"_s), counters, tickets, times, QueueRules(), kNine.addSecs(1800));
    QCOMPARE(decision.counter, u"W04"_s);
    QCOMPARE(decision.ahead, 2);
    QCOMPARE(decision.expectedWaitMinutes, 20);
    // Not sure of the matter: any open counter, here the idle W03.
    QCOMPARE(Dispatch::choose(newTicket(QString()), counters, tickets, times, QueueRules(), kNine).counter,
        u"W03"_s);
}

void TestQueueDispatch::serviceUnderWayCounts()
{
    const ServiceTimes times(10);
    // Both lines are empty; W01 started a 10-minute service 2 minutes ago, W02 one 9 minutes ago.
    Ticket atOne = waiting(1, u"W01"_s, QString());
    atOne.state = TicketState::Serving;
    atOne.calledBy = u"W01"_s;
    atOne.servingSince = kNine.addSecs(1800 - 120);
    Ticket atTwo = waiting(2, u"W02"_s, QString());
    atTwo.state = TicketState::Serving;
    atTwo.calledBy = u"W02"_s;
    atTwo.servingSince = kNine.addSecs(1800 - 540);
    const Dispatch::Decision decision = Dispatch::choose(newTicket(QString()),
        {counter(u"W01"_s), counter(u"W02"_s)}, {atOne, atTwo}, times, QueueRules(), kNine.addSecs(1800));
    QCOMPARE(decision.counter, u"W02"_s);
    QCOMPARE(decision.ahead, 0);
    QCOMPARE(decision.expectedWaitMinutes, 1);
}

void TestQueueDispatch::priorityTicketsSkipTheLine()
{
    const ServiceTimes times(10);
    const QList<Ticket> tickets {waiting(1, u"W01"_s, QString()), waiting(2, u"W01"_s, QString()),
        waiting(3, u"W02"_s, QString()), waiting(4, u"W02"_s, QString()), waiting(5, u"W02"_s, QString())};
    Ticket green = newTicket(QString(), PriorityClass::Green);
    const Dispatch::Decision decision = Dispatch::choose(
        green, {counter(u"W01"_s), counter(u"W02"_s)}, tickets, times, QueueRules(), kNine.addSecs(1800));
    QCOMPARE(decision.ahead, 0);
    QCOMPARE(decision.expectedWaitMinutes, 0);
    QCOMPARE(decision.counter, u"W01"_s); // a tie goes to the first counter
}

void TestQueueDispatch::noCounterOpen()
{
    const ServiceTimes times(10);
    const QList<Ticket> tickets {waiting(1, QString(), QString()), waiting(2, QString(), QString())};
    const Dispatch::Decision decision = Dispatch::choose(newTicket(QString()),
        {counter(u"W01"_s, CounterState::Closed)}, tickets, times, QueueRules(), kNine.addSecs(1800));
    QVERIFY(decision.counter.isEmpty());
    QCOMPARE(decision.ahead, 2);
    QCOMPARE(decision.reason, u"No counter for it is open now; please wait for the call."_s);
    // Unassigned tickets are shared among the counters that may take them.
    const Dispatch::Decision shared = Dispatch::choose(newTicket(QString()),
        {counter(u"W01"_s), counter(u"W02"_s)}, tickets, times, QueueRules(), kNine.addSecs(1800));
    QCOMPARE(shared.ahead, 1);
    QCOMPARE(shared.expectedWaitMinutes, 10);
}

void TestQueueDispatch::medianWithDefault()
{
    ServiceTimes times(10, 3);
    times.addSample(u"M"_s, 6);
    times.addSample(u"M"_s, 20);
    times.update();
    QCOMPARE(times.expectedMinutes(u"M"_s), 10.0); // two samples: not yet learned
    times.addSample(u"M"_s, 8);
    times.addSample(u"M"_s, -5); // a clock set back is no service time
    times.update();
    QCOMPARE(times.expectedMinutes(u"M"_s), 8.0);
    times.addSample(u"M"_s, 12);
    times.update();
    QCOMPARE(times.expectedMinutes(u"M"_s), 10.0); // (8 + 12) / 2
    QCOMPARE(times.expectedMinutes(u"NEW"_s), 10.0);
}

void TestQueueDispatch::figures()
{
    QueueRules rules;
    rules.targetWaitMinutes = 15;
    QList<Ticket> tickets;
    // Ten tickets called after 1..10 × 3 minutes at W01 (9:00 UTC+8 hour), served 5 minutes each.
    for (int i = 1; i <= 10; ++i) {
        Ticket t = waiting(i, u"W01"_s, QString());
        t.calledBy = u"W01"_s;
        t.firstCalled = t.issued.addSecs(qint64(i) * 180);
        t.state = TicketState::Done;
        t.servingSince = t.firstCalled;
        t.finished = t.firstCalled.addSecs(300);
        tickets.append(t);
    }
    Ticket noShow = waiting(11, u"W02"_s, QString(), 70);
    noShow.calledBy = u"W02"_s;
    noShow.firstCalled = noShow.issued.addSecs(60);
    noShow.state = TicketState::NoShow;
    tickets.append(noShow);
    // A transfer's continuation is the same visit: not counted twice in waits or tickets.
    tickets[0].state = TicketState::Transferred;
    Ticket moved = tickets.at(0);
    moved.id = 12;
    moved.transferredFrom = 1;
    moved.calledBy = u"W02"_s;
    moved.firstCalled = moved.issued.addSecs(3600);
    moved.state = TicketState::Done;
    tickets.append(moved);
    const QueueFigures figures = QueueFigures::compute(tickets, rules, QTimeZone(8 * 3600));
    QCOMPARE(figures.total.tickets, 11);
    QCOMPARE(figures.total.called, 11);
    QCOMPARE(figures.total.served, 10);
    QCOMPARE(figures.total.noShows, 1);
    QCOMPARE(figures.perCounter.size(), 2);
    const QueueFigures::Row &w01 = figures.perCounter.at(0);
    QCOMPARE(w01.key, u"W01"_s);
    QCOMPARE(w01.averageWaitMinutes, 16.5);
    QCOMPARE(w01.p90WaitMinutes, 27.0);
    QCOMPARE(w01.withinTargetShare, 0.5);
    QCOMPARE(w01.averageServiceMinutes, 5.0);
    QCOMPARE(figures.perHour.size(), 2);
    QCOMPARE(figures.perHour.at(0).key, u"09"_s);
    QCOMPARE(figures.perHour.at(1).key, u"10"_s);
    QCOMPARE(figures.perHour.at(1).noShows, 1);
    QCOMPARE(QueueFigures::percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9.0);
    QCOMPARE(QueueFigures::percentile({}, 90), 0.0);
}

QTEST_GUILESS_MAIN(TestQueueDispatch)
#include "tst_queueDispatch.moc"
