#include "intake/ServiceRating.h"

namespace ow::intake {

cases::CaseEvent ServiceRating::event(drivers::evaluator::Rating rating, const QString &clerk)
{
    cases::CaseEvent event;
    event.kind = cases::EventKind::Note;
    event.clerk = clerk;
    event.payload.insert(QStringLiteral("evaluation"), rating.value());
    // A bad rating must be followed up within a working day: the flag is what supervision lists.
    if (rating.isBad())
        event.payload.insert(QStringLiteral("followUp"), true);
    return event;
}

Result<cases::CaseEvent> ServiceRating::record(cases::CaseStore &store, const QString &caseNumber,
    drivers::evaluator::Rating rating, const QString &clerk)
{
    return store.appendEvent(caseNumber, event(rating, clerk));
}

} // namespace ow::intake
