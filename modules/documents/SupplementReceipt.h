#pragma once

#include "cases/Case.h"
#include "cases/Supplements.h"
#include "core/Result.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"

namespace ow::documents {

/// 补齐补正材料收件凭证: what the applicant handed in later for an accepted case, when, to whom,
/// and what is still awaited with its date (guide 三(四)1(1): 容缺受理的需注明补件要求). The wording
/// is the hall's ([supplement] in the hall settings).
class SupplementReceipt
{
public:
    static Result<Document> make(const cases::Case &c, const QList<cases::HandedIn> &handedIn,
        const QList<cases::AwaitedMaterial> &outstanding, const DocumentContext &context);
    /// Every material of the case supplied so far, for a reprint from the case list.
    static Result<Document> fromCase(const cases::Case &c, const DocumentContext &context);
};

/// Marks a document printed again: "补打" with the time, under the case number, so a reprint is never
/// taken for the original.
void markReprint(Document &document, const DocumentContext &context);

} // namespace ow::documents
