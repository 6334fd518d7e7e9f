#pragma once

#include "core/Result.h"
#include "queue/QueueRules.h"
#include "queue/Ticket.h"

namespace ow::queue {

/// The moves of one ticket at a counter, each checked against the rules: a refusal is an
/// Error::Code::Invalid whose message the clerk reads. The functions change the ticket only when
/// they succeed; storing it is the caller's business.
class TicketLifecycle
{
public:
    /// First call of an issued ticket, or a parked ticket called back by the counter that parked it.
    static Result<void> call(
        Ticket &ticket, const QString &counter, const QString &clerk, const QDateTime &now);
    /// Calls the same ticket again: same counter, not before recallAfterMinutes, at most maxCalls in all.
    static Result<void> recall(
        Ticket &ticket, const QString &counter, const QDateTime &now, const QueueRules &rules);
    /// The visitor came: service starts.
    static Result<void> serve(Ticket &ticket, const QString &counter, const QDateTime &now);
    static Result<void> finish(Ticket &ticket, const QString &counter, const QDateTime &now);
    /// The visitor did not come to a called ticket.
    static Result<void> noShow(Ticket &ticket, const QString &counter, const QDateTime &now);
    /// The visitor steps away (a copy to make, a document to fetch); the counter calls it back later.
    static Result<void> park(Ticket &ticket, const QString &counter, const QDateTime &now);
    /// Ends this ticket as transferred and returns its continuation: issued again, same number,
    /// priority and issue time, for `toCounter` (may be empty: any counter) in `toArea`.
    static Result<Ticket> transfer(Ticket &ticket, const QString &counter, const QString &toArea,
        const QString &toCounter, const QDateTime &now);

private:
    static Result<void> atCounter(const Ticket &ticket, const QString &counter);
};

} // namespace ow::queue
