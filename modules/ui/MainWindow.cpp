#include "ui/MainWindow.h"

#include "cases/CaseNumber.h"
#include "intake/AgentQuestion.h"
#include "intake/IntakeSession.h"
#include "ui/ApplicantForm.h"
#include "ui/CaseScreens.h"
#include "ui/DecisionPage.h"
#include "ui/DocumentPreview.h"
#include "ui/IntakeStepBar.h"
#include "ui/InterviewPage.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MatterSearchPage.h"
#include "ui/RegistrationPage.h"
#include "ui/SampleViewer.h"
#include "ui/ShortcutsDialog.h"
#include "ui/WorkstationDevices.h"
#include "ui/WorkstationShortcuts.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUrl>
#include <QVBoxLayout>

namespace ow::ui {

using intake::AgentQuestion;
using intake::InterviewSession;

using namespace ow::catalogue;

MainWindow::MainWindow(CataloguePtr catalogue, QWidget *parent)
    : MainWindow(std::move(catalogue), intake::IntakeEnvironment(), parent)
{
}

MainWindow::MainWindow(CataloguePtr catalogue, intake::IntakeEnvironment environment, QWidget *parent)
    : QMainWindow(parent)
    , m_catalogue(catalogue)
    , m_engine(catalogue)
    , m_environment(std::move(environment))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("OneWindow Counter Workstation — %1 %2").arg(m_catalogue->name, m_catalogue->version));

    m_searchPage = new MatterSearchPage(m_catalogue, this);
    m_interviewPage = new InterviewPage(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_searchPage);
    m_stack->addWidget(m_interviewPage);
    m_applicantForm = new ApplicantForm(this);
    m_registrationPage = new RegistrationPage(m_applicantForm, m_environment.canStoreCases(), this);
    m_stack->addWidget(m_registrationPage);
    createIntakePages();
    // The steps of the intake stand above the pages that follow the interview.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_stepBar = new IntakeStepBar(central);
    m_stepBar->hide();
    centralLayout->addWidget(m_stepBar);
    centralLayout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_searchPage, &MatterSearchPage::matterChosen, this, &MainWindow::openMatter);
    connect(m_searchPage, &MatterSearchPage::bundleChosen, this, &MainWindow::openBundle);
    connect(m_interviewPage, &InterviewPage::backRequested, this, &MainWindow::showSearch);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] { updateActions(); });
    // Without the counter's devices (attachDevices) F3 says there is no reader.
    connect(m_applicantForm, &ApplicantForm::readCardRequested, this, [this] {
        if (!m_devices)
            statusBar()->showMessage(
                tr("No ID card reader is connected to this workstation; type the applicant's details."),
                10000);
    });

    connect(m_applicantForm, &ApplicantForm::agentChanged, this, &MainWindow::applyAgent);

    createActions();
    createMenus();

    auto *catalogueLabel = new QLabel(tr("Catalogue: %1, version %2, issued %3")
                                          .arg(m_catalogue->name, m_catalogue->version, m_catalogue->issued),
        this);
    statusBar()->addWidget(catalogueLabel);
    m_caseLabel = new QLabel(this);
    m_caseLabel->setObjectName(QStringLiteral("caseNumberLabel"));
    statusBar()->addPermanentWidget(m_caseLabel);
    statusBar()->addPermanentWidget(new QLabel(tr("F1: keyboard shortcuts"), this));
    statusBar()->setSizeGripEnabled(false);

    resize(1440, 880);
    updateActions();
    m_searchPage->focusSearch();
}

MainWindow::~MainWindow()
{
    // The interview's widgets refer into the catalogue and the engine, which are members: end it
    // while they are still alive, not later among the child widgets.
    disconnect(m_stack, nullptr, this, nullptr);
    delete m_interviewPage;
}

ShortcutsDialog *MainWindow::shortcutsDialog() const
{
    return m_shortcuts;
}

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action); // shortcuts work even where the menu bar is hidden
        return action;
    };
    m_findAction = make(tr("&Find a matter"), {QKeySequence::Find}, [this] {
        showSearch();
        m_searchPage->focusSearch();
    });
    m_backAction = make(tr("&Back one step"),
        {QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Escape)}, &MainWindow::goBack);
    m_resumeAction = make(
        tr("&Resume the interview"), {QKeySequence(Qt::ALT | Qt::Key_Right)}, &MainWindow::resumeInterview);
    m_registerAction = make(tr("Re&gister the applicant"),
        {QKeySequence(Qt::Key_F2), QKeySequence(Qt::CTRL | Qt::Key_Return),
            QKeySequence(Qt::CTRL | Qt::Key_Enter)},
        &MainWindow::showRegistration);
    m_checkAction
        = make(tr("&Check the materials"), {QKeySequence(Qt::Key_F4)}, &MainWindow::showMaterialCheck);
    m_decideAction = make(tr("&Decide"), {QKeySequence(Qt::Key_F5)}, &MainWindow::showDecision);
    m_saveAction = make(tr("&Save the draft"), {QKeySequence::Save}, &MainWindow::saveDraft);
    m_newCaseAction = make(tr("&New case"), {QKeySequence::New}, &MainWindow::startNewCase);
    m_checklistAction = make(tr("Print the &checklist"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)},
        &MainWindow::showChecklist);
    m_startOverAction = make(
        tr("&Start over"), {QKeySequence(Qt::CTRL | Qt::Key_R)}, [this] { m_interviewPage->startOver(); });
    m_zoomInAction = make(tr("Zoom &in on the sample"),
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)},
        [this] { m_interviewPage->sampleViewer()->zoomIn(); });
    m_zoomOutAction = make(tr("Zoom &out of the sample"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)},
        [this] { m_interviewPage->sampleViewer()->zoomOut(); });
    m_fitAction = make(tr("&Fit the sample to the view"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
        [this] { m_interviewPage->sampleViewer()->fitToView(); });
    m_enlargeAction = make(tr("&Enlarge the sample"), {QKeySequence(Qt::CTRL | Qt::Key_E)},
        [this](bool on) { m_interviewPage->setSampleEnlarged(on); });
    m_enlargeAction->setCheckable(true);
    connect(m_interviewPage, &InterviewPage::sampleEnlargedChanged, m_enlargeAction, &QAction::setChecked);
    m_shortcutsAction
        = make(tr("&Keyboard shortcuts"), {QKeySequence(Qt::Key_F1)}, &MainWindow::showShortcuts);
    m_aboutAction = make(tr("&About OneWindow"), {}, &MainWindow::showAbout);
    m_quitAction = make(tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}, [this] { close(); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newCaseAction);
    file->addAction(m_saveAction);
    file->addAction(m_checklistAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_findAction);
    go->addAction(m_backAction);
    go->addAction(m_resumeAction);
    go->addAction(m_registerAction);
    go->addAction(m_checkAction);
    go->addAction(m_decideAction);
    go->addSeparator();
    go->addAction(m_startOverAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addSeparator();
    view->addAction(m_enlargeAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = help;
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    // Keys that belong to no menu action are listed here, where clerks look for help.
    for (const ShortcutRow &row : workstationShortcuts()) {
        if (!row.onlyInHelp)
            continue;
        QAction *info = help->addAction(row.action + QLatin1Char('\t') + row.keys);
        info->setEnabled(false);
    }
    help->addSeparator();
    help->addAction(m_aboutAction);
}

bool MainWindow::isSearching() const
{
    return m_stack->currentWidget() == m_searchPage;
}

void MainWindow::updateActions()
{
    const bool interviewing = m_stack->currentWidget() == m_interviewPage;
    const bool intakeStep = isRegistering() || isChecking() || isDeciding();
    const bool storing = m_intake && m_intake->canStore();
    const bool decided = m_intake && m_intake->isDecided();
    m_backAction->setEnabled(interviewing || intakeStep || isShowingDocument());
    m_registerAction->setEnabled(interviewing);
    m_checkAction->setEnabled(storing && !decided && (interviewing || intakeStep));
    m_decideAction->setEnabled(storing && (interviewing || intakeStep));
    m_saveAction->setEnabled(storing && !isSearching());
    m_newCaseAction->setEnabled(decided);
    m_checklistAction->setEnabled(m_intake && m_interviewPage->session()
        && m_interviewPage->session()->isComplete() && (interviewing || intakeStep));
    m_stepBar->setVisible(intakeStep || (isShowingDocument() && !m_previewReturn));
    if (isRegistering())
        m_stepBar->setCurrent(IntakeStepBar::Step::Applicant);
    else if (isChecking())
        m_stepBar->setCurrent(IntakeStepBar::Step::Materials);
    else if (isDeciding())
        m_stepBar->setCurrent(IntakeStepBar::Step::Decision);
    else if (isShowingDocument())
        m_stepBar->setCurrent(IntakeStepBar::Step::Document);
    m_resumeAction->setEnabled(!interviewing && m_interviewPage->hasSession());
    m_startOverAction->setEnabled(interviewing);
    m_zoomInAction->setEnabled(interviewing);
    m_zoomOutAction->setEnabled(interviewing);
    m_fitAction->setEnabled(interviewing);
    m_enlargeAction->setEnabled(interviewing);
    QString resumable;
    if (const InterviewSession *session = m_interviewPage->session())
        resumable = session->bundle() ? session->bundle()->name : session->parts().constFirst().matter->name;
    m_searchPage->setResumable(interviewing ? QString() : resumable);
    if (m_caseScreens && !m_caseScreens->mayTakeIn())
        for (QAction *action : {m_findAction, m_registerAction, m_checkAction, m_decideAction, m_saveAction,
                 m_newCaseAction, m_checklistAction})
            action->setEnabled(false);
}

void MainWindow::openMatter(const Matter *matter)
{
    if (!matter)
        return;
    m_stack->setCurrentWidget(m_interviewPage);
    m_interviewPage->start(std::make_unique<InterviewSession>(m_engine, *matter));
    startIntake();
}

void MainWindow::openBundle(const Bundle *bundle)
{
    if (!bundle)
        return;
    m_stack->setCurrentWidget(m_interviewPage);
    m_interviewPage->start(std::make_unique<InterviewSession>(m_engine, *bundle));
    startIntake();
}

void MainWindow::showSearch()
{
    m_stack->setCurrentWidget(m_searchPage);
    m_searchPage->focusSearch();
}

bool MainWindow::isRegistering() const
{
    return m_stack->currentWidget() == m_registrationPage;
}

void MainWindow::showRegistration()
{
    if (!m_interviewPage->hasSession())
        return;
    m_stack->setCurrentWidget(m_registrationPage);
    m_applicantForm->focusFirstField();
}

void MainWindow::goBack()
{
    if (isShowingDocument() && m_previewReturn) {
        m_stack->setCurrentWidget(m_previewReturn);
        m_previewReturn = nullptr;
    } else if (isShowingDocument()) {
        m_stack->setCurrentWidget(m_decisionPage);
        m_decisionPage->refresh();
    } else if (isDeciding()) {
        m_stack->setCurrentWidget(m_checkPage);
        m_checkPage->focusFirstPending();
    } else if (isChecking()) {
        m_stack->setCurrentWidget(m_registrationPage);
        m_applicantForm->focusFirstField();
    } else if (isRegistering()) {
        resumeInterview();
    } else if (m_interviewPage->isSampleEnlarged()) {
        m_interviewPage->setSampleEnlarged(false);
    } else {
        showSearch();
    }
}

void MainWindow::resumeInterview()
{
    if (!m_interviewPage->hasSession())
        return;
    m_stack->setCurrentWidget(m_interviewPage);
    m_interviewPage->focusNextOpenQuestion();
}

void MainWindow::showShortcuts()
{
    if (!m_shortcuts) {
        m_shortcuts = new ShortcutsDialog(shortcutTable(workstationShortcuts()), this);
        m_shortcuts->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_shortcuts->show();
    m_shortcuts->raise();
    m_shortcuts->activateWindow();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About OneWindow"),
        tr("<p><b>OneWindow %1</b> — the counter workstation for integrated acceptance.</p>"
           "<p>Catalogue: %2, version %3.</p>")
            .arg(QStringLiteral(OW_VERSION), m_catalogue->name.toHtmlEscaped(),
                m_catalogue->version.toHtmlEscaped()));
}

void MainWindow::createIntakePages()
{
    m_checkPage = new MaterialCheckPage(this);
    m_stack->addWidget(m_checkPage);
    m_decisionPage = new DecisionPage(this);
    m_stack->addWidget(m_decisionPage);
    m_documentPreview = new DocumentPreview(this);
    m_documentPreview->setPrintWithoutDialog(m_environment.printWithoutDialog);
    m_stack->addWidget(m_documentPreview);

    connect(m_checkPage, &MaterialCheckPage::importRequested, this, &MainWindow::importFiles);
    connect(m_checkPage, &MaterialCheckPage::scanRequested, this, &MainWindow::scanMaterial);
    connect(m_decisionPage, &DecisionPage::decisionRequested, this, &MainWindow::decide);
    connect(m_checkPage, &MaterialCheckPage::attachmentOpenRequested, this, [this](const QString &sha256) {
        if (!m_intake)
            return;
        const Result<QString> path = m_intake->openAttachment(sha256);
        if (!path)
            showProblem(path.error().message());
        else
            QDesktopServices::openUrl(QUrl::fromLocalFile(*path));
    });
    connect(m_documentPreview, &DocumentPreview::output, this, [this](intake::IntakeSession::Output output) {
        if (!m_intake)
            return;
        const Result<void> audited = m_intake->recordOutput(m_documentPreview->document(), output);
        if (!audited)
            showProblem(audited.error().message());
    });
}

bool MainWindow::isChecking() const
{
    return m_stack->currentWidget() == m_checkPage;
}

bool MainWindow::isDeciding() const
{
    return m_stack->currentWidget() == m_decisionPage;
}

bool MainWindow::isShowingDocument() const
{
    return m_stack->currentWidget() == m_documentPreview;
}

QString MainWindow::caseNumberText() const
{
    return m_caseLabel->text();
}

void MainWindow::startIntake()
{
    // Every interview opened is a new intake; nothing is stored before the first save or decision.
    m_intake = std::make_unique<intake::IntakeSession>(m_environment, m_catalogue);
    m_checksShown = false;
    m_decisionPage->setSession(nullptr);
    updateCaseLabel();
    updateActions();
}

bool MainWindow::syncIntake()
{
    const InterviewSession *session = m_interviewPage->session();
    if (!m_intake || !session)
        return false;
    if (m_intake->isDecided())
        return true; // the decided case is what it is
    intake::InterviewOutcome outcome;
    outcome.bundle = session->bundle();
    for (const InterviewSession::Part &part : session->parts())
        outcome.parts.append({part.matter, part.evaluation});
    outcome.checklist = session->checklist();
    const Result<void> taken = m_intake->setInterview(outcome);
    if (!taken) {
        showProblem(taken.error().message());
        return false;
    }
    m_intake->setApplicant(m_applicantForm->applicant());
    if (m_checksShown)
        m_intake->setChecks(m_checkPage->checks());
    return true;
}

void MainWindow::applyAgent(bool agent)
{
    const InterviewSession *session = m_interviewPage->session();
    if (!session)
        return;
    bool changed = false;
    for (qsizetype i = 0; i < session->parts().size(); ++i) {
        const InterviewSession::Part &part = session->parts().at(i);
        const std::optional<AgentQuestion::Change> change
            = AgentQuestion::answerFor(*part.matter, part.evaluation.effectiveAnswers, agent);
        if (!change)
            continue;
        m_interviewPage->setAnswer(int(i), change->questionId, change->answer);
        changed = true;
    }
    if (changed)
        statusBar()->showMessage(agent
                ? tr("An agent applies: the authorisation letter and the agent's ID card "
                     "were added to the checklist.")
                : tr("The applicant applies in person: the agent's materials were removed "
                     "from the checklist."),
            10000);
}

void MainWindow::showMaterialCheck()
{
    if (!m_intake || !m_intake->canStore() || !m_interviewPage->hasSession())
        return;
    if (!m_interviewPage->session()->isComplete()) {
        statusBar()->showMessage(tr("Answer every question first: the checklist is not settled yet."), 10000);
        resumeInterview();
        return;
    }
    if (!syncIntake())
        return;
    const cases::Case &c = m_intake->currentCase();
    m_checkPage->setChecklist(m_intake->interview().checklist, c.materialChecks);
    m_checkPage->setAttachments(c.attachments);
    if (const Result<QDate> due = m_intake->defaultSupplementDeadline())
        m_checkPage->setDefaultSupplementDeadline(*due);
    m_checksShown = true;
    m_stack->setCurrentWidget(m_checkPage);
    m_checkPage->focusFirstPending();
}

void MainWindow::showDecision()
{
    if (!m_intake || !m_intake->canStore())
        return;
    if (!m_checksShown && !m_intake->isDecided()) {
        // The decision rests on the check: go through it first.
        showMaterialCheck();
        if (isChecking())
            statusBar()->showMessage(tr("Check the materials first, then decide (F5)."), 10000);
        return;
    }
    if (!syncIntake())
        return;
    m_decisionPage->setSession(m_intake.get());
    m_stack->setCurrentWidget(m_decisionPage);
    m_decisionPage->focusBestDecision();
}

void MainWindow::decide(const intake::IntakeDecision &decision)
{
    if (!m_intake || !syncIntake())
        return;
    const Result<documents::Document> document = m_intake->decide(decision);
    updateCaseLabel();
    if (!document) {
        showProblem(document.error().message());
        m_decisionPage->refresh();
        return;
    }
    const cases::Case &c = m_intake->currentCase();
    m_documentPreview->setDocument(*document,
        tr("Recorded as %1: hand the applicant the %2").arg(cases::displayName(c.state), document->title));
    m_previewReturn = nullptr;
    m_stack->setCurrentWidget(m_documentPreview);
    const Result<void> audited = m_intake->recordOutput(*document, intake::IntakeSession::Output::Previewed);
    if (!audited)
        showProblem(audited.error().message());
    statusBar()->showMessage(
        tr("Case %1 recorded as %2.").arg(document->caseNumber, cases::displayName(c.state)), 10000);
    updateActions();
    Q_EMIT caseSaved(c.number);
    if (m_devices)
        m_devices->requestRating(c.number);
}

void MainWindow::saveDraft()
{
    if (!m_intake || !m_intake->canStore() || !syncIntake())
        return;
    const Result<void> saved = m_intake->save();
    if (!saved) {
        showProblem(saved.error().message());
        return;
    }
    updateCaseLabel();
    statusBar()->showMessage(tr("Saved as case %1.").arg(m_intake->currentCase().number), 10000);
    Q_EMIT caseSaved(m_intake->currentCase().number);
}

void MainWindow::startNewCase()
{
    if (!m_intake || !m_intake->isDecided())
        return;
    m_intake.reset();
    m_checksShown = false;
    m_decisionPage->setSession(nullptr);
    m_interviewPage->endSession();
    m_applicantForm->setApplicant({});
    if (auto *agent = m_applicantForm->findChild<QCheckBox *>(QStringLiteral("agentCheck")))
        agent->setChecked(false);
    updateCaseLabel();
    showSearch();
    m_searchPage->searchField()->clear();
    updateActions();
}

void MainWindow::showChecklist()
{
    if (!m_intake || !m_interviewPage->session() || !m_interviewPage->session()->isComplete())
        return;
    syncIntake();
    const Result<documents::Document> document = m_intake->checklistDocument();
    if (!document) {
        showProblem(document.error().message());
        return;
    }
    if (!isShowingDocument())
        m_previewReturn = m_stack->currentWidget();
    m_documentPreview->setDocument(*document, tr("The applicant's checklist"));
    m_stack->setCurrentWidget(m_documentPreview);
    const Result<void> audited = m_intake->recordOutput(*document, intake::IntakeSession::Output::Previewed);
    if (!audited)
        showProblem(audited.error().message());
}

void MainWindow::importFiles(const QString &materialId, const QStringList &paths)
{
    if (!m_intake || !syncIntake())
        return;
    const Result<QList<cases::CaseAttachment>> added = m_intake->importFiles(materialId, paths);
    if (!added) {
        showProblem(added.error().message());
        return;
    }
    m_checkPage->setAttachments(m_intake->currentCase().attachments);
    updateCaseLabel();
    statusBar()->showMessage(tr("%n file(s) attached.", nullptr, int(added->size())), 10000);
    if (m_intake->isStored())
        Q_EMIT caseSaved(m_intake->currentCase().number);
}

void MainWindow::scanMaterial(const QString &materialId)
{
    if (!m_devices) {
        showProblem(
            tr("No document camera is connected to this workstation; import the scanned file instead."));
        return;
    }
    const catalogue::ChecklistLine *line
        = m_intake ? m_intake->interview().checklist.find(materialId) : nullptr;
    m_devices->captureMaterial(materialId, line ? line->name : materialId);
}

void MainWindow::attachDevices(WorkstationDevices *devices)
{
    m_devices = devices;
    devices->attachIntake(m_applicantForm, m_documentPreview, m_environment);
    if (m_caseScreens)
        devices->attachCaseScreens(*m_caseScreens);
    connect(devices, &WorkstationDevices::message, this, &MainWindow::showProblem);
    connect(devices, &WorkstationDevices::pagesCaptured, this, &MainWindow::importFiles);
    connect(devices, &WorkstationDevices::ratingRecorded, this, &MainWindow::caseSaved);
    menuBar()->insertMenu(m_helpMenu->menuAction(), devices->createMenu(this));
}

void MainWindow::addCaseScreens(const CaseScreenContext &context)
{
    m_caseScreens = new CaseScreens(context, m_stack, this);
    if (QMenu *menu = m_caseScreens->createMenu(this))
        menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
    connect(m_caseScreens, &CaseScreens::caseChanged, this, &MainWindow::caseSaved);
    if (m_devices)
        m_devices->attachCaseScreens(*m_caseScreens);
    m_caseScreens->showFirstScreen();
    updateActions();
}

void MainWindow::showProblem(const QString &message)
{
    // The status bar keeps the keyboard flow; a modal box would steal the focus mid-intake.
    statusBar()->showMessage(message, 20000);
}

void MainWindow::updateCaseLabel()
{
    const QString number = m_intake ? m_intake->currentCase().number : QString();
    const Result<cases::CaseNumber> parsed = cases::CaseNumber::parse(number);
    m_caseLabel->setText(
        number.isEmpty() ? QString() : tr("Case %1").arg(parsed ? parsed->toDisplayString() : number));
    m_caseLabel->setVisible(!number.isEmpty());
}

} // namespace ow::ui
