// The queue's pure domain: ticket moves at a counter against the rules (calls, recalls, no-shows,
// parking, transfers), the calling order (绿色通道, the walk-in cap, appointments in their window,
// stealing by an idle counter) and the settings with their SMS texts.

#include "queue/CallOrder.h"
#include "queue/QueueRules.h"
#include "queue/TicketLifecycle.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::queue;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNine(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC);

Ticket ticket(
    qint64 id, PriorityClass priority, int issuedMinutesAfterNine, const QString &counter = QString())
{
    Ticket t;
    t.id = id;
    t.hall = u"33030201"_s;
    t.number = u"A%1"_s.arg(id, 3, 10, QLatin1Char('0'));
    t.area = u"A"_s;
    t.priority = priority;
    t.counter = counter;
    t.issued = kNine.addSecs(qint64(issuedMinutesAfterNine) * 60);
    return t;
}

QueueCounter counter(const QString &id, const QStringList &matters = {})
{
    QueueCounter c;
    c.hall = u"33030201"_s;
    c.id = id;
    c.state = CounterState::Open;
    c.clerk = u"1001"_s;
    c.matters = matters;
    return c;
}

} // namespace

class TestQueueRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callsRecallsAndNoShow();
    void movesOnlyAtTheCallingCounter();
    void parkAndCallBack();
    void transferKeepsNumberAndPlace();
    void priorityOrder();
    void walkInCap();
    void appointmentOutsideWindowWaitsAsWalkIn();
    void stealingTakesFromAnotherLine();
    void matterLimitsTheLine();
    void settingsAndSmsTexts();
    void badSettingsRefused();
};

void TestQueueRules::callsRecallsAndNoShow()
{
    QueueRules rules;
    rules.maxCalls = 3;
    rules.recallAfterMinutes = 2;
    Ticket t = ticket(1, PriorityClass::WalkIn, 0);
    QVERIFY(TicketLifecycle::call(t, u"W01"_s, u"1001"_s, kNine.addSecs(600)));
    QCOMPARE(t.state, TicketState::Called);
    QCOMPARE(t.callCount, 1);
    QCOMPARE(*t.waitMinutes(), 10.0);
    // Too soon: the recall waits its two minutes.
    Result<void> early = TicketLifecycle::recall(t, u"W01"_s, kNine.addSecs(660), rules);
    QVERIFY(!early);
    QVERIFY(early.error().message().contains(u"60"_s));
    QCOMPARE(t.callCount, 1);
    QVERIFY(TicketLifecycle::recall(t, u"W01"_s, kNine.addSecs(720), rules));
    QVERIFY(TicketLifecycle::recall(t, u"W01"_s, kNine.addSecs(840), rules));
    QCOMPARE(t.callCount, 3);
    // The fourth call is refused: the rules allow three, then the ticket is a no-show.
    Result<void> fourth = TicketLifecycle::recall(t, u"W01"_s, kNine.addSecs(1200), rules);
    QVERIFY(!fourth);
    QCOMPARE(t.callCount, 3);
    QVERIFY(TicketLifecycle::noShow(t, u"W01"_s, kNine.addSecs(1200)));
    QCOMPARE(t.state, TicketState::NoShow);
    QVERIFY(isFinal(t.state));
    QVERIFY(!TicketLifecycle::call(t, u"W01"_s, u"1001"_s, kNine.addSecs(1300)));
    // The first call time stays the one the wait is measured to.
    QCOMPARE(*t.waitMinutes(), 10.0);
}

void TestQueueRules::movesOnlyAtTheCallingCounter()
{
    Ticket t = ticket(1, PriorityClass::WalkIn, 0);
    QVERIFY(TicketLifecycle::call(t, u"W01"_s, u"1001"_s, kNine));
    QVERIFY(!TicketLifecycle::serve(t, u"W02"_s, kNine));
    QVERIFY(!TicketLifecycle::noShow(t, u"W02"_s, kNine));
    QVERIFY(!TicketLifecycle::finish(t, u"W01"_s, kNine)); // not served yet
    QVERIFY(TicketLifecycle::serve(t, u"W01"_s, kNine.addSecs(60)));
    QVERIFY(!TicketLifecycle::noShow(t, u"W01"_s, kNine.addSecs(60))); // it came
    QVERIFY(TicketLifecycle::finish(t, u"W01"_s, kNine.addSecs(60 + 480)));
    QCOMPARE(*t.serviceMinutes(), 8.0);
}

void TestQueueRules::parkAndCallBack()
{
    Ticket t = ticket(1, PriorityClass::WalkIn, 0);
    QVERIFY(!TicketLifecycle::park(t, u"W01"_s, kNine)); // never called
    QVERIFY(TicketLifecycle::call(t, u"W01"_s, u"1001"_s, kNine));
    QVERIFY(TicketLifecycle::serve(t, u"W01"_s, kNine));
    QVERIFY(TicketLifecycle::park(t, u"W01"_s, kNine.addSecs(120)));
    QCOMPARE(t.state, TicketState::Parked);
    // Only the counter that parked it calls it back.
    QVERIFY(!TicketLifecycle::call(t, u"W02"_s, u"1002"_s, kNine.addSecs(600)));
    QVERIFY(TicketLifecycle::call(t, u"W01"_s, u"1001"_s, kNine.addSecs(600)));
    QCOMPARE(t.state, TicketState::Called);
    QCOMPARE(t.callCount, 2);
    QCOMPARE(t.firstCalled, kNine);
}

void TestQueueRules::transferKeepsNumberAndPlace()
{
    Ticket t = ticket(7, PriorityClass::Green, 5);
    QVERIFY(TicketLifecycle::call(t, u"W01"_s, u"1001"_s, kNine.addSecs(900)));
    QVERIFY(!TicketLifecycle::transfer(t, u"W01"_s, u"A"_s, u"W01"_s, kNine.addSecs(960)));
    Result<Ticket> next = TicketLifecycle::transfer(t, u"W01"_s, u"B"_s, u"W03"_s, kNine.addSecs(960));
    QVERIFY(next);
    QCOMPARE(t.state, TicketState::Transferred);
    QCOMPARE(next->number, t.number);
    QCOMPARE(next->area, u"B"_s);
    QCOMPARE(next->counter, u"W03"_s);
    QCOMPARE(next->state, TicketState::Issued);
    QCOMPARE(next->priority, PriorityClass::Green);
    QCOMPARE(next->issued, t.issued);
    QCOMPARE(next->transferredFrom, 7);
    QCOMPARE(next->callCount, 0);
}

void TestQueueRules::priorityOrder()
{
    QueueRules rules;
    Ticket walkIn = ticket(1, PriorityClass::WalkIn, 0);
    Ticket appointment = ticket(2, PriorityClass::Appointment, 2);
    appointment.windowStart = kNine;
    appointment.windowEnd = kNine.addSecs(3600);
    Ticket green = ticket(3, PriorityClass::Green, 4);
    Ticket laterWalkIn = ticket(4, PriorityClass::WalkIn, 1);
    const QList<Ticket> waiting {walkIn, appointment, green, laterWalkIn};
    const QDateTime now = kNine.addSecs(300);
    const QList<Ticket> line = CallOrder::lineOf(counter(u"W01"_s), waiting, now, rules);
    QCOMPARE(line.size(), 4);
    QCOMPARE(line.at(0).id, 3);
    QCOMPARE(line.at(1).id, 2);
    QCOMPARE(line.at(2).id, 1);
    QCOMPARE(line.at(3).id, 4);
    QCOMPARE(CallOrder::next(counter(u"W01"_s), waiting, now, rules)->ticketId, 3);
}

void TestQueueRules::walkInCap()
{
    QueueRules rules;
    rules.walkInCapMinutes = 30;
    Ticket walkIn = ticket(1, PriorityClass::WalkIn, 0);
    Ticket appointment = ticket(2, PriorityClass::Appointment, 25);
    appointment.windowStart = kNine.addSecs(1800);
    appointment.windowEnd = kNine.addSecs(3600);
    const QueueCounter w01 = counter(u"W01"_s);
    // At 9:29 the appointment (inside its window) goes first; from 9:30 the walk-in has been pushed
    // back long enough and goes first.
    QCOMPARE(CallOrder::next(w01, {walkIn, appointment}, kNine.addSecs(29 * 60), rules)->ticketId, 2);
    QCOMPARE(CallOrder::next(w01, {walkIn, appointment}, kNine.addSecs(30 * 60), rules)->ticketId, 1);
    // 绿色通道 still goes before a capped walk-in.
    Ticket green = ticket(3, PriorityClass::Green, 29);
    QCOMPARE(CallOrder::next(w01, {walkIn, appointment, green}, kNine.addSecs(40 * 60), rules)->ticketId, 3);
}

void TestQueueRules::appointmentOutsideWindowWaitsAsWalkIn()
{
    QueueRules rules;
    rules.appointmentEarlyMinutes = 10;
    rules.walkInCapMinutes = 120;
    Ticket walkIn = ticket(1, PriorityClass::WalkIn, 0);
    Ticket early = ticket(2, PriorityClass::Appointment, 1);
    early.windowStart = kNine.addSecs(3600);
    early.windowEnd = kNine.addSecs(5400);
    const QueueCounter w01 = counter(u"W01"_s);
    QCOMPARE(CallOrder::next(w01, {walkIn, early}, kNine.addSecs(300), rules)->ticketId, 1);
    // Ten minutes before its window it counts as inside.
    QCOMPARE(CallOrder::rank(early, kNine.addSecs(50 * 60), rules), 2);
    QCOMPARE(CallOrder::rank(early, kNine.addSecs(49 * 60), rules), 3);
    // After the window it is a walk-in again.
    QCOMPARE(CallOrder::rank(early, kNine.addSecs(5401), rules), 3);
}

void TestQueueRules::stealingTakesFromAnotherLine()
{
    QueueRules rules;
    const QList<Ticket> waiting {ticket(1, PriorityClass::WalkIn, 0, u"W02"_s),
        ticket(2, PriorityClass::WalkIn, 1, u"W02"_s), ticket(3, PriorityClass::WalkIn, 2, u"W03"_s)};
    std::optional<CallOrder::Choice> choice = CallOrder::next(counter(u"W01"_s), waiting, kNine, rules);
    QVERIFY(choice);
    QCOMPARE(choice->ticketId, 1);
    QVERIFY(choice->stolen);
    // Its own line first.
    QList<Ticket> withOwn = waiting;
    withOwn.append(ticket(4, PriorityClass::WalkIn, 3, u"W01"_s));
    QCOMPARE(CallOrder::next(counter(u"W01"_s), withOwn, kNine, rules)->ticketId, 4);
    QVERIFY(!CallOrder::next(counter(u"W01"_s), withOwn, kNine, rules)->stolen);
    rules.stealing = false;
    QVERIFY(!CallOrder::next(counter(u"W01"_s), waiting, kNine, rules));
}

void TestQueueRules::matterLimitsTheLine()
{
    QueueRules rules;
    Ticket tax = ticket(1, PriorityClass::Green, 0);
    tax.matter = u"TAX-1"_s;
    Ticket licence = ticket(2, PriorityClass::WalkIn, 1);
    licence.matter = u"LIC-1"_s;
    Ticket unsure = ticket(3, PriorityClass::WalkIn, 2);
    const QueueCounter w01 = counter(u"W01"_s, {u"LIC-1"_s});
    const QList<Ticket> line = CallOrder::lineOf(w01, {tax, licence, unsure}, kNine, rules);
    QCOMPARE(line.size(), 2);
    QCOMPARE(line.at(0).id, 2);
    QCOMPARE(line.at(1).id, 3); // a visitor not sure of the matter goes to any counter of the area
    QueueCounter otherArea = counter(u"W09"_s);
    otherArea.areas = {u"B"_s};
    QVERIFY(!CallOrder::next(otherArea, {tax, licence, unsure}, kNine, rules));
}

void TestQueueRules::settingsAndSmsTexts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"queue.conf"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[queue]\nmax_calls=2\nrecall_after_minutes=0\nstealing=off\nareas=A, B\n"
                   "display_silent=on\nsms_called=请 {number} 号到 {counter} 号窗口, 谢谢\n");
    }
    QSettings settings(path, QSettings::IniFormat);
    Result<QueueRules> rules = QueueRules::load(settings);
    QVERIFY2(rules, rules ? "" : qPrintable(rules.error().message()));
    QCOMPARE(rules->maxCalls, 2);
    QCOMPARE(rules->recallAfterMinutes, 0);
    QVERIFY(!rules->stealing);
    QVERIFY(rules->displaySilent);
    QVERIFY(!QueueRules().displaySilent); // the display speaks unless the hall says otherwise
    QCOMPARE(rules->areas, (QStringList {u"A"_s, u"B"_s}));
    QCOMPARE(rules->targetWaitMinutes, 20); // unset keys keep their defaults
    QCOMPARE(rules->renderSms(SmsKind::Called, {u"A012"_s, 5, 0, 0}), u"请 A012 号到 5 号窗口, 谢谢"_s);
    QCOMPARE(rules->renderSms(SmsKind::Issued, {u"A012"_s, 0, 2, 12}),
        u"您已取号 A012，前方 2 人，预计等候 12 分钟，请留意叫号。"_s);
    QCOMPARE(rules->renderSms(SmsKind::Next, {u"A012"_s, 5, 1, 0}),
        u"A012 号：前方还有 1 人，请到 5 号窗口附近等候。"_s);
}

void TestQueueRules::badSettingsRefused()
{
    const QList<QByteArray> bad {"[queue]\nmax_calls=0\n", "[queue]\nareas=a1\n",
        "[queue]\nsms_issued=您好 {name}，您已取号 {number}\n", "[queue]\nsms_next=\n",
        "[queue]\nstealing=maybe\n", "[queue]\ndisplay_silent=quiet\n"};
    for (const QByteArray &text : bad) {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"queue.conf"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
        file.close();
        QSettings settings(path, QSettings::IniFormat);
        Result<QueueRules> rules = QueueRules::load(settings);
        QVERIFY2(!rules, text.constData());
    }
    Result<void> personal = QueueRules::checkSmsText(u"queue/sms_called"_s, u"{mobile} 请到窗口"_s);
    QVERIFY(!personal);
    QVERIFY(personal.error().message().contains(u"{mobile}"_s));
}

QTEST_GUILESS_MAIN(TestQueueRules)
#include "tst_queueRules.moc"
