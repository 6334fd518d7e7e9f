#include "supervision/CaseWarnings.h"

#include "cases/CaseDeadline.h"
#include "cases/CaseLifecycle.h"
#include "cases/Supplements.h"
#include "core/Deadline.h"
#include "core/WorkingCalendar.h"
#include "supervision/FollowUp.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::supervision {

using namespace Qt::StringLiterals;
using cases::CaseEvent;
using cases::CaseState;
using cases::EventKind;

namespace {

QDate dayOf(const CaseEvent &e)
{
    return e.time.toLocalTime().date();
}

/// The first event of one of `kinds`; nullptr when there is none.
const CaseEvent *first(const QList<CaseEvent> &events, std::initializer_list<EventKind> kinds)
{
    for (const CaseEvent &e : events)
        if (std::find(kinds.begin(), kinds.end(), e.kind) != kinds.end())
            return &e;
    return nullptr;
}

bool isDepartmentStatus(EventKind kind)
{
    return kind == EventKind::InReview || kind == EventKind::SupplementRequested
        || kind == EventKind::Approved || kind == EventKind::Denied || kind == EventKind::ResultReady;
}

/// Builds the warnings of one case with what they all share.
class Collector
{
public:
    Collector(const cases::Case &c, const CaseWarnings::ClerkNames &names)
        : m_case(c)
        , m_names(names)
    {
    }

    void add(Stage stage, Rule rule, Colour colour, QDate since, QDate due, const QString &clerk,
        const QString &detail)
    {
        Warning w;
        w.caseNumber = m_case.number;
        w.matterName = m_case.matterName;
        w.stage = stage;
        w.rule = rule;
        w.colour = colour;
        w.departmentId = m_case.departmentId;
        w.departmentName = m_case.departmentName;
        w.clerk = clerk;
        w.clerkName = clerk.isEmpty() ? QString() : m_names.value(clerk, clerk);
        w.since = since;
        w.due = due;
        w.detail = detail;
        m_list.append(w);
    }
    void addDue(Stage stage, Rule rule, const std::optional<DueColour> &state, QDate due,
        const QString &clerk, const QString &detail)
    {
        if (state)
            add(stage, rule, state->colour, state->since, due, clerk, detail);
    }
    QList<Warning> take() { return std::move(m_list); }

private:
    const cases::Case &m_case;
    const CaseWarnings::ClerkNames &m_names;
    QList<Warning> m_list;
};

} // namespace

QList<CaseEvent> CaseWarnings::upTo(const QList<CaseEvent> &events, QDate day)
{
    QList<CaseEvent> list;
    list.reserve(events.size());
    for (const CaseEvent &e : events)
        if (dayOf(e) <= day)
            list.append(e);
    return list;
}

QList<Warning> CaseWarnings::of(const cases::Case &original, const QList<CaseEvent> &allEvents,
    const WorkingCalendar &calendar, QDate today, const SupervisionRules &rules, const ClerkNames &names)
{
    const QList<CaseEvent> events = upTo(allEvents, today);
    if (events.isEmpty())
        return {};
    cases::Case c = original;
    c.state = cases::CaseLifecycle::derive(events).state;
    Collector out(c, names);

    const CaseEvent *accepted = first(events, {EventKind::Accepted, EventKind::AcceptedWithWaiver});
    const QString handler = !c.firstHandler.isEmpty() ? c.firstHandler
        : accepted                                    ? accepted->clerk
                                                      : QString();

    // A refusal or correction notice is told in writing with its reasons (Administrative Licensing
    // Law art. 32): one that names none is wrong as long as it is the case's answer.
    if (c.state == CaseState::Refused || c.state == CaseState::CorrectionNotice) {
        const EventKind kind
            = c.state == CaseState::Refused ? EventKind::Refused : EventKind::CorrectionNotice;
        const QString key = kind == EventKind::Refused ? u"reasons"_s : u"items"_s;
        for (qsizetype i = events.size() - 1; i >= 0; --i) {
            const CaseEvent &e = events.at(i);
            if (e.kind != kind)
                continue;
            if (e.payload.value(key).toArray().isEmpty())
                out.add(Stage::Intake, Rule::NoReasons, Colour::Red, dayOf(e), {}, e.clerk,
                    kind == EventKind::Refused ? QCoreApplication::translate(
                        "ow::supervision", "The refusal notice states no reasons.")
                                               : QCoreApplication::translate("ow::supervision",
                                                   "The correction notice names nothing to correct."));
            break;
        }
        return out.take();
    }
    if (!accepted || cases::CaseLifecycle::isClosed(c.state))
        return out.take();
    const QDate acceptedOn = dayOf(*accepted);

    // The whole case against its promised deadline, with the pauses the log records.
    const cases::DeadlineStatus status = cases::CaseDeadline::ofCase(c, events, calendar, today);
    if (status.level == cases::DeadlineStatus::Level::Overdue
        || status.level == cases::DeadlineStatus::Level::DueSoon
        || status.level == cases::DeadlineStatus::Level::OnTrack)
        out.addDue(Stage::Case, Rule::CaseDeadline,
            dueColour(calendar, acceptedOn, status.due, today, rules.yellowDays), status.due, QString(),
            QCoreApplication::translate("ow::supervision", "Promised deadline %1 (%2).")
                .arg(status.due.toString(Qt::ISODate), status.text()));

    const CaseEvent *transferred = first(events, {EventKind::Transferred});
    const CaseEvent *decided = first(events, {EventKind::Approved, EventKind::Denied});
    const CaseEvent *ready = first(events, {EventKind::ResultReady});

    // Transfer: everything accepted is handed to its department the same day (guide 三(四)1).
    if (!transferred && (c.state == CaseState::Accepted || c.state == CaseState::AcceptedWithWaiver)) {
        Result<QDate> due = calendar.addWorkingDays(acceptedOn, rules.transferDays);
        if (due)
            out.addDue(Stage::Transfer, Rule::StageDeadline,
                dueColour(calendar, acceptedOn, *due, today, rules.yellowDays, rules.transferDays > 0), *due,
                handler,
                QCoreApplication::translate(
                    "ow::supervision", "Accepted %1, not yet handed to the department.")
                    .arg(acceptedOn.toString(Qt::ISODate)));
    }
    // A transfer list is confirmed by the receiver the day it is made.
    for (qsizetype i = events.size() - 1; i >= 0; --i) {
        const CaseEvent &e = events.at(i);
        if (e.kind == EventKind::Transferred)
            break;
        if (e.kind != EventKind::TransferListed)
            continue;
        if (dayOf(e) < today)
            out.add(Stage::Transfer, Rule::TransferUnconfirmed, Colour::Red, dayOf(e).addDays(1), dayOf(e),
                e.clerk,
                QCoreApplication::translate(
                    "ow::supervision", "On transfer list %1 of %2, not confirmed by the department that day.")
                    .arg(e.payload.value(u"list"_s).toString(), dayOf(e).toString(Qt::ISODate)));
        break;
    }

    const bool inDepartment
        = cases::CaseLifecycle::rank(c.state) == cases::CaseLifecycle::rank(CaseState::Transferred);
    if (inDepartment && transferred) {
        // Review: the department's share of the promised days, so a late review is caught while
        // the whole case still has its result days.
        const Deadline review(
            acceptedOn, std::max(0, c.promisedDays - rules.resultDays), cases::CaseDeadline::pauses(events));
        Result<QDate> due = review.dueDate(calendar);
        if (due && c.state != CaseState::SupplementRequested && !review.isPausedOn(today))
            out.addDue(Stage::Review, Rule::StageDeadline,
                dueColour(calendar, dayOf(*transferred), *due, today, rules.yellowDays), *due, QString(),
                QCoreApplication::translate("ow::supervision", "The department's review is due %1.")
                    .arg(due->toString(Qt::ISODate)));
        // No status at all from the department since the transfer.
        bool heard = false;
        for (const CaseEvent &e : events)
            heard = heard || (isDepartmentStatus(e.kind) && e.time >= transferred->time);
        Result<QDate> silentUntil = calendar.addWorkingDays(dayOf(*transferred), rules.departmentSilentDays);
        if (!heard && silentUntil && today > *silentUntil)
            out.add(Stage::Review, Rule::DepartmentSilent, Colour::Red, silentUntil->addDays(1), *silentUntil,
                QString(),
                QCoreApplication::translate(
                    "ow::supervision", "Transferred %1; no status from the department since.")
                    .arg(dayOf(*transferred).toString(Qt::ISODate)));
    }
    if (decided && !ready && (c.state == CaseState::Approved || c.state == CaseState::Denied)) {
        Result<QDate> due = calendar.addWorkingDays(dayOf(*decided), rules.resultDays);
        if (due)
            out.addDue(Stage::Result, Rule::StageDeadline,
                dueColour(calendar, dayOf(*decided), *due, today, rules.yellowDays, rules.resultDays > 0),
                *due, QString(),
                QCoreApplication::translate(
                    "ow::supervision", "Decided %1; the result is not yet at the pickup counter.")
                    .arg(dayOf(*decided).toString(Qt::ISODate)));
    }
    if (ready && c.state == CaseState::ResultReady) {
        Result<QDate> due = calendar.addWorkingDays(dayOf(*ready), rules.pickupDays);
        if (due)
            out.addDue(Stage::Pickup, Rule::StageDeadline,
                dueColour(calendar, dayOf(*ready), *due, today, rules.yellowDays, rules.pickupDays > 0), *due,
                ready->clerk,
                QCoreApplication::translate(
                    "ow::supervision", "Ready since %1; not yet handed over or mailed.")
                    .arg(dayOf(*ready).toString(Qt::ISODate)));
    }
    // A supplement past its date: the first handler follows the case (首办责任制).
    if (cases::CaseLifecycle::rank(c.state) <= cases::CaseLifecycle::rank(CaseState::Transferred)) {
        const QList<cases::AwaitedMaterial> awaited = cases::Supplements::awaited(c, events);
        const cases::AwaitedMaterial *late = nullptr;
        for (const cases::AwaitedMaterial &a : awaited)
            if (a.isOverdue(today) && (!late || a.deadline < late->deadline))
                late = &a;
        if (late)
            out.add(late->source == cases::AwaitedMaterial::Source::Waiver ? Stage::Intake : Stage::Review,
                Rule::SupplementOverdue, Colour::Red, late->deadline.addDays(1), late->deadline, handler,
                QCoreApplication::translate("ow::supervision", "“%1” was due %2.")
                    .arg(late->name, late->deadline.toString(Qt::ISODate)));
    }
    return out.take();
}

} // namespace ow::supervision
