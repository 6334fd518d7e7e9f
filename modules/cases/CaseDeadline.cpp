#include "cases/CaseDeadline.h"

#include "cases/CaseLifecycle.h"
#include "core/WorkingCalendar.h"

#include <QCoreApplication>

namespace ow::cases {

namespace {

QDate localDate(const QDateTime &time)
{
    return time.toLocalTime().date();
}

bool isDecided(CaseState state)
{
    // Refused and withdrawn are closed without a decision on the matter: no deadline to show.
    return CaseLifecycle::rank(state) >= CaseLifecycle::rank(CaseState::Approved)
        && state != CaseState::Refused && state != CaseState::Withdrawn;
}

} // namespace

QString DeadlineStatus::text() const
{
    const auto days = [this] {
        if (daysLeft > 0)
            return QCoreApplication::translate("ow::cases", "%n working day(s) left", nullptr, daysLeft);
        if (daysLeft == 0)
            return QCoreApplication::translate("ow::cases", "due today");
        return QCoreApplication::translate("ow::cases", "%n working day(s) overdue", nullptr, -daysLeft);
    };
    switch (level) {
    case Level::None:
        return QCoreApplication::translate("ow::cases", "no deadline yet");
    case Level::OnTrack:
    case Level::DueSoon:
    case Level::Overdue:
        return days();
    case Level::Paused:
        return QCoreApplication::translate("ow::cases", "paused, %1").arg(days());
    case Level::Decided:
        return QCoreApplication::translate("ow::cases", "decided");
    case Level::Unknown:
        return QCoreApplication::translate("ow::cases", "no holiday calendar");
    }
    return QString();
}

QString DeadlineStatus::shortText() const
{
    switch (level) {
    case Level::OnTrack:
    case Level::DueSoon:
    case Level::Overdue:
        if (daysLeft > 0)
            return QCoreApplication::translate("ow::cases", "%n left", nullptr, daysLeft);
        if (daysLeft == 0)
            return QCoreApplication::translate("ow::cases", "due today");
        return QCoreApplication::translate("ow::cases", "%n overdue", nullptr, -daysLeft);
    case Level::Paused:
        return QCoreApplication::translate("ow::cases", "paused");
    case Level::None:
        return QStringLiteral("—");
    case Level::Decided:
    case Level::Unknown:
        break;
    }
    return text();
}

bool CaseDeadline::clockRuns(CaseState state)
{
    switch (state) {
    case CaseState::Accepted:
    case CaseState::AcceptedWithWaiver:
    case CaseState::Transferred:
    case CaseState::InReview:
    case CaseState::Supplemented:
        return true;
    default:
        return false;
    }
}

DeadlineStatus::Level CaseDeadline::levelFor(int daysLeft)
{
    if (daysLeft < 0)
        return DeadlineStatus::Level::Overdue;
    if (daysLeft <= kDueSoonDays)
        return DeadlineStatus::Level::DueSoon;
    return DeadlineStatus::Level::OnTrack;
}

Result<int> CaseDeadline::daysLeft(const WorkingCalendar &calendar, QDate due, QDate today)
{
    if (today <= due)
        return calendar.workingDaysBetween(today, due);
    // Past the due date, count forwards from it: WorkingCalendar's backward count would take in the
    // due date and leave out today, one day too many on a weekend.
    Result<int> late = calendar.workingDaysBetween(due, today);
    if (!late)
        return late;
    return -*late;
}

DeadlineStatus CaseDeadline::ofSummary(
    const CaseSummary &summary, const WorkingCalendar &calendar, QDate today)
{
    DeadlineStatus status;
    status.due = summary.promisedDeadline;
    if (isDecided(summary.state)) {
        status.level = DeadlineStatus::Level::Decided;
        return status;
    }
    const bool paused = summary.state == CaseState::SupplementRequested;
    if (!summary.promisedDeadline.isValid() || (!paused && !clockRuns(summary.state)))
        return status;
    Result<int> left = daysLeft(calendar, summary.promisedDeadline, today);
    if (!left) {
        status.level = DeadlineStatus::Level::Unknown;
        status.problem = left.error().message();
        return status;
    }
    status.daysLeft = *left;
    status.level = paused ? DeadlineStatus::Level::Paused : levelFor(*left);
    return status;
}

QList<Deadline::Pause> CaseDeadline::pauses(const QList<CaseEvent> &events)
{
    QList<Deadline::Pause> list;
    const auto open = [&list](const CaseEvent &e, const QString &reason) {
        if (!list.isEmpty() && list.last().isOpen())
            return; // already standing still
        list.append(Deadline::Pause {localDate(e.time).addDays(1), {}, reason});
    };
    const auto close = [&list](const CaseEvent &e) {
        if (list.isEmpty() || !list.last().isOpen())
            return;
        list.last().to = localDate(e.time);
        if (list.last().to < list.last().from) // resumed the day it stopped: nothing was left out
            list.removeLast();
    };
    for (const CaseEvent &e : events) {
        const QString clock = e.payload.value(QStringLiteral("clock")).toString();
        if (e.kind == EventKind::SupplementRequested)
            open(e, QCoreApplication::translate("ow::cases", "supplement requested"));
        else if (e.kind == EventKind::Supplemented)
            close(e);
        else if (e.kind == EventKind::Note && clock == QStringLiteral("pause"))
            open(e, e.payload.value(QStringLiteral("reason")).toString());
        else if (e.kind == EventKind::Note && clock == QStringLiteral("resume"))
            close(e);
    }
    return list;
}

DeadlineStatus CaseDeadline::ofCase(
    const Case &c, const QList<CaseEvent> &events, const WorkingCalendar &calendar, QDate today)
{
    DeadlineStatus status;
    status.due = c.promisedDeadline;
    status.promisedDays = c.promisedDays;
    for (const CaseEvent &e : events)
        if (e.kind == EventKind::Accepted || e.kind == EventKind::AcceptedWithWaiver) {
            status.start = localDate(e.time);
            break;
        }
    status.pauses = pauses(events);
    if (!status.start.isValid())
        return status;
    if (isDecided(c.state)) {
        status.level = DeadlineStatus::Level::Decided;
        return status;
    }
    if (!clockRuns(c.state) && c.state != CaseState::SupplementRequested)
        return status;

    const Deadline deadline(status.start, c.promisedDays, status.pauses);
    Result<int> left = deadline.remainingAt(calendar, today);
    if (!left) {
        status.level = DeadlineStatus::Level::Unknown;
        status.problem = left.error().message();
        return status;
    }
    status.daysLeft = *left;
    // While paused the due date is not known yet; the stored one is what was promised at acceptance.
    Result<QDate> due = deadline.dueDate(calendar);
    status.due = due ? *due : QDate();
    const bool paused = c.state == CaseState::SupplementRequested || deadline.isPausedOn(today);
    // A running clock with a known due date is counted as the list counts it, so both say the same.
    if (!paused && status.due.isValid()) {
        Result<int> counted = daysLeft(calendar, status.due, today);
        if (counted)
            status.daysLeft = *counted;
    }
    status.level = paused ? DeadlineStatus::Level::Paused : levelFor(*left);
    return status;
}

} // namespace ow::cases
