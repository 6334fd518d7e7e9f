#pragma once

#include "cases/Case.h"
#include "core/Result.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"
#include "intake/IntakeDecision.h"
#include "intake/IntakeEnvironment.h"
#include "intake/InterviewOutcome.h"

#include <QDate>
#include <QList>
#include <optional>

namespace ow::intake {

/// One intake at the counter, from the settled interview to the decision and its document: builds
/// the Case (matter or bundle, applicant, material checks, attachments), numbers it in the store at
/// the first save, computes the promised and supplement deadlines on the working-day calendar,
/// records the decision through the store (which applies DecisionRules and the lifecycle), makes
/// the document the applicant takes away and writes the audit rows for showing and printing it.
/// No widgets: the window shows it, tests drive it directly.
class IntakeSession
{
public:
    /// How many working days after intake a waived material is due by default. The guide leaves the
    /// period to the department; five matches the five days art. 32 gives for a correction notice.
    static constexpr int kSupplementWorkingDays = 5;

    /// What went out to the applicant, for the audit trail.
    enum class Output
    {
        Previewed, ///< shown on the counter screen
        Printed,
        Pdf,
        Receipt, ///< rendered for the thermal receipt printer
    };

    IntakeSession(IntakeEnvironment environment, catalogue::CataloguePtr catalogue);

    const IntakeEnvironment &environment() const { return m_environment; }
    const catalogue::Catalogue &catalogue() const { return *m_catalogue; }
    /// Whether cases can be numbered and decided here (a store and a logged-in clerk).
    bool canStore() const { return m_environment.canStoreCases(); }

    /// Takes the interview's result into the case. Material checks and attachments of materials
    /// still on the checklist are kept; a stored case keeps its number. Refused once decided.
    Result<void> setInterview(const InterviewOutcome &outcome);
    const InterviewOutcome &interview() const { return m_interview; }
    void setApplicant(const cases::Applicant &applicant);
    /// The checks of the checklist's materials (from the material check page).
    void setChecks(const QList<cases::MaterialCheck> &checks);

    const cases::Case &currentCase() const { return m_case; }
    bool isStored() const { return m_case.id != 0; }
    /// A decision was recorded: the case is no longer a draft (a correction notice counts).
    bool isDecided() const
    {
        return m_decision.has_value() || (isStored() && m_case.state != cases::CaseState::Draft);
    }
    const std::optional<IntakeDecision> &decision() const { return m_decision; }

    /// Ctrl+S: the first save numbers the draft (case number, QR token); later ones record an
    /// Updated event with the case as it stands.
    Result<void> save();
    /// Copies the files into the attachment store and lists them under the material; a stored case
    /// is saved with them. Returns the attachments added (a file already there is not added twice).
    Result<QList<cases::CaseAttachment>> importFiles(const QString &materialId, const QStringList &paths);

    /// The last working day for the decision, counted from today; fails when the calendar has no
    /// data for a year the count needs.
    Result<QDate> promisedDeadline() const;
    /// The date a waived material is due by default (kSupplementWorkingDays working days).
    Result<QDate> defaultSupplementDeadline() const;

    /// Whether the decision could be recorded now, and if not the reason for the clerk (the
    /// lifecycle, DecisionRules, unchecked materials, a deadline the calendar cannot give).
    Result<void> check(const IntakeDecision &decision) const;
    /// Records the decision (saving the draft first if needed) and returns its document. An
    /// immediate matter accepted at the counter is decided on the spot: in review and approved.
    Result<documents::Document> decide(const IntakeDecision &decision);

    /// The document of the decision taken.
    Result<documents::Document> decisionDocument() const;
    /// The personalised checklist: from the case once it exists, else straight from the interview.
    Result<documents::Document> checklistDocument() const;
    documents::DocumentContext documentContext() const;
    /// Writes the audit row for showing or printing a document with personal data; documents
    /// without a case (the checklist before intake) carry none and are not audited.
    Result<void> recordOutput(const documents::Document &document, Output output) const;
    /// The stored file of an attachment of this case, checked against its hash, with the audit row
    /// for viewing it (scans carry personal data).
    Result<QString> openAttachment(const QString &sha256) const;

private:
    QDate today() const;
    Result<void> checkReadyToStore() const;
    cases::CaseEvent event(cases::EventKind kind, QJsonObject payload = {}) const;
    /// The case as the decision would store it (deadline filled in for an acceptance).
    Result<cases::Case> decided(const IntakeDecision &decision) const;
    Result<void> decideOnTheSpot();

    IntakeEnvironment m_environment;
    catalogue::CataloguePtr m_catalogue;
    InterviewOutcome m_interview;
    cases::Case m_case;
    std::optional<IntakeDecision> m_decision;
};

} // namespace ow::intake
