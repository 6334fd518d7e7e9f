#pragma once

#include "queue/QueueCounter.h"
#include "queue/QueueRules.h"
#include "queue/ServiceTimes.h"
#include "queue/Ticket.h"

#include <QList>

namespace ow::queue {

/// Smart dispatch (智能导办): a pure function from the hall's state to the counter a new ticket
/// goes to — the open counter whose clerk may take the ticket's matter and that will be free
/// soonest: the expected service times of the people called before it there, plus what is left of
/// the service under way, not merely the fewest tickets.
class Dispatch
{
public:
    struct Decision
    {
        QString counter; ///< empty when no open counter may take it: any counter of its area calls it
        int ahead = 0; ///< people called before it at that counter
        int expectedWaitMinutes = 0;
        QString reason; ///< "前方 2 人，预计 12 分钟", kept on the ticket and shown at the kiosk
    };

    /// `ticket` is the new ticket (area, matter, priority, window, issued = now); `tickets` the
    /// hall's tickets of the day (waiting, called and being served; others are ignored).
    static Decision choose(const Ticket &ticket, const QList<QueueCounter> &counters,
        const QList<Ticket> &tickets, const ServiceTimes &times, const QueueRules &rules,
        const QDateTime &now);

    /// The reason text for a decision.
    static QString reason(const QString &counter, int ahead, int minutes);
};

} // namespace ow::queue
