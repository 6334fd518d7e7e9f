#pragma once

#include "cases/Case.h"
#include "catalogue/Catalogue.h"
#include "core/Result.h"
#include "documents/CaseDocuments.h"
#include "documents/ChecklistSheet.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"

namespace ow::documents {

/// The demonstration case every document is printed for by `onewindow-cli document sample`, the
/// tests and the screenshots: the hotel public-place hygiene permit (330302-WJ-001) of the demo
/// catalogue for the fictional applicant 张三, accepted on Monday 16 March 2026 at counter 7, in
/// the variants each document needs (accepted, accepted with waiver, told to correct, refused).
class DocumentSamples
{
public:
    static constexpr QLatin1StringView kMatterCode {"330302-WJ-001"};
    /// A fixed, well-formed token, so sample documents are the same on every run.
    static constexpr QLatin1StringView kQrToken {"lucheng2demo2case2token2aq"};

    /// Builds the cases from the catalogue in `catalogueDirectory` and the built-in holiday calendar.
    static Result<DocumentSamples> make(const QString &catalogueDirectory);

    /// The clerk 李四 at counter 7, issuing at 10:05 on the day of the case.
    static DocumentContext context(const HallSettings &settings);

    /// The sample of `kind`; the checklist is the one printed before the case exists (no QR code).
    Result<Document> document(DocumentKind kind, const DocumentContext &context) const;
    /// The case a document kind is printed for (the accepted case for the checklist).
    const cases::Case &caseFor(DocumentKind kind) const;
    const DecisionDetails &detailsFor(DocumentKind kind) const;
    const catalogue::Catalogue &catalogue() const { return *m_catalogue; }

private:
    catalogue::CataloguePtr m_catalogue;
    ChecklistSubject m_checklist;
    cases::Case m_accepted;
    cases::Case m_waiver;
    cases::Case m_correction;
    cases::Case m_refusal;
    DecisionDetails m_none;
    DecisionDetails m_correctionDetails;
    DecisionDetails m_refusalDetails;
};

} // namespace ow::documents
