#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "catalogue/Catalogue.h"
#include "core/Result.h"
#include "documents/Document.h"
#include "intake/IntakeEnvironment.h"
#include "intake/IntakeSession.h"

#include <QList>

namespace ow::intake {

/// 补打: a document the counter issued for a case, made again from the stored case and its events
/// (a lost receipt, a second copy of the notice) and marked 补打 with the time, so a reprint is never
/// taken for the original. What a case can be given again follows from what happened to it: the
/// checklist, the document of the counter's decision, and the supplement receipt once something
/// was handed in later.
class CaseReprint
{
public:
    /// The documents the case has, in the order they were issued.
    static QList<documents::DocumentKind> available(
        const cases::Case &c, const QList<cases::CaseEvent> &events);
    /// The document again, marked 补打 with the time on `environment`'s clock, issued by its clerk at
    /// this workstation's counter; `catalogue` (may be null) names the checklist's answers.
    static Result<documents::Document> make(documents::DocumentKind kind, const cases::Case &c,
        const QList<cases::CaseEvent> &events, const IntakeEnvironment &environment,
        const catalogue::Catalogue *catalogue = nullptr);
    /// The audit row for a document of a stored case shown, printed, saved or sent to the receipt
    /// printer, as the intake writes it ("document.printed"…), with "reprint": true for a 补打.
    static Result<void> recordOutput(const IntakeEnvironment &environment, const QString &caseNumber,
        const documents::Document &document, IntakeSession::Output output, bool reprint);
};

} // namespace ow::intake
