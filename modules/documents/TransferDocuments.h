#pragma once

#include "cases/TransferList.h"
#include "core/Result.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"

#include <QHash>
#include <QString>

namespace ow::documents {

/// The paper of a handover (材料交接, guide 三(四)1): the A4 移交清单 the receiver signs, with the QR
/// code the receiver scans to confirm it, and a label with the case's QR code for each folder on it.
/// The wording is the hall's ([transfer] and [folder-label] in the hall settings).
class TransferDocuments
{
public:
    /// The list: per folder its case number, matter, applicant (masked), and per material whether
    /// the original or a copy is in the folder, how many copies and pages; the list's QR code
    /// encodes TransferList::scanText(), then lines for the one who hands over and the receiver.
    static Result<Document> list(const cases::TransferList &list, const DocumentContext &context);

    /// One label per folder of the list, on A4 sheets to cut apart. Each label's QR code is the
    /// case's link (`qrTokens`: case number → the case's QR token) so the receiver's scan names the
    /// case; a case without a token gets its case number encoded, which the receiver's scan also
    /// resolves (TransferDesk::folderOf).
    static Result<Document> folderLabels(const cases::TransferList &list,
        const QHash<QString, QString> &qrTokens, const DocumentContext &context);
};

} // namespace ow::documents
