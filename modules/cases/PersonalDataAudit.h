#pragma once

#include "cases/CaseStore.h"
#include "core/Result.h"

#include <QString>

namespace ow::cases {

/// The audit rows for personal data opened on the case screens: a role that sees the applicant's
/// data masked (supervisor, administrator) may show it in clear, and every such look is recorded.
class PersonalDataAudit
{
public:
    /// Records "applicant.viewed" on `caseNumber` for `clerk`, naming the role (its stable key).
    static Result<void> recordApplicantViewed(
        const CaseStore &store, const QString &clerk, const QString &roleKey, const QString &caseNumber);
};

} // namespace ow::cases
