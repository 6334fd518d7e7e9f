#pragma once

#include "cases/Case.h"
#include "core/Result.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"
#include "intake/IntakeDecision.h"
#include "intake/IntakeEnvironment.h"
#include "intake/InterviewOutcome.h"
#include "intake/InterviewSession.h"
#include "intake/MaterialCheckList.h"
#include "intake/PreApplicationIntake.h"
#include "sharing/DataSharingPlatform.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <functional>
#include <memory>
#include <optional>

namespace ow::intake {

/// One intake at the counter, from the interview to the decision and its document. It owns the
/// interview (the answers and what the engine makes of them), the applicant and the material
/// checks, and builds the Case from them as they change (matter or bundle, applicant, checks,
/// attachments); numbers it in the store at the first save, computes the promised and supplement
/// deadlines on the working-day calendar, records the decision through the store (which applies
/// DecisionRules and the lifecycle), makes the document the applicant takes away and writes the
/// audit rows for showing and printing it. No widgets: the pages render it and send it the clerk's
/// intents (answers, the agent tick, the applicant, checks, scans); tests drive it directly.
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
    /// The audit action an output of a document is recorded under (also for reprints).
    static QString auditAction(Output output);

    IntakeSession(IntakeEnvironment environment, catalogue::CataloguePtr catalogue);
    IntakeSession(IntakeSession &&) noexcept;
    IntakeSession &operator=(IntakeSession &&) noexcept;
    ~IntakeSession();

    const IntakeEnvironment &environment() const { return m_environment; }
    const catalogue::Catalogue &catalogue() const { return *m_catalogue; }
    /// Whether cases can be numbered and decided here (a store and a logged-in clerk).
    bool canStore() const { return m_environment.canStoreCases(); }

    /// Starts the interview of a matter, or of a bundle's matters (members missing from the
    /// catalogue are left out), with the bundle's preset answers.
    void openMatter(const catalogue::Matter &matter);
    void openBundle(const catalogue::Bundle &bundle);
    /// When the interview ended in a referral (请办理): opens the matter it names instead, with the
    /// answers the two matters share. False, and nothing changes, for any other interview.
    bool followReferral();
    /// The interview as the page shows it; null before a matter or bundle is opened.
    const InterviewSession *liveInterview() const { return m_live.get(); }
    /// What answering would change (answers dropped, materials gained and lost), to ask first.
    catalogue::ChangePreview previewAnswer(
        int part, const QString &questionId, const catalogue::Answer &answer) const;
    /// The clerk's answer: evaluated once, it moves the interview, its checklist, the checks and the
    /// case together. A decided case keeps its situation; the interview still shows the answer.
    void setAnswer(int part, const QString &questionId, const catalogue::Answer &answer);
    /// Forgets every answer but a bundle's presets.
    void clearAnswers();
    /// The registration form's agent tick: answers each matter's agent question (AgentQuestion), so
    /// the authorisation letter joins or leaves the checklist. Whether any answer changed.
    bool setAgent(bool agent);

    /// Takes the interview's result into the case. Material checks and attachments of materials
    /// still on the checklist are kept; a stored case keeps its number. Refused once decided.
    Result<void> setInterview(const InterviewOutcome &outcome);
    const InterviewOutcome &interview() const { return m_interview; }
    /// The applicant as registered; a decided case keeps the one it was decided with.
    void setApplicant(const cases::Applicant &applicant);
    /// The queue ticket the applicant was called with (kept on the case); a decided case keeps its.
    void setTicket(const QString &ticket);
    /// Replaces the checks of the checklist's materials (kept by material id, the rest pending).
    void setChecks(const QList<cases::MaterialCheck> &checks);
    /// The material checks, one per checklist line: the check page records the clerk's checks here.
    MaterialCheckList &checkList() { return m_checks; }
    const MaterialCheckList &checkList() const { return m_checks; }

    /// The case as it stands, with the checks recorded so far.
    const cases::Case &currentCase() const;
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
    /// The document camera's pages (JPEG) as attachments of the material: written to a temporary
    /// folder only while the store copies them, since scans carry personal data.
    Result<QList<cases::CaseAttachment>> importScans(
        const QString &materialId, const QList<QByteArray> &jpegPages);

    /// Today at the hall, on the environment's clock.
    QDate today() const;

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
    /// The one-time notice (一次性告知书) of the screening outcome the interview ended in; refused
    /// when it ended in none.
    Result<documents::Document> outcomeNotice() const;
    documents::DocumentContext documentContext() const;
    /// Writes the audit row for showing or printing a document with personal data; documents
    /// without a case (the checklist before intake) carry none and are not audited.
    Result<void> recordOutput(const documents::Document &document, Output output) const;
    /// The stored file of an attachment of this case, checked against its hash, with the audit row
    /// for viewing it (scans carry personal data).
    Result<QString> openAttachment(const QString &sha256) const;

    // The online pre-application the intake was opened from (PreApplicationIntake.cpp).

    /// Opens `matter` with the pre-application's answers (given in asking order; answers the
    /// catalogue no longer reads are left for the clerk), registers its applicant and attaches its
    /// scans to their materials. The code goes with the draft and, at the first save, into a note
    /// on the case (PreApplicationNote), which syncs. The material checks stay for the clerk.
    Result<PreApplicationReport> takePreApplication(
        const catalogue::Matter &matter, const PreApplicationData &data);
    /// The pre-application code the intake was opened from; empty for any other intake.
    const QString &preApplicationCode() const { return m_preApplication; }
    /// Whether an attachment came with the pre-application (网上预审), not from the counter.
    bool isPreApplicationScan(const QString &sha256) const { return m_preApplicationScans.contains(sha256); }
    const QStringList &preApplicationScans() const { return m_preApplicationScans; }

    // Data-shared materials (数据共享) fetched from the data-sharing platform (SharedMaterialIntake.cpp).

    /// What to ask the platform for a data-shared material of the checklist: the material and the
    /// applicant's key (an organisation's credit code, a person's ID number; for the personal
    /// records the platform finds by ID number, such as the household register, an organisation's
    /// contact's). Refused with the reason when the material is not data-shared or the key is not
    /// registered yet.
    Result<sharing::SharedRequest> sharedRequest(const QString &materialId) const;
    /// The fetched document attached as the material's scan, through the same store as scans (so it
    /// syncs with the case), the check set to data sharing with the source, time and reference, and
    /// the audit row written (clerk, case, material, key masked, source).
    Result<cases::CaseAttachment> takeSharedDocument(
        const sharing::SharedRequest &request, const sharing::SharedDocument &document);
    /// The audit row of a fetch that failed, with its cause.
    Result<void> recordSharedFailure(const sharing::SharedRequest &request, const Error &error);
    /// The paper taken instead of a fetch that failed: received, with the reason on the check.
    Result<void> takeSharedOnPaper(const QString &materialId, const QString &reason);

    // The draft (IntakeDraft): the open intake kept in the case store while the clerk works, so a
    // crash or a power cut loses at most the seconds since the last write.

    /// The kept draft's id in the store; 0 before the first write and once decided.
    qint64 draftId() const { return m_draftId; }
    /// The step the window shows ("interview", "applicant", "materials", "decision"), kept with the
    /// draft so a resumed intake opens there.
    void setDraftStep(const QString &step) { m_draftStep = step; }
    const QString &draftStep() const { return m_draftStep; }
    /// Called after every change the session makes itself (answers, agent, applicant, checks set,
    /// files); changes made through checkList() are the check page's to announce.
    void setChangeListener(std::function<void()> listener) { m_changed = std::move(listener); }
    /// Typed work that only the draft holds: an intake is open and not decided.
    bool hasUnsavedWork() const { return m_live != nullptr && !isDecided(); }
    /// Writes the intake to the store's drafts in one transaction when it changed since the last
    /// write; nothing without a store, before a matter is open or once decided. Whether it wrote.
    Result<bool> keepDraft();
    /// The clerk abandons the intake: the draft goes, with the scans nothing else cites.
    Result<void> discardDraft();
    /// A kept draft opened again as the clerk left it: matter or bundle, answers, agent, applicant,
    /// checks, scans and step. A draft whose case was decided meanwhile is dropped and refused.
    static Result<std::unique_ptr<IntakeSession>> resume(
        IntakeEnvironment environment, catalogue::CataloguePtr catalogue, qint64 draftId);

private:
    friend class IntakeDraft;

    /// After the live interview changed: the case and the checks follow, unless it is decided.
    void takeLiveInterview();
    Result<void> checkReadyToStore() const;
    cases::CaseEvent event(cases::EventKind kind, QJsonObject payload = {}) const;
    /// The case as the decision would store it (deadline filled in for an acceptance).
    Result<cases::Case> decided(const IntakeDecision &decision) const;
    Result<void> decideOnTheSpot();
    void announceChange() const
    {
        if (m_changed)
            m_changed();
    }
    /// The case holds everything once decided: the draft goes (a failure leaves it, and resume()
    /// drops it later).
    void settleDraft();
    /// Once the case is stored: the note naming the pre-application, written once.
    Result<void> recordPreApplication();
    /// Stores the bytes and lists them under the material (no save; the caller saves or keeps).
    Result<bool> attachBytes(const PreApplicationScanData &scan);
    /// Stores the bytes and lists them under the material unless they are listed there already;
    /// the attachment either way (no save).
    Result<cases::CaseAttachment> attachData(
        const QString &materialId, const QString &fileName, const QString &mimeType, const QByteArray &bytes);
    /// An audit row on this case (its number, or its draft while it has none).
    Result<void> audit(const QString &action, const QJsonObject &detail) const;
    /// After the checks or attachments changed outside an answer: saved when stored, kept as a draft.
    Result<void> settleChange();

    IntakeEnvironment m_environment;
    catalogue::CataloguePtr m_catalogue;
    /// On the heap, like the interview that refers to it, so a session can be moved.
    std::unique_ptr<catalogue::SituationEngine> m_engine;
    std::unique_ptr<InterviewSession> m_live;
    InterviewOutcome m_interview;
    MaterialCheckList m_checks;
    /// The checks live in m_checks; currentCase() copies them in when the case is read.
    mutable cases::Case m_case;
    std::optional<IntakeDecision> m_decision;
    bool m_agent = false;
    qint64 m_draftId = 0;
    QString m_draftStep;
    std::function<void()> m_changed;
    QByteArray m_lastKept; ///< the draft content last written, to skip writes that change nothing
    QString m_preApplication; ///< the pre-application code, when opened from one
    QStringList m_preApplicationScans; ///< SHA-256 of the scans it brought
    bool m_preApplicationRecorded = false; ///< its note is on the stored case
};

} // namespace ow::intake
