#pragma once

#include "cases/ClerkActivity.h"
#include "intake/IntakeEnvironment.h"

#include <optional>

namespace ow::intake {

class IntakeSession;

/// A consultation (咨询) at the counter: the interview gave the applicant a checklist without a case
/// — the checklist printed (or saved, or sent to the receipt printer) before any case was stored, or
/// shown and the interview closed without one — or the clerk recorded a question and the answer
/// given. Recorded in the case store's clerk-activity log,
/// which sends it to the server for the clerks' figures and points (docs/supervision.md).
class ConsultationRecord
{
public:
    /// The activity the session's checklist makes, or nullopt when it is no consultation: a case is
    /// stored, or no matter is open.
    static std::optional<cases::ClerkActivity> of(
        const IntakeEnvironment &environment, const IntakeSession &session, bool printed);
    /// Records it (with its outbox row). Whether there was one to record; nothing without a store.
    static Result<bool> record(
        const IntakeEnvironment &environment, const IntakeSession &session, bool printed);

    /// A question the applicant asked in the interview and the answer the clerk gave (咨询记录), with
    /// the matter and the answers so far; a case stored or not, since every question answered feeds
    /// the proposals of frequent questions (docs/editor.md). Nullopt when no matter is open.
    static std::optional<cases::ClerkActivity> ofQuestion(const IntakeEnvironment &environment,
        const IntakeSession &session, const QString &question, const QString &answer);
    /// Records it (with its outbox row). Whether there was one to record; nothing without a store;
    /// Invalid (naming the field) for an empty or too long question or answer.
    static Result<bool> recordQuestion(const IntakeEnvironment &environment, const IntakeSession &session,
        const QString &question, const QString &answer);
};

} // namespace ow::intake
