#pragma once

#include "cases/CaseState.h"
#include "documents/Document.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace ow::intake {

/// The clerk's decision at the counter with what it must state: accept, accept with waiver,
/// correction notice (with items told besides the missing materials and failed points), or refusal
/// (reasons, the ground of Administrative Licensing Law art. 32(1), where to apply instead).
struct IntakeDecision
{
    enum class Ground
    {
        Other,
        NotRequired, ///< the matter needs no licence
        NotCompetent, ///< not within this organ's powers: name the competent organ in referTo
    };

    cases::EventKind kind = cases::EventKind::Accepted;
    QStringList items; ///< correction notice
    QStringList reasons; ///< refusal
    Ground ground = Ground::Other;
    QString referTo;

    static IntakeDecision accept() { return {}; }
    static IntakeDecision acceptWithWaiver();
    static IntakeDecision correction(QStringList items = {});
    static IntakeDecision refusal(QStringList reasons, Ground ground = Ground::Other, QString referTo = {});

    /// The event payload in the keys documents::DecisionDetails::fromPayload reads.
    QJsonObject payload() const;
    /// The document this decision hands to the applicant.
    documents::DocumentKind documentKind() const;

    /// Accepted, AcceptedWithWaiver, CorrectionNotice, Refused: the decisions a counter makes.
    static bool isCounterDecision(cases::EventKind kind);
    static std::optional<documents::DocumentKind> documentKindFor(cases::CaseState state);
};

} // namespace ow::intake
