#include "ui/IntakeFlow.h"

#include "cases/DraftStore.h"
#include "intake/ConsultationRecord.h"
#include "intake/DraftKeeper.h"
#include "ui/ApplicantForm.h"
#include "ui/ConfirmDialog.h"
#include "ui/ConsultationDialog.h"
#include "ui/DecisionPage.h"
#include "ui/DocumentPreview.h"
#include "ui/InterviewPage.h"
#include "ui/MaterialCheckPage.h"
#include "ui/RegistrationPage.h"
#include "ui/SharedMaterialControl.h"
#include "ui/WorkstationDevices.h"

#include <QDesktopServices>
#include <QStackedWidget>
#include <QUrl>

namespace ow::ui {

using intake::IntakeSession;

IntakeFlow::IntakeFlow(catalogue::CataloguePtr catalogue, intake::IntakeEnvironment environment,
    QStackedWidget *stack, QWidget *parent)
    : QObject(parent)
    , m_catalogue(std::move(catalogue))
    , m_environment(std::move(environment))
    , m_stack(stack)
{
    m_interviewPage = new InterviewPage(stack);
    m_stack->addWidget(m_interviewPage);
    m_applicantForm = new ApplicantForm(stack);
    m_registrationPage = new RegistrationPage(m_applicantForm, m_environment.canStoreCases(), stack);
    m_stack->addWidget(m_registrationPage);
    m_checkPage = new MaterialCheckPage(stack);
    m_stack->addWidget(m_checkPage);
    m_decisionPage = new DecisionPage(stack);
    m_stack->addWidget(m_decisionPage);
    m_documentPreview = new DocumentPreview(stack);
    m_documentPreview->setPrintWithoutDialog(m_environment.printWithoutDialog);
    m_stack->addWidget(m_documentPreview);

    // Every change is kept as a draft a moment later: a crash loses at most that moment.
    m_keeper = new intake::DraftKeeper(m_environment.clock, this);
    connect(m_keeper, &intake::DraftKeeper::failed, this,
        [this](const QString &reason) { problem(tr("The draft could not be kept: %1").arg(reason)); });
    connect(m_checkPage, &MaterialCheckPage::checksChanged, m_keeper, &intake::DraftKeeper::changed);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] {
        if (!m_intake)
            return;
        // The step goes with the draft, so a resumed intake opens where it was left.
        const QWidget *page = m_stack->currentWidget();
        const QString step = page == m_registrationPage ? QStringLiteral("applicant")
            : page == m_checkPage                       ? QStringLiteral("materials")
            : page == m_decisionPage                    ? QStringLiteral("decision")
                                                        : QStringLiteral("interview");
        if (step != m_intake->draftStep()) {
            m_intake->setDraftStep(step);
            m_keeper->changed();
        }
    });

    // The pages' intents go to the intake; the pages render what it then holds.
    connect(m_interviewPage, &InterviewPage::backRequested, this, &IntakeFlow::searchRequested);
    connect(m_interviewPage, &InterviewPage::referralRequested, this, &IntakeFlow::followReferral);
    connect(m_interviewPage, &InterviewPage::outcomeNoticeRequested, this, &IntakeFlow::showOutcomeNotice);
    connect(m_interviewPage, &InterviewPage::interviewChanged, this, &IntakeFlow::stateChanged);
    connect(m_applicantForm, &ApplicantForm::agentChanged, this, &IntakeFlow::applyAgent);
    connect(m_applicantForm, &ApplicantForm::changed, this, [this] {
        if (m_intake)
            m_intake->setApplicant(m_applicantForm->applicant());
    });
    // Without the counter's devices (setDevices) F3 says there is no reader.
    connect(m_applicantForm, &ApplicantForm::readCardRequested, this, [this] {
        if (!m_devices)
            say(tr("No ID card reader is connected to this workstation; type the applicant's details."));
    });
    connect(m_checkPage, &MaterialCheckPage::importRequested, this, &IntakeFlow::importFiles);
    connect(m_checkPage, &MaterialCheckPage::scanRequested, this, &IntakeFlow::scanMaterial);
    connect(m_checkPage, &MaterialCheckPage::attachmentOpenRequested, this, &IntakeFlow::openAttachment);
    m_shared = new SharedMaterialControl(
        m_checkPage, [this] { return m_intake.get(); }, this);
    connect(m_shared, &SharedMaterialControl::message, this, &IntakeFlow::message);
    connect(m_shared, &SharedMaterialControl::caseChanged, this, [this] {
        m_checkPage->setAttachments(m_intake->currentCase().attachments, m_intake->preApplicationScans());
        announceCaseNumber();
        if (m_intake->isStored())
            Q_EMIT caseSaved(m_intake->currentCase().number);
    });
    connect(m_decisionPage, &DecisionPage::decisionRequested, this, &IntakeFlow::decide);
    connect(m_documentPreview, &DocumentPreview::output, this,
        [this](IntakeSession::Output output) { audit(m_documentPreview->document(), output); });
}

IntakeFlow::~IntakeFlow()
{
    // The pages refer into the intake, and the interview's widgets into the catalogue: let go of
    // both while they are alive, not later among the window's children.
    m_checkPage->showCheckList(nullptr);
    m_decisionPage->setSession(nullptr);
    delete m_interviewPage;
}

void IntakeFlow::setDataSharing(sharing::DataSharingPlatform *platform)
{
    m_shared->setPlatform(platform);
}

bool IntakeFlow::isInterviewing() const
{
    return m_stack->currentWidget() == m_interviewPage;
}

bool IntakeFlow::isRegistering() const
{
    return m_stack->currentWidget() == m_registrationPage;
}

bool IntakeFlow::isChecking() const
{
    return m_stack->currentWidget() == m_checkPage;
}

bool IntakeFlow::isDeciding() const
{
    return m_stack->currentWidget() == m_decisionPage;
}

bool IntakeFlow::isShowingDocument() const
{
    return m_stack->currentWidget() == m_documentPreview;
}

bool IntakeFlow::isInterviewComplete() const
{
    return m_intake && m_interviewPage->session() && m_interviewPage->session()->isComplete();
}

bool IntakeFlow::hasScreeningOutcome() const
{
    return m_intake && m_interviewPage->session() && m_interviewPage->session()->outcome();
}

QString IntakeFlow::interviewName() const
{
    const intake::InterviewSession *interview = m_interviewPage->session();
    if (!interview)
        return {};
    return interview->bundle() ? interview->bundle()->name : interview->parts().constFirst().matter->name;
}

void IntakeFlow::show(QWidget *page)
{
    m_stack->setCurrentWidget(page);
}

void IntakeFlow::openMatter(const catalogue::Matter *matter)
{
    if (!matter)
        return;
    auto intake = std::make_unique<IntakeSession>(m_environment, m_catalogue);
    intake->openMatter(*matter);
    startIntake(std::move(intake));
}

void IntakeFlow::openMatterWithAnswers(const catalogue::Matter *matter, const catalogue::Answers &answers)
{
    if (!matter)
        return;
    auto intake = std::make_unique<IntakeSession>(m_environment, m_catalogue);
    intake->openMatter(*matter);
    for (const catalogue::Question &question : matter->questions)
        if (const catalogue::Answer *answer = answers.find(question.id))
            intake->setAnswer(0, question.id, *answer);
    startIntake(std::move(intake));
}

void IntakeFlow::openBundle(const catalogue::Bundle *bundle)
{
    if (!bundle)
        return;
    auto intake = std::make_unique<IntakeSession>(m_environment, m_catalogue);
    intake->openBundle(*bundle);
    startIntake(std::move(intake));
}

void IntakeFlow::openTicket(const ow::sync::QueueTicket &ticket)
{
    // The intake open belongs to the person before: it stays as their draft.
    if (hasUnsavedIntake() && !keepDraftNow())
        return;
    m_ticket = ticket.number;
    m_applicantForm->clear();
    if (ticket.hasCard())
        m_applicantForm->fillFromCard(ticket.cardName, ticket.cardIdNumber, ticket.cardAddress);
    if (!ticket.mobile.isEmpty()) {
        cases::Applicant applicant = m_applicantForm->applicant();
        if (applicant.contactMobile.isEmpty()) {
            applicant.contactMobile = ticket.mobile;
            m_applicantForm->setApplicant(applicant);
        }
    }
    if (const catalogue::Matter *matter = m_catalogue->matter(ticket.matter)) {
        openMatter(matter);
        say(tr("Ticket %1 called: %2.").arg(ticket.number, matter->name));
    } else if (const catalogue::Bundle *bundle = m_catalogue->bundle(ticket.bundle)) {
        openBundle(bundle);
        say(tr("Ticket %1 called: %2.").arg(ticket.number, bundle->name));
    } else {
        // 导服 tickets have no matter yet; the one found with the applicant takes the ticket.
        Q_EMIT searchRequested();
        say(tr("Ticket %1 called: find the applicant's matter.").arg(ticket.number));
    }
}

bool IntakeFlow::openPreApplication(const catalogue::Matter *matter, const intake::PreApplicationData &data)
{
    if (!matter || !m_environment.canStoreCases())
        return false;
    // The intake open belongs to the person before: it stays as their draft.
    if (hasUnsavedIntake() && !keepDraftNow())
        return false;
    auto intake = std::make_unique<IntakeSession>(m_environment, m_catalogue);
    const Result<intake::PreApplicationReport> report = intake->takePreApplication(*matter, data);
    if (!report) {
        problem(
            tr("The pre-application %1 could not be opened: %2").arg(data.code, report.error().message()));
        return false;
    }
    // The form shows the pre-application's applicant before the new intake takes the form's: the
    // intake put aside must not hear of it.
    m_keeper->setSession(nullptr);
    if (m_intake)
        m_intake->setChangeListener({});
    m_applicantForm->setApplicant(data.applicant);
    startIntake(std::move(intake));
    QString said
        = tr("Pre-application %1 opened: %2, with the applicant's answers, registration and %n scan(s). "
             "Check the originals, then decide.",
            nullptr, report->scansAttached)
              .arg(data.code, matter->name);
    if (report->answersLeft > 0)
        said += u' '
            + tr("%n answer(s) this catalogue no longer reads: ask the applicant.", nullptr,
                report->answersLeft);
    if (!report->scansWithoutMaterial.isEmpty())
        said += u' '
            + tr("Scans for materials not on this checklist: %1.")
                  .arg(report->scansWithoutMaterial.join(u", "));
    say(said);
    return true;
}

void IntakeFlow::startIntake(std::unique_ptr<IntakeSession> intake)
{
    // Every interview opened is a new intake; nothing is stored before the first save or decision.
    // The earlier intake stays alive until the pages have let go of it.
    m_checkPage->showCheckList(nullptr);
    m_decisionPage->setSession(nullptr);
    intake->setApplicant(m_applicantForm->applicant());
    intake->setTicket(m_ticket);
    show(m_interviewPage);
    m_interviewPage->start(intake.get());
    // The intake put aside stays as its draft, written now; the new one is kept from here on.
    (void)m_keeper->flush();
    intake->setChangeListener([keeper = m_keeper] { keeper->changed(); });
    m_keeper->setSession(intake.get());
    m_keeper->changed();
    checklistGiven(false); // the intake replaced, if only its checklist was given
    m_intake = std::move(intake);
    m_checksShown = false;
    m_checklistShown = m_consultationRecorded = false;
    announceCaseNumber();
    Q_EMIT stateChanged();
}

bool IntakeFlow::goBack()
{
    if (isShowingDocument() && m_previewReturn) {
        show(m_previewReturn);
        m_previewReturn = nullptr;
    } else if (isShowingDocument()) {
        show(m_decisionPage);
        m_decisionPage->refresh();
    } else if (isDeciding()) {
        show(m_checkPage);
        m_checkPage->focusFirstPending();
    } else if (isChecking()) {
        show(m_registrationPage);
        m_applicantForm->focusFirstField();
    } else if (isRegistering()) {
        resumeInterview();
    } else if (m_interviewPage->isSampleEnlarged()) {
        m_interviewPage->setSampleEnlarged(false);
    } else {
        return false;
    }
    return true;
}

void IntakeFlow::resumeInterview()
{
    if (!m_interviewPage->hasSession())
        return;
    show(m_interviewPage);
    m_interviewPage->focusNextOpenQuestion();
}

void IntakeFlow::showRegistration()
{
    if (!m_interviewPage->hasSession())
        return;
    show(m_registrationPage);
    m_applicantForm->focusFirstField();
}

void IntakeFlow::applyAgent(bool agent)
{
    if (!m_intake || !m_intake->setAgent(agent))
        return;
    m_interviewPage->refresh();
    say(agent ? tr("An agent applies: the authorisation letter and the agent's ID card "
                   "were added to the checklist.")
              : tr("The applicant applies in person: the agent's materials were removed "
                   "from the checklist."));
}

void IntakeFlow::showMaterialCheck()
{
    if (!canStore() || !m_interviewPage->hasSession())
        return;
    if (hasScreeningOutcome()) {
        say(tr("The answers ended in a screening outcome: no case can be accepted. Tell the applicant, and "
               "print the one-time notice if they wish."));
        resumeInterview();
        return;
    }
    if (!m_interviewPage->session()->isComplete()) {
        say(tr("Answer every question first: the checklist is not settled yet."));
        resumeInterview();
        return;
    }
    m_checkPage->showCheckList(&m_intake->checkList());
    m_checkPage->setAttachments(m_intake->currentCase().attachments, m_intake->preApplicationScans());
    // Without a holiday calendar a waiver starts from today; the clerk sets the date.
    const Result<QDate> due = m_intake->defaultSupplementDeadline();
    m_checkPage->setDefaultSupplementDeadline(due ? *due : m_intake->today());
    m_checksShown = true;
    show(m_checkPage);
    m_checkPage->focusFirstPending();
}

void IntakeFlow::showDecision()
{
    if (!canStore())
        return;
    if (!m_checksShown && !m_intake->isDecided()) {
        // The decision rests on the check: go through it first.
        showMaterialCheck();
        if (isChecking())
            say(tr("Check the materials first, then decide (F5)."));
        return;
    }
    m_decisionPage->setSession(m_intake.get());
    show(m_decisionPage);
    m_decisionPage->focusBestDecision();
}

void IntakeFlow::decide(const intake::IntakeDecision &decision)
{
    if (!m_intake)
        return;
    const Result<documents::Document> document = m_intake->decide(decision);
    announceCaseNumber();
    if (!document) {
        problem(document.error().message());
        m_decisionPage->refresh();
        return;
    }
    const cases::Case &c = m_intake->currentCase();
    m_documentPreview->setDocument(*document,
        tr("Recorded as %1: hand the applicant the %2").arg(cases::displayName(c.state), document->title));
    m_previewReturn = nullptr;
    show(m_documentPreview);
    audit(*document, IntakeSession::Output::Previewed);
    say(tr("Case %1 recorded as %2.").arg(document->caseNumber, cases::displayName(c.state)));
    Q_EMIT stateChanged();
    Q_EMIT caseSaved(c.number);
    if (!c.ticket.isEmpty())
        Q_EMIT ticketServed(c.ticket);
    if (m_devices)
        m_devices->requestRating(c.number);
}

void IntakeFlow::saveDraft()
{
    if (!canStore())
        return;
    const Result<void> saved = m_intake->save();
    if (!saved) {
        problem(saved.error().message());
        return;
    }
    announceCaseNumber();
    say(tr("Saved as case %1.").arg(m_intake->currentCase().number));
    Q_EMIT caseSaved(m_intake->currentCase().number);
}

bool IntakeFlow::startNewCase()
{
    if (hasUnsavedIntake()) {
        // Not decided: the intake is put aside as a draft the clerk can resume (继续办理).
        if (ConfirmDialog::ask(m_stack->window(), tr("New case"), tr("Put this intake aside?"),
                tr("<p>The intake of <b>%1</b> is not decided. It is kept as a draft: resume it from "
                   "the case list (<i>Resume</i>).</p>")
                    .arg(interviewName().toHtmlEscaped()),
                tr("Put aside and start a new case"))
            != ConfirmDialog::Choice::Confirm)
            return false;
        if (!keepDraftNow())
            return false;
    } else if (!isDecided()) {
        return false;
    }
    checklistGiven(false);
    m_keeper->setSession(nullptr);
    m_checkPage->showCheckList(nullptr);
    m_decisionPage->setSession(nullptr);
    m_interviewPage->endSession();
    m_intake.reset();
    m_checksShown = false;
    m_checklistShown = m_consultationRecorded = false;
    m_applicantForm->clear();
    m_ticket.clear(); // the next applicant is a walk-in until a ticket is called
    announceCaseNumber();
    return true;
}

void IntakeFlow::showChecklist()
{
    if (hasScreeningOutcome()) {
        showOutcomeNotice();
        return;
    }
    if (!isInterviewComplete())
        return;
    const Result<documents::Document> document = m_intake->checklistDocument();
    if (!document) {
        problem(document.error().message());
        return;
    }
    if (!isShowingDocument())
        m_previewReturn = m_stack->currentWidget();
    m_documentPreview->setDocument(*document, tr("The applicant's checklist"));
    show(m_documentPreview);
    audit(*document, IntakeSession::Output::Previewed);
    m_checklistShown = true;
}

void IntakeFlow::showOutcomeNotice()
{
    if (!hasScreeningOutcome())
        return;
    const Result<documents::Document> document = m_intake->outcomeNotice();
    if (!document) {
        problem(document.error().message());
        return;
    }
    if (!isShowingDocument())
        m_previewReturn = m_stack->currentWidget();
    m_documentPreview->setDocument(*document, tr("One-time notice of the screening outcome"));
    show(m_documentPreview);
    audit(*document, IntakeSession::Output::Previewed);
}

void IntakeFlow::followReferral()
{
    if (!m_intake)
        return;
    const QString from = interviewName();
    if (!m_intake->followReferral())
        return;
    show(m_interviewPage);
    m_interviewPage->start(m_intake.get());
    say(tr("%1 opened in place of %2, with the answers both matters ask.").arg(interviewName(), from));
    Q_EMIT stateChanged();
}

void IntakeFlow::importFiles(const QString &materialId, const QStringList &paths)
{
    if (!m_intake)
        return;
    attached(m_intake->importFiles(materialId, paths));
}

void IntakeFlow::importScans(const QString &materialId, const QList<QByteArray> &jpegPages)
{
    if (!m_intake)
        return;
    attached(m_intake->importScans(materialId, jpegPages));
}

void IntakeFlow::attached(const Result<QList<cases::CaseAttachment>> &added)
{
    if (!added) {
        problem(added.error().message());
        return;
    }
    m_checkPage->setAttachments(m_intake->currentCase().attachments, m_intake->preApplicationScans());
    announceCaseNumber();
    say(tr("%n file(s) attached.", nullptr, int(added->size())));
    if (m_intake->isStored())
        Q_EMIT caseSaved(m_intake->currentCase().number);
}

void IntakeFlow::scanMaterial(const QString &materialId)
{
    if (!m_devices) {
        problem(tr("No document camera is connected to this workstation; import the scanned file instead."));
        return;
    }
    const catalogue::ChecklistLine *line
        = m_intake ? m_intake->interview().checklist.find(materialId) : nullptr;
    m_devices->captureMaterial(materialId, line ? line->name : materialId);
}

void IntakeFlow::openAttachment(const QString &sha256)
{
    if (!m_intake)
        return;
    const Result<QString> path = m_intake->openAttachment(sha256);
    if (!path)
        problem(path.error().message());
    else
        QDesktopServices::openUrl(QUrl::fromLocalFile(*path));
}

void IntakeFlow::audit(const documents::Document &document, IntakeSession::Output output)
{
    if (!m_intake)
        return;
    const Result<void> audited = m_intake->recordOutput(document, output);
    if (!audited)
        problem(audited.error().message());
    if (document.kind == documents::DocumentKind::Checklist && output != IntakeSession::Output::Previewed)
        checklistGiven(true);
}

void IntakeFlow::checklistGiven(bool printed)
{
    if (!m_intake || m_consultationRecorded || (!printed && !m_checklistShown))
        return;
    const Result<bool> recorded = intake::ConsultationRecord::record(m_environment, *m_intake, printed);
    if (!recorded) {
        problem(recorded.error().message());
        return;
    }
    m_consultationRecorded = *recorded;
}

void IntakeFlow::recordConsultation()
{
    const intake::InterviewSession *interview = m_interviewPage->session();
    if (!m_intake || !interview)
        return;
    if (!m_environment.canStoreCases()) {
        say(tr("This workstation keeps no cases, so it records no consultations."));
        return;
    }
    if (m_consultation) {
        m_consultation->raise();
        return;
    }
    QStringList answers;
    for (const intake::InterviewSession::Part &part : interview->parts())
        answers += part.evaluation.situationPath;
    m_consultation = new ConsultationDialog(
        interviewName(), answers,
        [this](const QString &question, const QString &answer) -> Result<void> {
            if (!m_intake)
                return fail(Error::Code::Invalid, tr("The intake was closed: nothing was recorded."));
            const Result<bool> recorded
                = intake::ConsultationRecord::recordQuestion(m_environment, *m_intake, question, answer);
            if (!recorded)
                return failWith(recorded.error());
            return {};
        },
        m_stack->window());
    m_consultation->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_consultation, &QDialog::accepted, this, [this] {
        // This intake's consultation is counted: its checklist given later is not counted again.
        m_consultationRecorded = true;
        say(tr("Consultation recorded for %1.").arg(interviewName()));
    });
    m_consultation->open();
}

void IntakeFlow::announceCaseNumber()
{
    Q_EMIT caseNumberChanged(m_intake ? m_intake->currentCase().number : QString());
}

bool IntakeFlow::keepDraftNow()
{
    if (!hasUnsavedIntake() || !canStore())
        return true;
    return bool(m_keeper->flush());
}

bool IntakeFlow::resumeDraft(qint64 draftId)
{
    if (!keepDraftNow())
        return false;
    Result<std::unique_ptr<IntakeSession>> resumed
        = IntakeSession::resume(m_environment, m_catalogue, draftId);
    if (!resumed) {
        problem(resumed.error().message());
        return false;
    }
    const QString step = (*resumed)->draftStep();
    // The form shows the resumed applicant before the intake takes the form's: let go of the
    // intake put aside first, so the form's change does not reach its draft.
    m_keeper->setSession(nullptr);
    if (m_intake)
        m_intake->setChangeListener({});
    m_applicantForm->setApplicant((*resumed)->currentCase().applicant);
    startIntake(std::move(*resumed));
    if (step == QStringLiteral("applicant"))
        showRegistration();
    else if ((step == QStringLiteral("materials") || step == QStringLiteral("decision"))
        && isInterviewComplete())
        showMaterialCheck();
    say(tr("The intake of %1 is open again as it was left.").arg(interviewName()));
    return true;
}

bool IntakeFlow::discardIntake()
{
    if (!m_intake || m_intake->isDecided())
        return false;
    m_keeper->setSession(nullptr);
    const Result<void> discarded = m_intake->discardDraft();
    if (!discarded) {
        problem(discarded.error().message());
        m_keeper->setSession(m_intake.get());
        return false;
    }
    m_checkPage->showCheckList(nullptr);
    m_decisionPage->setSession(nullptr);
    m_interviewPage->endSession();
    m_intake.reset();
    m_checksShown = false;
    m_checklistShown = m_consultationRecorded = false;
    m_applicantForm->clear();
    announceCaseNumber();
    Q_EMIT stateChanged();
    return true;
}

bool IntakeFlow::discardDraft(qint64 draftId)
{
    if (m_intake && m_intake->draftId() == draftId)
        return discardIntake();
    if (!m_environment.canStoreCases())
        return false;
    const Result<QStringList> removed = cases::DraftStore(*m_environment.store).discard(draftId);
    if (!removed) {
        problem(removed.error().message());
        return false;
    }
    return true;
}

bool IntakeFlow::offerDraftResume(QWidget *parent)
{
    if (!m_environment.canStoreCases())
        return false;
    const Result<QList<cases::DraftSummary>> drafts
        = cases::DraftStore(*m_environment.store).list(m_environment.clerkId);
    if (!drafts || drafts->isEmpty())
        return false;
    const cases::DraftSummary &newest = drafts->constFirst();
    const QString when = newest.updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (ConfirmDialog::ask(parent, tr("Resume an intake"), tr("Resume the intake you left?"),
            tr("<p><b>%1</b> (%2), last changed %3, was not finished.</p><p>%n draft(s) in all; the "
               "others are in the case list.</p>",
                nullptr, int(drafts->size()))
                .arg(newest.title.toHtmlEscaped(), newest.applicantMasked.toHtmlEscaped(), when),
            tr("Resume"))
        != ConfirmDialog::Choice::Confirm)
        return false;
    return resumeDraft(newest.id);
}

} // namespace ow::ui
