#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "core/Result.h"

namespace ow::cases {

/// What a case must hold before a decision is recorded (the state machine says which decision may
/// come next; these rules say whether this case is ready for it):
/// - accepted: the applicant form is complete and valid, nothing is missing or waived, no material
///   fails a review point;
/// - accepted with waiver: as accepted, but at least one waivable material is waived, each with a
///   supplement deadline, and nothing is missing;
/// - correction notice: something to tell — a missing material, a failed review point, or
///   `items` in the payload;
/// - refused, denied: `reasons` in the payload (a refusal without reasons is a supervision alert);
/// - withdrawn: the reason and who asked (Withdrawal).
class DecisionRules
{
public:
    static Result<void> check(const Case &c, const CaseEvent &event);
};

} // namespace ow::cases
