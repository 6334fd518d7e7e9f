#pragma once

#include "cases/CaseEvent.h"
#include "cases/CaseStore.h"
#include "core/Result.h"
#include "evaluator/Rating.h"

#include <QString>

namespace ow::intake {

/// The applicant's rating of the service (好差评) as the case records it: a note with the level,
/// flagged for follow-up when bad, written for the clerk who served, naming the matter and the queue
/// ticket the applicant was called with, so a rating is tied to ticket, case, clerk and matter. A rating
/// arrives from the evaluator after the decision, when the counter may already have started the next intake,
/// so it is recorded by case number rather than through the IntakeSession.
class ServiceRating
{
public:
    /// The note a rating is recorded as: {"evaluation": 1…5, "followUp": true for a bad rating,
    /// "matter", "ticket" when known}.
    static cases::CaseEvent event(drivers::evaluator::Rating rating, const QString &clerk,
        const QString &matter = {}, const QString &ticket = {});
    /// Appends the rating to the case in the store, for the clerk who served, with the case's matter
    /// and queue ticket.
    static Result<cases::CaseEvent> record(cases::CaseStore &store, const QString &caseNumber,
        drivers::evaluator::Rating rating, const QString &clerk);
};

} // namespace ow::intake
