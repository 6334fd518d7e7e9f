#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "supervision/SupervisionRules.h"
#include "supervision/Warning.h"

#include <QDate>
#include <QHash>
#include <QList>

namespace ow {
class WorkingCalendar;
}

namespace ow::supervision {

/// The warning rules over one case (DOMAIN.md "Supervision", guide 三(七)): the whole case against
/// its promised deadline (CaseDeadline, pauses included) and each stage against its own time —
/// transfer, department review (the promised days less the result's), result, pickup — yellow
/// when SupervisionRules::yellowDays or fewer are left, red once late; and, red as they stand, a
/// refusal or correction notice without reasons, a transfer list not confirmed the day it was
/// made, a supplement past its date, a department with no status after N working days.
///
/// The events are the case's synced log in the server's order; only those up to the end of
/// `today` count, so the rules answer "what was warned on that day" as well as "now".
class CaseWarnings
{
public:
    /// Staff number → name, from the hall's accounts.
    using ClerkNames = QHash<QString, QString>;

    static QList<Warning> of(const cases::Case &c, const QList<cases::CaseEvent> &events,
        const WorkingCalendar &calendar, QDate today, const SupervisionRules &rules, const ClerkNames &names);

    /// The events up to the end of `day` (local time), in the order given.
    static QList<cases::CaseEvent> upTo(const QList<cases::CaseEvent> &events, QDate day);
};

} // namespace ow::supervision
