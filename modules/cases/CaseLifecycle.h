#pragma once

#include "cases/CaseEvent.h"
#include "core/Result.h"

#include <QList>
#include <optional>

namespace ow::cases {

/// What folding an event log gives: the state, and the events that did not apply and why.
struct Derivation
{
    /// An event that was not applied: illegal where it stands, or late (it would move the case backwards).
    struct Skipped
    {
        qsizetype index = -1; ///< position in the log given to derive()
        bool late = false;
        Error error;
    };

    bool created = false; ///< the log has its Created event
    CaseState state = CaseState::Draft;
    QList<qsizetype> applied; ///< positions of the events that changed the state
    QList<Skipped> skipped;
};

/// The case state machine: which event may follow which state, and the state derived from a log.
///
/// Ranks order the phases of a case; no legal transition lowers the rank, so a late event
/// (e.g. a department's "in review" arriving after the result was picked up) can never move a
/// case backwards:
///   0 draft
///   1 correction-notice            (not accepted; the same case may still be accepted later)
///   2 accepted, accepted-with-waiver
///   3 transferred, in-review, supplement-requested, supplemented   (the department's phase;
///     the supplement loop in-review → supplement-requested → supplemented → in-review stays here)
///   4 approved, denied
///   5 result-ready
///   6 picked-up, mailed, refused, withdrawn   (closed; withdrawn only from ranks 2 and 3: once
///     decided, an application can no longer be withdrawn)
/// The full table of transitions is in nextStates() and in docs/cases.md.
class CaseLifecycle
{
public:
    static int rank(CaseState state);
    static bool isClosed(CaseState state);
    /// The states a case may move to from `state`, in a fixed order.
    static QList<CaseState> nextStates(CaseState state);
    static bool canMove(CaseState from, CaseState to);

    /// Checks one event against the current state (nullopt: the case has no events yet) and
    /// returns the state after it. Created must come first and only once; Updated is refused
    /// once the case is closed; Note is allowed in every state.
    static Result<CaseState> apply(std::optional<CaseState> current, EventKind kind);

    /// Folds a log in the order given (the store's recording order). Events that do not apply are
    /// skipped and reported; a log without events is a draft that does not exist yet.
    static Derivation derive(const QList<CaseEvent> &events);
};

} // namespace ow::cases
