#pragma once

#include <QLatin1StringView>
#include <QString>
#include <optional>

namespace ow::cases {

/// Where a case is in its life (DOMAIN.md "Case lifecycle"). Always derived from the event log.
enum class CaseState
{
    Draft, ///< being taken in at the counter; nothing decided yet
    CorrectionNotice, ///< 一次性告知: not accepted; the applicant was told once what is missing
    Accepted, ///< 受理
    AcceptedWithWaiver, ///< 容缺受理: accepted with named materials to be supplied by a date
    Refused, ///< 不予受理: written refusal with reasons (closed)
    Transferred, ///< 移交: materials handed to the department
    InReview, ///< 审查: the department examines the application
    SupplementRequested, ///< 补齐补正: waived or requested materials are awaited
    Supplemented, ///< the applicant supplied them; review resumes
    Approved, ///< 准予
    Denied, ///< 不予同意 (written decision with reasons)
    ResultReady, ///< the result (licence or decision) is at the pickup counter
    PickedUp, ///< handed over at the pickup counter (closed)
    Mailed, ///< sent by post (closed)
    /// 撤回: the applicant withdrew the accepted application before the department decided (closed)
    Withdrawn,
};

inline constexpr int kCaseStateCount = int(CaseState::Withdrawn) + 1;

/// The kind of a CaseEvent. Every kind but Created, Updated, Note, SupplementReceived,
/// TransferListed and TransferFlagged moves the case to one state.
enum class EventKind
{
    Created, ///< the draft was opened (always the first event)
    Updated, ///< case data changed (answers, applicant, material checks); no state change
    Note, ///< a remark, a printed document, a phone call; no state change
    Accepted,
    AcceptedWithWaiver,
    CorrectionNotice,
    Refused,
    Transferred,
    InReview,
    SupplementRequested,
    Supplemented,
    Approved,
    Denied,
    ResultReady,
    PickedUp,
    Mailed,
    /// 补齐补正 at the counter: materials the case awaits were handed in (payload "materials"); no
    /// state change. When they complete a department's request the counter records Supplemented.
    SupplementReceived,
    /// 移交清单: the case's paper was put on a transfer list for its department (payload "list",
    /// "department", "slot", "materials"); no state change. See TransferDesk.
    TransferListed,
    /// A transfer list was checked against the folders handed over and this case's folder was
    /// missing or extra (payload "list", "problem": "missing" | "extra"); no state change.
    TransferFlagged,
    /// 撤回申请: the applicant (or their agent) withdrew the application (payload "reason",
    /// "requestedBy": "applicant" | "agent", "requester"; see Withdrawal).
    Withdrawn,
};

inline constexpr int kEventKindCount = int(EventKind::Withdrawn) + 1;

/// Stable keywords used in the database, JSON and the CLI ("accepted-with-waiver"); never translated.
QString keyword(CaseState state);
QString keyword(EventKind kind);
std::optional<CaseState> caseStateFromKeyword(QStringView keyword);
std::optional<EventKind> eventKindFromKeyword(QStringView keyword);

/// Translated names for people ("accepted with waiver").
QString displayName(CaseState state);
QString displayName(EventKind kind);

/// The state an event kind moves a case to; none for Created, Updated, Note, SupplementReceived,
/// TransferListed and TransferFlagged.
std::optional<CaseState> targetState(EventKind kind);

} // namespace ow::cases
