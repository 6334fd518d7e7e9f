#pragma once

#include "cases/CaseStore.h"
#include "cases/Supplements.h"
#include "core/Result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace ow::cases {

/// A case that awaits materials (补齐补正), as the case list shows it: no personal data in clear.
struct PendingSupplement
{
    QString caseNumber;
    QString matterName;
    QString applicantMasked;
    QString firstHandler;
    QList<AwaitedMaterial> awaited;

    /// The earliest date among the materials awaited; null when none has one.
    QDate due() const { return Supplements::nextDeadline(awaited); }
    bool isOverdue(const QDate &today) const { return Supplements::anyOverdue(awaited, today); }
};

/// Which cases of the store await materials and by when, for the case list: overdue supplements
/// are listed and coloured there. Only accepted cases the department has not decided yet await
/// anything (after approval or denial nothing handed in at the counter changes the decision); a
/// case awaits while a check is waived or a department's request is open (Supplements::awaited).
class SupplementWatch
{
public:
    /// Whether a case in `state` can still be given what it awaits: accepted, not yet decided by
    /// the department.
    static bool isOpen(CaseState state);
    /// Every case awaiting materials, the earliest due first (those without a date last); with
    /// `firstHandler`, only that clerk's cases.
    static Result<QList<PendingSupplement>> pending(const CaseStore &store, const QString &firstHandler = {});
};

} // namespace ow::cases
