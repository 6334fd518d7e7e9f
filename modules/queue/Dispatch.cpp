#include "queue/Dispatch.h"

#include "queue/CallOrder.h"

#include <QCoreApplication>
#include <QHash>
#include <cmath>

namespace ow::queue {

namespace {

struct Load
{
    double minutes = 0;
    double ahead = 0;
};

} // namespace

QString Dispatch::reason(const QString &counter, int ahead, int minutes)
{
    if (counter.isEmpty())
        return QCoreApplication::translate(
            "ow::queue", "No counter for it is open now; please wait for the call.");
    return QCoreApplication::translate("ow::queue", "%1 ahead, about %2 minutes").arg(ahead).arg(minutes);
}

Dispatch::Decision Dispatch::choose(const Ticket &ticket, const QList<QueueCounter> &counters,
    const QList<Ticket> &tickets, const ServiceTimes &times, const QueueRules &rules, const QDateTime &now)
{
    QHash<QString, qsizetype> index;
    QList<Load> loads(counters.size());
    QList<qsizetype> open;
    QList<bool> eligible(counters.size(), false);
    for (qsizetype i = 0; i < counters.size(); ++i) {
        const QueueCounter &counter = counters.at(i);
        index.insert(counter.id, i);
        if (counter.state != CounterState::Open)
            continue;
        open.append(i);
        eligible[i] = counter.mayTake(ticket.area, ticket.matter);
    }
    Decision decision;
    int aheadAnywhere = 0;
    for (const Ticket &other : tickets) {
        const double expected = times.expectedMinutes(other.matter);
        if (other.state == TicketState::Called || other.state == TicketState::Serving) {
            // What is left of the service under way; a call not answered yet counts in full.
            const auto at = index.constFind(other.calledBy);
            if (at == index.cend())
                continue;
            const QDateTime start
                = other.state == TicketState::Serving ? other.servingSince : other.lastCalled;
            const double elapsed = start.isValid() ? double(start.secsTo(now)) / 60.0 : 0;
            loads[*at].minutes += std::max(0.0, expected - elapsed);
            continue;
        }
        if (other.state != TicketState::Issued || !CallOrder::before(other, ticket, now, rules))
            continue;
        if (other.area == ticket.area)
            ++aheadAnywhere;
        if (!other.counter.isEmpty()) {
            if (const auto at = index.constFind(other.counter); at != index.cend()) {
                loads[*at].minutes += expected;
                loads[*at].ahead += 1;
            }
            continue;
        }
        // A ticket sent to no counter is called by whichever counter that may take it is free
        // first: each such open counter carries its share.
        int takers = 0;
        for (qsizetype i : std::as_const(open))
            takers += counters.at(i).mayTake(other.area, other.matter) ? 1 : 0;
        for (qsizetype i : std::as_const(open))
            if (eligible.at(i) && counters.at(i).mayTake(other.area, other.matter)) {
                loads[i].minutes += expected / double(takers);
                loads[i].ahead += 1.0 / double(takers);
            }
    }
    qsizetype best = -1;
    for (qsizetype i : std::as_const(open)) {
        if (!eligible.at(i))
            continue;
        if (best < 0)
            best = i;
        else if (loads.at(i).minutes < loads.at(best).minutes - 1e-9)
            best = i;
        else if (std::abs(loads.at(i).minutes - loads.at(best).minutes) <= 1e-9
            && (loads.at(i).ahead < loads.at(best).ahead
                || (loads.at(i).ahead == loads.at(best).ahead && counters.at(i).id < counters.at(best).id)))
            best = i;
    }
    if (best < 0) {
        decision.ahead = aheadAnywhere;
        decision.reason = reason(QString(), decision.ahead, 0);
        return decision;
    }
    decision.counter = counters.at(best).id;
    decision.ahead = int(std::lround(loads.at(best).ahead));
    decision.expectedWaitMinutes = int(std::lround(loads.at(best).minutes));
    decision.reason = reason(decision.counter, decision.ahead, decision.expectedWaitMinutes);
    return decision;
}

} // namespace ow::queue
