#pragma once

#include "catalogue/Catalogue.h"
#include "intake/IntakeEnvironment.h"
#include "intake/IntakeSession.h"
#include "sync/QueueClient.h"

#include <QObject>
#include <QPointer>
#include <memory>

class QStackedWidget;
class QWidget;

namespace ow::intake {
class DraftKeeper;
} // namespace ow::intake

namespace ow::sharing {
class DataSharingPlatform;
} // namespace ow::sharing

namespace ow::ui {

class ApplicantForm;
class ConsultationDialog;
class DecisionPage;
class DocumentPreview;
class InterviewPage;
class MaterialCheckPage;
class SharedMaterialControl;
class WorkstationDevices;

/// The steps of one intake as pages of the window's stack: interview, applicant, material check,
/// decision and the document handed out. It holds the IntakeSession and wires the pages' intents to
/// it (answers, the agent tick, the applicant, checks, scans, the decision); the pages render it.
/// Without a case store the intake ends at the printable checklist.
class IntakeFlow : public QObject
{
    Q_OBJECT

public:
    /// The pages are added to `stack`, which outlives the flow's use of them.
    IntakeFlow(catalogue::CataloguePtr catalogue, intake::IntakeEnvironment environment,
        QStackedWidget *stack, QWidget *parent);
    ~IntakeFlow() override;

    const intake::IntakeEnvironment &environment() const { return m_environment; }
    /// The open intake; null before a matter is opened and after Ctrl+N.
    const intake::IntakeSession *session() const { return m_intake.get(); }
    InterviewPage *interviewPage() const { return m_interviewPage; }
    ApplicantForm *applicantForm() const { return m_applicantForm; }
    MaterialCheckPage *materialCheckPage() const { return m_checkPage; }
    DecisionPage *decisionPage() const { return m_decisionPage; }
    DocumentPreview *documentPreview() const { return m_documentPreview; }
    bool isInterviewing() const;
    bool isRegistering() const;
    bool isChecking() const;
    bool isDeciding() const;
    bool isShowingDocument() const;
    /// The document shown is the checklist preview, which Esc leaves for where it was asked.
    bool isPreviewingChecklist() const { return m_previewReturn != nullptr; }
    bool canStore() const { return m_intake && m_intake->canStore(); }
    bool isDecided() const { return m_intake && m_intake->isDecided(); }
    bool isInterviewComplete() const;
    /// The answers ended the interview in a screening outcome (无需办理 / 请办理): no case can be
    /// accepted, the one-time notice can be printed.
    bool hasScreeningOutcome() const;
    /// The name of the open interview's matter or bundle, or empty.
    QString interviewName() const;

    /// An intake is open and undecided: quitting, locking or a new case must keep it as a draft.
    bool hasUnsavedIntake() const { return m_intake && m_intake->hasUnsavedWork(); }
    /// Writes the open intake's draft now (quitting, locking, switching clerk). False when it had to
    /// be written and could not (the reason goes to the status bar).
    bool keepDraftNow();
    /// Opens a kept draft where the clerk left it; false (reason in the status bar) when it cannot.
    bool resumeDraft(qint64 draftId);
    /// The clerk abandons the open intake: its draft and the scans only it held go.
    bool discardIntake();
    /// The clerk abandons a kept draft (from the case list): the open intake when it is that draft,
    /// else the draft in the store, with the scans only it held.
    bool discardDraft(qint64 draftId);
    /// After login: offers the clerk's newest draft (through ConfirmDialog); whether one was resumed.
    bool offerDraftResume(QWidget *parent);
    intake::DraftKeeper *draftKeeper() const { return m_keeper; }

    /// The camera and the evaluator: F6 scans through them, each decision asks for a rating.
    void setDevices(WorkstationDevices *devices) { m_devices = devices; }
    /// The data-sharing platform F7 fetches data-shared materials from (not owned; null: none).
    void setDataSharing(sharing::DataSharingPlatform *platform);
    SharedMaterialControl *sharedMaterials() const { return m_shared; }

public Q_SLOTS:
    void openMatter(const catalogue::Matter *matter);
    void openBundle(const catalogue::Bundle *bundle);
    /// The matter of a guide code the applicant brought (the self-service checklist's QR code), with
    /// the applicant's answers given in asking order, so nothing is asked twice.
    void openMatterWithAnswers(const catalogue::Matter *matter, const catalogue::Answers &answers);
    /// A queue ticket was called here: the intake open is kept as a draft, the ticket's ID card fills
    /// the applicant, and its matter or bundle opens when the catalogue has it (else the search, and
    /// the matter chosen there takes the ticket). The case keeps the ticket's number.
    void openTicket(const ow::sync::QueueTicket &ticket);
    /// An online pre-application fetched from the hall's server (PreApplicationPickup): the intake
    /// open is kept as a draft, and `matter` opens with the applicant's answers, registration and
    /// scans; the clerk checks the originals and decides as usual. False (reason said) when it
    /// cannot be opened.
    bool openPreApplication(const catalogue::Matter *matter, const intake::PreApplicationData &data);
    /// Esc: one step back; true when there was a step to go back to within the intake.
    bool goBack();
    void resumeInterview();
    void showRegistration();
    void showMaterialCheck();
    void showDecision();
    void saveDraft();
    /// Forgets the decided intake (the next applicant starts at the search).
    bool startNewCase();
    /// The checklist preview; on a screening outcome, its one-time notice instead.
    void showChecklist();
    /// The one-time notice (一次性告知书) of the screening outcome, in the document preview.
    void showOutcomeNotice();
    /// A referral outcome: the matter it names opens with the answers the two matters share.
    void followReferral();
    /// F11: the question the applicant asked and the answer given, recorded as a consultation of the
    /// open matter (ConsultationDialog; several per intake). The checklist given without a case
    /// afterwards is not counted again; one given before stays counted.
    void recordConsultation();
    void importFiles(const QString &materialId, const QStringList &paths);
    void importScans(const QString &materialId, const QList<QByteArray> &jpegPages);

Q_SIGNALS:
    /// The case was stored or changed (draft saved, decided, scans added).
    void caseSaved(const QString &caseNumber);
    /// A sentence for the status bar; `problem` keeps it longer.
    void message(const QString &text, bool problem);
    /// The number of the open case changed (empty: none).
    void caseNumberChanged(const QString &caseNumber);
    /// The step shown or what the intake allows changed: the window updates its actions.
    void stateChanged();
    /// Back past the interview: the search.
    void searchRequested();
    /// The intake of queue ticket `number` was decided: its service is over.
    void ticketServed(const QString &number);

private:
    void startIntake(std::unique_ptr<intake::IntakeSession> intake);
    void decide(const intake::IntakeDecision &decision);
    void applyAgent(bool agent);
    void scanMaterial(const QString &materialId);
    /// After files or scans were imported: the check page shows them, the sync hears of them.
    void attached(const Result<QList<cases::CaseAttachment>> &added);
    void openAttachment(const QString &sha256);
    void audit(const documents::Document &document, intake::IntakeSession::Output output);
    /// The checklist went to the applicant without a case (printed, or shown and the interview
    /// closed): recorded as a consultation, once per intake (intake::ConsultationRecord).
    void checklistGiven(bool printed);
    void show(QWidget *page);
    void problem(const QString &text) { Q_EMIT message(text, true); }
    void say(const QString &text) { Q_EMIT message(text, false); }
    void announceCaseNumber();

    catalogue::CataloguePtr m_catalogue;
    intake::IntakeEnvironment m_environment;
    std::unique_ptr<intake::IntakeSession> m_intake;
    QStackedWidget *m_stack;
    InterviewPage *m_interviewPage = nullptr;
    QWidget *m_registrationPage = nullptr;
    ApplicantForm *m_applicantForm = nullptr;
    MaterialCheckPage *m_checkPage = nullptr;
    DecisionPage *m_decisionPage = nullptr;
    DocumentPreview *m_documentPreview = nullptr;
    WorkstationDevices *m_devices = nullptr;
    SharedMaterialControl *m_shared = nullptr;
    bool m_checksShown = false; ///< the clerk has been through the check of this intake
    bool m_checklistShown = false; ///< this intake's checklist was on screen
    bool m_consultationRecorded = false;
    QPointer<ConsultationDialog> m_consultation;
    QWidget *m_previewReturn = nullptr; ///< where Esc leaves the checklist preview for
    intake::DraftKeeper *m_keeper = nullptr;
    QString m_ticket; ///< the queue ticket of the applicant at the counter; empty for a walk-in
};

} // namespace ow::ui
