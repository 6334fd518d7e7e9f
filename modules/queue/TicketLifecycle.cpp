#include "queue/TicketLifecycle.h"

#include <QCoreApplication>

namespace ow::queue {

namespace {

Failure refused(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

Failure wrongState(const Ticket &ticket, const QString &action)
{
    return refused(QCoreApplication::translate("ow::queue", "Ticket %1 is %2: %3 is not possible.")
                       .arg(ticket.number, stateName(ticket.state), action));
}

} // namespace

Result<void> TicketLifecycle::atCounter(const Ticket &ticket, const QString &counter)
{
    if (ticket.calledBy != counter)
        return refused(QCoreApplication::translate("ow::queue", "Ticket %1 was called by counter %2, not %3.")
                           .arg(ticket.number, ticket.calledBy, counter));
    return {};
}

Result<void> TicketLifecycle::call(
    Ticket &ticket, const QString &counter, const QString &clerk, const QDateTime &now)
{
    if (ticket.state == TicketState::Parked) {
        if (Result<void> here = atCounter(ticket, counter); !here)
            return here;
    } else if (ticket.state != TicketState::Issued) {
        return wrongState(ticket, QCoreApplication::translate("ow::queue", "calling it"));
    }
    ticket.state = TicketState::Called;
    ticket.callCount += 1;
    ticket.calledBy = counter;
    ticket.clerk = clerk;
    if (!ticket.firstCalled.isValid())
        ticket.firstCalled = now;
    ticket.lastCalled = now;
    return {};
}

Result<void> TicketLifecycle::recall(
    Ticket &ticket, const QString &counter, const QDateTime &now, const QueueRules &rules)
{
    if (ticket.state != TicketState::Called)
        return wrongState(ticket, QCoreApplication::translate("ow::queue", "calling it again"));
    if (Result<void> here = atCounter(ticket, counter); !here)
        return here;
    if (ticket.callCount >= rules.maxCalls)
        return refused(QCoreApplication::translate(
            "ow::queue", "Ticket %1 was called %2 times already; mark it as a no-show.")
                           .arg(ticket.number)
                           .arg(ticket.callCount));
    const QDateTime allowed = ticket.lastCalled.addSecs(qint64(rules.recallAfterMinutes) * 60);
    if (now < allowed) {
        const qint64 seconds = now.secsTo(allowed);
        return refused(QCoreApplication::translate("ow::queue", "Ticket %1 can be called again in %2 s.")
                           .arg(ticket.number)
                           .arg(seconds));
    }
    ticket.callCount += 1;
    ticket.lastCalled = now;
    return {};
}

Result<void> TicketLifecycle::serve(Ticket &ticket, const QString &counter, const QDateTime &now)
{
    if (ticket.state != TicketState::Called)
        return wrongState(ticket, QCoreApplication::translate("ow::queue", "starting its service"));
    if (Result<void> here = atCounter(ticket, counter); !here)
        return here;
    ticket.state = TicketState::Serving;
    ticket.servingSince = now;
    return {};
}

Result<void> TicketLifecycle::finish(Ticket &ticket, const QString &counter, const QDateTime &now)
{
    if (ticket.state != TicketState::Serving)
        return wrongState(ticket, QCoreApplication::translate("ow::queue", "finishing it"));
    if (Result<void> here = atCounter(ticket, counter); !here)
        return here;
    ticket.state = TicketState::Done;
    ticket.finished = now;
    return {};
}

Result<void> TicketLifecycle::noShow(Ticket &ticket, const QString &counter, const QDateTime &now)
{
    if (ticket.state != TicketState::Called)
        return wrongState(ticket, QCoreApplication::translate("ow::queue", "marking it as a no-show"));
    if (Result<void> here = atCounter(ticket, counter); !here)
        return here;
    ticket.state = TicketState::NoShow;
    ticket.finished = now;
    return {};
}

Result<void> TicketLifecycle::park(Ticket &ticket, const QString &counter, const QDateTime &now)
{
    if (ticket.state != TicketState::Called && ticket.state != TicketState::Serving)
        return wrongState(ticket, QCoreApplication::translate("ow::queue", "parking it"));
    if (Result<void> here = atCounter(ticket, counter); !here)
        return here;
    Q_UNUSED(now);
    ticket.state = TicketState::Parked;
    return {};
}

Result<Ticket> TicketLifecycle::transfer(Ticket &ticket, const QString &counter, const QString &toArea,
    const QString &toCounter, const QDateTime &now)
{
    if (ticket.state != TicketState::Called && ticket.state != TicketState::Serving)
        return wrongState(ticket, QCoreApplication::translate("ow::queue", "transferring it"));
    if (Result<void> here = atCounter(ticket, counter); !here)
        return failWith(here.error());
    if (toCounter == counter)
        return refused(QCoreApplication::translate("ow::queue", "Ticket %1 is at counter %2 already.")
                           .arg(ticket.number, counter));
    Ticket next = ticket;
    next.id = 0;
    next.area = toArea.isEmpty() ? ticket.area : toArea;
    next.counter = toCounter;
    next.state = TicketState::Issued;
    next.callCount = 0;
    next.calledBy.clear();
    next.clerk.clear();
    next.firstCalled = {};
    next.lastCalled = {};
    next.servingSince = {};
    next.finished = {};
    next.transferredFrom = ticket.id;
    ticket.state = TicketState::Transferred;
    ticket.finished = now;
    return next;
}

} // namespace ow::queue
