#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "core/Result.h"
#include "supervision/SupervisionRules.h"
#include "supervision/Warning.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <optional>

namespace ow {
class WorkingCalendar;
}

namespace ow::supervision {

/// A bad rating's follow-up item (差评整改): opened by every rating of 1 or 2, with two deadlines —
/// the applicant called back within SupervisionRules::followUpContactDays, the problem fixed within
/// followUpFixDays — who called and what was agreed, and its closing. Overdue, it is a warning.
struct FollowUp
{
    QString id; ///< the rating event's id: one item per bad rating
    QString caseNumber;
    QString matterName;
    QString departmentId;
    QString departmentName;
    QString clerk; ///< the clerk who served and was rated
    QString clerkName;
    int rating = 0; ///< 1 or 2
    QDateTime rated; ///< UTC
    QDate contactDue;
    QDate fixDue;
    QDateTime contacted; ///< null until the applicant was called back
    QString contactedBy;
    QString agreed; ///< what was agreed with the applicant
    QDateTime closed; ///< null while open
    QString closedBy;
    QString closingNote;

    bool isBadRating() const { return rating == 1 || rating == 2; }
    /// The item a rating event opens; nullopt for a note that is not a rating of 1 or 2. Fails when
    /// the calendar has no data for the deadlines.
    static Result<std::optional<FollowUp>> fromRating(const cases::Case &c, const cases::CaseEvent &event,
        const WorkingCalendar &calendar, const SupervisionRules &rules);
    /// The rating level of a note ({"evaluation": 1…5}); 0 for an event that is no rating.
    static int ratingOf(const cases::CaseEvent &event);

    /// The warnings of the item at the end of `today`: contact and fix, each yellow when
    /// SupervisionRules::yellowDays or fewer are left and red once late; nothing once done by then.
    QList<Warning> warnings(
        const WorkingCalendar &calendar, const SupervisionRules &rules, QDate today) const;

    QJsonObject toJson() const;
};

/// When a deadline stands at the end of `today`: yellow from `yellowDays` working days before
/// `due` (never before `start`), red from the day after; nothing while more are left. `allowYellow`
/// false for a stage with no time of its own to warn within (the same day).
struct DueColour
{
    Colour colour = Colour::Red;
    QDate since;
};
std::optional<DueColour> dueColour(const WorkingCalendar &calendar, QDate start, QDate due, QDate today,
    int yellowDays, bool allowYellow = true);

} // namespace ow::supervision
