#include "intake/ServiceRating.h"

namespace ow::intake {

cases::CaseEvent ServiceRating::event(
    drivers::evaluator::Rating rating, const QString &clerk, const QString &matter, const QString &ticket)
{
    cases::CaseEvent event;
    event.kind = cases::EventKind::Note;
    event.clerk = clerk;
    event.payload.insert(QStringLiteral("evaluation"), rating.value());
    // A bad rating must be followed up within a working day: the flag is what supervision lists.
    if (rating.isBad())
        event.payload.insert(QStringLiteral("followUp"), true);
    // The queue's figures and supervision read the rating without opening the case.
    if (!matter.isEmpty())
        event.payload.insert(QStringLiteral("matter"), matter);
    if (!ticket.isEmpty())
        event.payload.insert(QStringLiteral("ticket"), ticket);
    return event;
}

Result<cases::CaseEvent> ServiceRating::record(cases::CaseStore &store, const QString &caseNumber,
    drivers::evaluator::Rating rating, const QString &clerk)
{
    Result<cases::Case> rated = store.findByNumber(caseNumber);
    if (!rated)
        return failWith(rated.error());
    return store.appendEvent(caseNumber, event(rating, clerk, rated->matterCode, rated->ticket));
}

} // namespace ow::intake
