#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "cases/CaseStore.h"
#include "core/Deadline.h"

#include <QDate>
#include <QList>
#include <QString>

namespace ow {
class WorkingCalendar;
}

namespace ow::cases {

/// How a case stands against its promised deadline on a given day, as the case screens show it.
struct DeadlineStatus
{
    enum class Level
    {
        None, ///< no deadline runs: not accepted (draft, correction notice, refused)
        OnTrack, ///< more than CaseDeadline::kDueSoonDays working days left (green)
        DueSoon, ///< today up to kDueSoonDays working days left (amber)
        Overdue, ///< the promised deadline has passed without a decision (red)
        Paused, ///< the clock stands still (supplement awaited, inspection, expert review)
        Decided, ///< the department has decided; the deadline no longer runs
        Unknown, ///< the holiday calendar has no data for the days needed
    };

    Level level = Level::None;
    int daysLeft = 0; ///< working days left at the end of the day; 0 on the due date, negative once overdue
    QDate due; ///< the promised deadline; null when unknown (e.g. paused before it can be known)
    QDate start; ///< the acceptance date the count starts from (detail only)
    int promisedDays = 0; ///< detail only
    QList<Deadline::Pause> pauses; ///< detail only: when the clock stood or stands still
    QString problem; ///< Unknown: why, translated

    /// "3 working days left", "due today", "2 working days overdue", "paused, 4 days left"…
    QString text() const;
    /// The same for a table cell under a "working days left" heading: "3 left", "2 overdue", "paused".
    QString shortText() const;
};

/// Computes a case's DeadlineStatus. A list row knows only the stored promised deadline and the
/// state; the detail also reads the event log, so it counts the pauses.
///
/// Pauses of the decision clock come from the log, with WorkingCalendar's counting convention (the
/// day something happens is not counted): from the day after a supplement-requested event up to
/// and including the day of the supplemented event (补正期间不计入审查时限), and, for the time the
/// Administrative Licensing Law art. 45 leaves out (hearing, inspection, testing, expert review),
/// from the day after a note with payload {"clock": "pause", "reason": …} up to and including the
/// day of a note with {"clock": "resume"}.
class CaseDeadline
{
public:
    static constexpr int kDueSoonDays = 2;

    /// Whether the decision clock runs in this state (accepted, not paused, not yet decided).
    static bool clockRuns(cases::CaseState state);
    /// The colour class for a number of working days left.
    static DeadlineStatus::Level levelFor(int daysLeft);

    /// Working days left on `today` before a running clock reaches `due`: the working days after
    /// today up to and including the due date; 0 on the due date; once past it, minus the working
    /// days after the due date up to and including today — so a weekend or holiday adds nothing.
    /// The one count the list and the detail both show.
    static Result<int> daysLeft(const WorkingCalendar &calendar, QDate due, QDate today);
    /// A list row: working days from `today` to the stored promised deadline.
    static DeadlineStatus ofSummary(
        const cases::CaseSummary &summary, const WorkingCalendar &calendar, QDate today);
    /// The detail: counted from the acceptance with the pauses in the log.
    static DeadlineStatus ofCase(const cases::Case &c, const QList<cases::CaseEvent> &events,
        const WorkingCalendar &calendar, QDate today);
    /// The pauses recorded in a log (see the class comment), in order; the last may be open.
    static QList<Deadline::Pause> pauses(const QList<cases::CaseEvent> &events);
};

} // namespace ow::cases
