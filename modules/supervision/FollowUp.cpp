#include "supervision/FollowUp.h"

#include "cases/CaseDeadline.h"
#include "cases/CaseJson.h"
#include "core/WorkingCalendar.h"

#include <QCoreApplication>

namespace ow::supervision {

using namespace Qt::StringLiterals;

std::optional<DueColour> dueColour(
    const WorkingCalendar &calendar, QDate start, QDate due, QDate today, int yellowDays, bool allowYellow)
{
    if (!due.isValid())
        return std::nullopt;
    if (today > due)
        return DueColour {Colour::Red, due.addDays(1)};
    if (!allowYellow)
        return std::nullopt;
    // The one count the case screens show (0 on the due date), so the desk and the counter agree.
    Result<int> left = cases::CaseDeadline::daysLeft(calendar, due, today);
    if (!left || *left > yellowDays)
        return std::nullopt;
    Result<QDate> from = calendar.addWorkingDays(due, -yellowDays);
    QDate since = from ? *from : today;
    if (start.isValid() && since < start)
        since = start;
    return DueColour {Colour::Yellow, since};
}

int FollowUp::ratingOf(const cases::CaseEvent &event)
{
    if (event.kind != cases::EventKind::Note)
        return 0;
    const int level = event.payload.value(u"evaluation"_s).toInt();
    return level >= 1 && level <= 5 ? level : 0;
}

Result<std::optional<FollowUp>> FollowUp::fromRating(const cases::Case &c, const cases::CaseEvent &event,
    const WorkingCalendar &calendar, const SupervisionRules &rules)
{
    const int level = ratingOf(event);
    if (level != 1 && level != 2)
        return std::optional<FollowUp>();
    FollowUp item;
    item.id = event.id;
    item.caseNumber = c.number.isEmpty() ? event.caseNumber : c.number;
    item.matterName = c.matterName;
    item.departmentId = c.departmentId;
    item.departmentName = c.departmentName;
    item.clerk = event.clerk;
    item.rating = level;
    item.rated = event.time;
    const QDate day = event.time.toLocalTime().date();
    Result<QDate> contact = calendar.addWorkingDays(day, rules.followUpContactDays);
    if (!contact)
        return failWith(contact.error());
    Result<QDate> fix = calendar.addWorkingDays(day, rules.followUpFixDays);
    if (!fix)
        return failWith(fix.error());
    item.contactDue = *contact;
    item.fixDue = *fix;
    return std::optional<FollowUp>(item);
}

QList<Warning> FollowUp::warnings(
    const WorkingCalendar &calendar, const SupervisionRules &rules, QDate today) const
{
    QList<Warning> list;
    const QDate ratedDay = rated.toLocalTime().date();
    if (ratedDay > today)
        return list;
    const auto doneBy
        = [today](const QDateTime &when) { return when.isValid() && when.toLocalTime().date() <= today; };
    const auto add = [&](Rule rule, QDate due, const QString &detail) {
        const std::optional<DueColour> state = dueColour(calendar, ratedDay, due, today, rules.yellowDays);
        if (!state)
            return;
        Warning w;
        w.caseNumber = caseNumber;
        w.matterName = matterName;
        w.stage = Stage::FollowUp;
        w.rule = rule;
        w.colour = state->colour;
        w.departmentId = departmentId;
        w.departmentName = departmentName;
        w.clerk = clerk;
        w.clerkName = clerkName.isEmpty() ? clerk : clerkName;
        w.since = state->since;
        w.due = due;
        w.detail = detail;
        list.append(w);
    };
    if (doneBy(closed))
        return list;
    if (!doneBy(contacted))
        add(Rule::FollowUpContact, contactDue,
            QCoreApplication::translate(
                "ow::supervision", "Rating %1: the applicant is to be called back by %2.")
                .arg(rating)
                .arg(contactDue.toString(Qt::ISODate)));
    add(Rule::FollowUpFix, fixDue,
        QCoreApplication::translate("ow::supervision", "Rating %1: to be fixed and closed by %2.")
            .arg(rating)
            .arg(fixDue.toString(Qt::ISODate)));
    return list;
}

QJsonObject FollowUp::toJson() const
{
    const auto time
        = [](const QDateTime &t) { return t.isValid() ? cases::CaseJson::timeText(t) : QString(); };
    return QJsonObject {{u"id"_s, id}, {u"case"_s, caseNumber}, {u"matter"_s, matterName},
        {u"department"_s, departmentId}, {u"departmentName"_s, departmentName}, {u"clerk"_s, clerk},
        {u"clerkName"_s, clerkName}, {u"rating"_s, rating}, {u"rated"_s, time(rated)},
        {u"contactDue"_s, contactDue.toString(Qt::ISODate)}, {u"fixDue"_s, fixDue.toString(Qt::ISODate)},
        {u"contacted"_s, time(contacted)}, {u"contactedBy"_s, contactedBy}, {u"agreed"_s, agreed},
        {u"closed"_s, time(closed)}, {u"closedBy"_s, closedBy}, {u"closingNote"_s, closingNote}};
}

} // namespace ow::supervision
