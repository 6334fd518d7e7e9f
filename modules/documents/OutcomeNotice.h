#pragma once

#include "catalogue/SituationEngine.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"

namespace ow::documents {

/// What a screening outcome's notice is printed for: the matter the applicant asked about, the
/// answers that led to the outcome, and the outcome with its reason (and the matter to apply for).
struct OutcomeSubject
{
    QString matterName;
    QString departmentName;
    QStringList situation; ///< "question：answer" for each answer, in asking order
    catalogue::OutcomeKind kind = catalogue::OutcomeKind::NotRequired;
    QString reason;
    QString targetCode; ///< Refer only
    QString targetName;
    QString targetDepartmentName;
    QString catalogueName;
    QString catalogueVersion;

    /// Null when the evaluation reached no outcome.
    static std::optional<OutcomeSubject> fromEvaluation(const catalogue::Catalogue &catalogue,
        const catalogue::Matter &matter, const catalogue::Evaluation &evaluation);
};

/// 一次性告知书 of a screening outcome: the applicant needs no such matter (无需办理) or another one
/// (请办理), told once and in writing with the reason. No case exists, so it carries no case number
/// or QR code; it prints where the checklist prints (its kind is DocumentKind::Checklist).
class OutcomeNotice
{
public:
    static Document build(const OutcomeSubject &subject, const DocumentContext &context);
};

} // namespace ow::documents
