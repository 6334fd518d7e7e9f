#pragma once

#include "cases/Case.h"
#include "catalogue/SituationEngine.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"
#include "documents/MaterialRow.h"

namespace ow::documents {

/// What the personalised checklist is printed for: a matter, the situation the clerk's answers
/// reached, and its materials. A case number and QR token only once a case exists.
struct ChecklistSubject
{
    QString matterCode;
    QString matterName;
    QString departmentName;
    catalogue::MatterKind kind = catalogue::MatterKind::Promised;
    int promisedDays = 0;
    int legalDays = 0;
    QStringList situation; ///< "question：answer" for each answer, in asking order
    QList<MaterialRow> materials;
    QString catalogueName;
    QString catalogueVersion;
    QString caseNumber; ///< display form; empty before a case exists
    QString qrToken; ///< empty before a case exists: then no QR code is printed

    /// Before any case exists: straight from the situation engine.
    static ChecklistSubject fromEvaluation(const catalogue::Catalogue &catalogue,
        const catalogue::Matter &matter, const catalogue::Evaluation &evaluation);
    /// For a case: its checklist snapshot; the answers' labels come from `catalogue` when it is
    /// given and still has the matter.
    static ChecklistSubject fromCase(const cases::Case &c, const catalogue::Catalogue *catalogue = nullptr);
};

/// 申请材料清单: the personalised checklist handed to the applicant, with each material's form,
/// copies, medium, source, review points and notes, data-shared and waivable materials marked.
class ChecklistSheet
{
public:
    static Document build(const ChecklistSubject &subject, const DocumentContext &context);
};

} // namespace ow::documents
