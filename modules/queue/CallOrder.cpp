#include "queue/CallOrder.h"

#include <algorithm>

namespace ow::queue {

namespace {

bool insideWindow(const Ticket &ticket, const QDateTime &now, const QueueRules &rules)
{
    if (!ticket.windowStart.isValid() || !ticket.windowEnd.isValid())
        return false;
    return now >= ticket.windowStart.addSecs(-qint64(rules.appointmentEarlyMinutes) * 60)
        && now <= ticket.windowEnd;
}

} // namespace

int CallOrder::rank(const Ticket &ticket, const QDateTime &now, const QueueRules &rules)
{
    if (ticket.priority == PriorityClass::Green)
        return 0;
    if (ticket.priority == PriorityClass::Appointment && insideWindow(ticket, now, rules))
        return 2;
    // The cap: priority tickets may push a walk-in back, but not for longer than this.
    if (ticket.issued.isValid() && ticket.issued.secsTo(now) >= qint64(rules.walkInCapMinutes) * 60)
        return 1;
    return 3;
}

bool CallOrder::before(const Ticket &a, const Ticket &b, const QDateTime &now, const QueueRules &rules)
{
    const int rankA = rank(a, now, rules);
    const int rankB = rank(b, now, rules);
    if (rankA != rankB)
        return rankA < rankB;
    // Appointments in their windows in the order they booked their time.
    if (rankA == 2 && a.windowStart != b.windowStart)
        return a.windowStart < b.windowStart;
    if (a.issued != b.issued)
        return a.issued < b.issued;
    return a.id < b.id;
}

bool CallOrder::inLineOf(const Ticket &ticket, const QueueCounter &counter)
{
    if (ticket.counter.isEmpty())
        return counter.mayTake(ticket.area, ticket.matter);
    return ticket.counter == counter.id;
}

QList<Ticket> CallOrder::lineOf(
    const QueueCounter &counter, const QList<Ticket> &waiting, const QDateTime &now, const QueueRules &rules)
{
    QList<Ticket> line;
    for (const Ticket &ticket : waiting)
        if (ticket.state == TicketState::Issued && inLineOf(ticket, counter))
            line.append(ticket);
    std::stable_sort(
        line.begin(), line.end(), [&](const Ticket &a, const Ticket &b) { return before(a, b, now, rules); });
    return line;
}

std::optional<CallOrder::Choice> CallOrder::next(
    const QueueCounter &counter, const QList<Ticket> &waiting, const QDateTime &now, const QueueRules &rules)
{
    const Ticket *own = nullptr;
    const Ticket *elsewhere = nullptr;
    for (const Ticket &ticket : waiting) {
        if (ticket.state != TicketState::Issued)
            continue;
        if (inLineOf(ticket, counter)) {
            if (!own || before(ticket, *own, now, rules))
                own = &ticket;
        } else if (rules.stealing && counter.mayTake(ticket.area, ticket.matter)) {
            if (!elsewhere || before(ticket, *elsewhere, now, rules))
                elsewhere = &ticket;
        }
    }
    if (own)
        return Choice {own->id, false};
    if (elsewhere)
        return Choice {elsewhere->id, true};
    return std::nullopt;
}

} // namespace ow::queue
