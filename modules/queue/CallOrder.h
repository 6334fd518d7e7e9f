#pragma once

#include "queue/QueueCounter.h"
#include "queue/QueueRules.h"
#include "queue/Ticket.h"

#include <QList>
#include <optional>

namespace ow::queue {

/// Who is called next at a counter, as a pure function of the waiting tickets, the time and the
/// rules. Calling order: 绿色通道; a walk-in pushed back for walkInCapMinutes; an appointment
/// inside its window; other walk-ins (and appointments outside their windows); within a class,
/// by issue time, then ticket id.
class CallOrder
{
public:
    /// 0 = called first. Defined for waiting (issued) tickets.
    static int rank(const Ticket &ticket, const QDateTime &now, const QueueRules &rules);
    /// Whether `a` is called before `b`.
    static bool before(const Ticket &a, const Ticket &b, const QDateTime &now, const QueueRules &rules);
    /// Whether the ticket waits in `counter`'s own line: sent there, or sent to no counter and of an
    /// area and matter the counter may take.
    static bool inLineOf(const Ticket &ticket, const QueueCounter &counter);
    /// The counter's own line in calling order (issued tickets only).
    static QList<Ticket> lineOf(const QueueCounter &counter, const QList<Ticket> &waiting,
        const QDateTime &now, const QueueRules &rules);

    struct Choice
    {
        qint64 ticketId = 0;
        bool stolen = false; ///< taken from another counter's line (rules.stealing)
    };
    /// The ticket `counter` calls next: the first of its own line; with stealing and an empty
    /// line, the first in calling order of the tickets waiting at other counters that it may take.
    static std::optional<Choice> next(const QueueCounter &counter, const QList<Ticket> &waiting,
        const QDateTime &now, const QueueRules &rules);
};

} // namespace ow::queue
