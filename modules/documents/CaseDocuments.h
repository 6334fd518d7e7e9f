#pragma once

#include "cases/Case.h"
#include "core/Result.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"

#include <QJsonObject>
#include <QStringList>

namespace ow::documents {

/// What a decision event says beyond the case record: its payload (CaseEvent::payload).
struct DecisionDetails
{
    /// The paragraph of Administrative Licensing Law art. 32(1) a refusal rests on, if any.
    enum class Ground
    {
        Other, ///< reasons only
        NotRequired, ///< (一) the matter needs no licence
        NotCompetent, ///< (二) not within this organ's powers: name the competent organ
    };

    QStringList reasons; ///< refusal: "reasons" (text or list of texts)
    QStringList items; ///< correction: "items", told besides missing materials and failed points
    Ground ground = Ground::Other; ///< refusal: "ground", "not-required" or "not-competent"
    QString competentAuthority; ///< refusal: "referTo", where to apply instead

    static DecisionDetails fromPayload(const QJsonObject &payload);
};

/// The documents the counter issues on its decision about a case (guide 三(四)1(1)): the
/// acceptance receipt, the waiver acceptance notice, the one-time correction notice and the
/// refusal notice. Each fails, with a message for the clerk, when the case lacks what it must state.
class CaseDocuments
{
public:
    /// Any kind for a case; the checklist comes from the case's snapshot (answer labels from
    /// `catalogue` when given).
    static Result<Document> make(DocumentKind kind, const cases::Case &c, const DecisionDetails &details,
        const DocumentContext &context, const catalogue::Catalogue *catalogue = nullptr);

    /// 受理凭证: materials received, the promised deadline, how the result is delivered.
    static Result<Document> acceptanceReceipt(const cases::Case &c, const DocumentContext &context);
    /// 容缺受理通知书: the waived materials, each with the date it must be supplied by.
    static Result<Document> waiverNotice(const cases::Case &c, const DocumentContext &context);
    /// 补正材料一次性告知书: every missing material and failed review point with its reason, and
    /// `items`, told once (Administrative Licensing Law art. 32(1)(4)).
    static Result<Document> correctionNotice(
        const cases::Case &c, const QStringList &items, const DocumentContext &context);
    /// 不予受理通知书: the reasons and the applicant's rights of reconsideration and litigation.
    static Result<Document> refusalNotice(
        const cases::Case &c, const DecisionDetails &details, const DocumentContext &context);
};

} // namespace ow::documents
