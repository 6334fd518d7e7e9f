#pragma once

#include "cases/Case.h"
#include "cases/PickupDesk.h"
#include "core/Result.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"

namespace ow::documents {

/// What the pickup counter prints (出件, guide 三(四)(3)): the 签收单 the collector signs when the
/// result is handed over, and the EMS label when it is mailed. The wording is the hall's
/// ([pickup-slip] and [ems] in the hall settings).
class PickupDocuments
{
public:
    /// What was handed to whom: the case, its result, the collector (name and ID number masked, in
    /// person or as an agent), the counter and clerk, with lines for the collector's signature.
    /// Lists the returned originals too (returnedOriginals()).
    static Result<Document> slip(
        const cases::Case &c, const cases::Collector &collector, const DocumentContext &context);

    /// The materials whose originals go back to the applicant with the result: those handed in
    /// "verify the original, keep a copy" (核验原件，收复印件) whose original the clerk saw, in
    /// checklist order; in a bundle each says which matters it serves, as on the receipt. The slip
    /// and the pickup page both list these.
    static QList<TableCell> returnedOriginals(const cases::Case &c, const DocumentContext &context);

    /// The mailing label: the hall as sender, the case's recipient and whole address, the tracking
    /// number (also as a QR code). Refused, naming what is wrong, for an incomplete address or a
    /// tracking number whose S10 check digit is wrong, as PickupDesk::mail() refuses them.
    static Result<Document> emsLabel(
        const cases::Case &c, const QString &trackingNumber, const DocumentContext &context);
};

} // namespace ow::documents
