// Smart dispatch and the next call for a hall of 60 counters and 2,000 tickets a day: the cost of
// one decision with the day's busiest line waiting (docs/queue.md). Pure functions, no storage.

#include "queue/CallOrder.h"
#include "queue/Dispatch.h"

#include <QRandomGenerator>
#include <benchmark/benchmark.h>

using namespace ow::queue;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kNine(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC);

struct Hall
{
    QList<QueueCounter> counters;
    QList<Ticket> tickets;
    ServiceTimes times {10, 3};
};

// 60 counters, a third of them limited to 20 of 200 matters; `waiting` tickets in line (a peak
// hour of a 2,000-ticket day holds a few hundred), one visitor at each counter.
Hall makeHall(int waiting)
{
    QRandomGenerator random(2026);
    Hall hall;
    for (int i = 0; i < 60; ++i) {
        QueueCounter counter;
        counter.id = u"W%1"_s.arg(i + 1, 2, 10, QLatin1Char('0'));
        counter.state = i % 10 == 9 ? CounterState::Paused : CounterState::Open;
        if (i % 3 == 0)
            for (int m = 0; m < 20; ++m)
                counter.matters.append(u"M%1"_s.arg(random.bounded(200)));
        hall.counters.append(counter);
    }
    for (int m = 0; m < 200; ++m)
        for (int s = 0; s < 5; ++s)
            hall.times.addSample(u"M%1"_s.arg(m), 3 + random.bounded(30));
    hall.times.update();
    for (int i = 0; i < waiting + 60; ++i) {
        Ticket ticket;
        ticket.id = i + 1;
        ticket.area = u"A"_s;
        ticket.matter = u"M%1"_s.arg(random.bounded(200));
        ticket.priority = random.bounded(20) == 0 ? PriorityClass::Green : PriorityClass::WalkIn;
        ticket.issued = kNine.addSecs(i * 10);
        if (i < 60) {
            ticket.state = TicketState::Serving;
            ticket.calledBy = hall.counters.at(i).id;
            ticket.servingSince = kNine.addSecs(i * 10);
        } else {
            ticket.counter = random.bounded(10) == 0 ? QString() : hall.counters.at(random.bounded(60)).id;
        }
        hall.tickets.append(ticket);
    }
    return hall;
}

void BM_Dispatch(benchmark::State &state)
{
    const Hall hall = makeHall(int(state.range(0)));
    const QueueRules rules;
    Ticket ticket;
    ticket.id = 1 << 30;
    ticket.area = u"A"_s;
    ticket.matter = u"M7"_s;
    const QDateTime now = kNine.addSecs(3 * 3600);
    ticket.issued = now;
    for (auto _ : state)
        benchmark::DoNotOptimize(
            Dispatch::choose(ticket, hall.counters, hall.tickets, hall.times, rules, now));
}

void BM_CallNext(benchmark::State &state)
{
    const Hall hall = makeHall(int(state.range(0)));
    const QueueRules rules;
    const QDateTime now = kNine.addSecs(3 * 3600);
    for (auto _ : state)
        benchmark::DoNotOptimize(CallOrder::next(hall.counters.at(4), hall.tickets, now, rules));
}

// A whole day: 2,000 tickets dispatched one after another into a line that grows and is served.
void BM_DayOfDispatch(benchmark::State &state)
{
    Hall hall = makeHall(0);
    const QueueRules rules;
    for (auto _ : state) {
        QList<Ticket> tickets = hall.tickets;
        for (int i = 0; i < 2000; ++i) {
            Ticket ticket;
            ticket.id = 1000 + i;
            ticket.area = u"A"_s;
            ticket.matter = u"M%1"_s.arg(i % 200);
            const QDateTime now = kNine.addSecs(i * 14);
            ticket.issued = now;
            const Dispatch::Decision decision
                = Dispatch::choose(ticket, hall.counters, tickets, hall.times, rules, now);
            ticket.counter = decision.counter;
            tickets.append(ticket);
            // Calls keep about 300 waiting, as in a busy hour.
            if (tickets.size() > 360)
                tickets.removeAt(60);
        }
        benchmark::DoNotOptimize(tickets);
    }
}

} // namespace

BENCHMARK(BM_Dispatch)->Arg(100)->Arg(300)->Arg(1000);
BENCHMARK(BM_CallNext)->Arg(100)->Arg(300)->Arg(1000);
BENCHMARK(BM_DayOfDispatch)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
