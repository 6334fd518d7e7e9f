#include "cases/CaseLifecycle.h"

#include <QCoreApplication>

namespace ow::cases {

int CaseLifecycle::rank(CaseState state)
{
    switch (state) {
    case CaseState::Draft:
        return 0;
    case CaseState::CorrectionNotice:
        return 1;
    case CaseState::Accepted:
    case CaseState::AcceptedWithWaiver:
        return 2;
    case CaseState::Transferred:
    case CaseState::InReview:
    case CaseState::SupplementRequested:
    case CaseState::Supplemented:
        return 3;
    case CaseState::Approved:
    case CaseState::Denied:
        return 4;
    case CaseState::ResultReady:
        return 5;
    case CaseState::PickedUp:
    case CaseState::Mailed:
    case CaseState::Refused:
    case CaseState::Withdrawn:
        return 6;
    }
    return 0;
}

bool CaseLifecycle::isClosed(CaseState state)
{
    return nextStates(state).isEmpty();
}

QList<CaseState> CaseLifecycle::nextStates(CaseState state)
{
    using S = CaseState;
    switch (state) {
    case S::Draft:
        return {S::Accepted, S::AcceptedWithWaiver, S::CorrectionNotice, S::Refused};
    case S::CorrectionNotice:
        // The applicant came back with what the notice asked for: the same case is decided now.
        return {S::Accepted, S::AcceptedWithWaiver, S::Refused};
    // Every accepted state before the department's decision may be withdrawn (撤回申请): the
    // applicant may take back an application not decided yet, never a decision.
    case S::Accepted:
        // In-review directly: an immediate case decided by the counter alone (前台一人通办, guide
        // 三(四)2(2)).
        return {S::Transferred, S::InReview, S::Withdrawn};
    case S::AcceptedWithWaiver:
        return {S::Transferred, S::SupplementRequested, S::Withdrawn};
    case S::Transferred:
        return {S::InReview, S::Withdrawn};
    case S::InReview:
        return {S::SupplementRequested, S::Approved, S::Denied, S::Withdrawn};
    case S::SupplementRequested:
        return {S::Supplemented, S::Withdrawn};
    case S::Supplemented:
        // Supplied paper goes to the department with the next transfer; electronic supplies resume review.
        return {S::InReview, S::Transferred, S::Withdrawn};
    case S::Approved:
    case S::Denied:
        // A denial is a written decision too; the applicant collects it like a licence.
        return {S::ResultReady};
    case S::ResultReady:
        return {S::PickedUp, S::Mailed};
    case S::Refused:
    case S::PickedUp:
    case S::Mailed:
    case S::Withdrawn:
        return {};
    }
    return {};
}

bool CaseLifecycle::canMove(CaseState from, CaseState to)
{
    return nextStates(from).contains(to);
}

Result<CaseState> CaseLifecycle::apply(std::optional<CaseState> current, EventKind kind)
{
    if (!current) {
        if (kind == EventKind::Created)
            return CaseState::Draft;
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "The first event of a case must open its draft, not “%1”.")
                .arg(displayName(kind)));
    }
    const CaseState from = *current;
    switch (kind) {
    case EventKind::Created:
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::cases", "The case already exists (it is “%1”); it cannot be opened again.")
                .arg(displayName(from)));
    case EventKind::Note:
        return from;
    case EventKind::Updated:
        if (isClosed(from))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::cases", "The case is closed (“%1”); its data can no longer be changed.")
                    .arg(displayName(from)));
        return from;
    case EventKind::SupplementReceived:
        // Something awaited is handed in: only an accepted case awaits, and only until it is closed.
        if (rank(from) < rank(CaseState::Accepted) || isClosed(from))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::cases",
                    "A case that is “%1” awaits no supplement; nothing handed in can be recorded.")
                    .arg(displayName(from)));
        return from;
    case EventKind::TransferListed:
        // Only paper not yet with the department goes on a list: accepted, or supplemented later.
        if (from != CaseState::Accepted && from != CaseState::AcceptedWithWaiver
            && from != CaseState::Supplemented)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::cases", "A case that is “%1” has no paper to put on a transfer list.")
                    .arg(displayName(from)));
        return from;
    case EventKind::TransferFlagged:
        // A folder missing from or extra in a handover: any accepted case not closed yet.
        if (rank(from) < rank(CaseState::Accepted) || isClosed(from))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::cases", "A case that is “%1” is not handed over; its folder cannot be flagged.")
                    .arg(displayName(from)));
        return from;
    default:
        break;
    }
    const CaseState to = *targetState(kind);
    if (canMove(from, to))
        return to;
    if (rank(to) < rank(from))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases",
                "The case is already “%1”; the late event “%2” would move it backwards and was not applied.")
                .arg(displayName(from), displayName(to)));
    if (isClosed(from))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The case is closed (“%1”); it cannot become “%2”.")
                .arg(displayName(from), displayName(to)));
    return fail(Error::Code::Invalid,
        QCoreApplication::translate("ow::cases", "A case that is “%1” cannot become “%2”.")
            .arg(displayName(from), displayName(to)));
}

Derivation CaseLifecycle::derive(const QList<CaseEvent> &events)
{
    Derivation result;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const EventKind kind = events.at(i).kind;
        const std::optional<CaseState> current
            = result.created ? std::optional<CaseState>(result.state) : std::nullopt;
        Result<CaseState> next = apply(current, kind);
        if (!next) {
            const std::optional<CaseState> target = targetState(kind);
            const bool late = current && target && rank(*target) < rank(*current);
            result.skipped.append({i, late, next.error()});
            continue;
        }
        if (kind == EventKind::Created)
            result.created = true;
        if (targetState(kind))
            result.applied.append(i);
        result.state = *next;
    }
    return result;
}

} // namespace ow::cases
