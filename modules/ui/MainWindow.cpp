#include "ui/MainWindow.h"

#include "cases/CaseNumber.h"
#include "intake/IntakeSession.h"
#include "ui/CaseListPage.h"
#include "ui/CaseScreens.h"
#include "ui/ComplaintScreens.h"
#include "ui/ConfirmDialog.h"
#include "ui/DialogFocusKeeper.h"
#include "ui/IntakeFlow.h"
#include "ui/IntakeStepBar.h"
#include "ui/InterviewPage.h"
#include "ui/MatterSearchPage.h"
#include "ui/PageStack.h"
#include "ui/PracticeDialog.h"
#include "ui/PracticeRecorder.h"
#include "ui/PreApplicationPickup.h"
#include "ui/QueueBar.h"
#include "ui/SampleViewer.h"
#include "ui/ScreenRoom.h"
#include "ui/ShortcutsDialog.h"
#include "ui/SupplementPage.h"
#include "ui/WorkstationDevices.h"
#include "ui/WorkstationShortcuts.h"

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace ow::ui {

using namespace ow::catalogue;

MainWindow::MainWindow(CataloguePtr catalogue, QWidget *parent)
    : MainWindow(std::move(catalogue), intake::IntakeEnvironment(), parent)
{
}

MainWindow::MainWindow(CataloguePtr catalogue, intake::IntakeEnvironment environment, QWidget *parent)
    : QMainWindow(parent)
    , m_catalogue(catalogue)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("OneWindow Counter Workstation — %1 %2").arg(m_catalogue->name, m_catalogue->version));

    m_searchPage = new MatterSearchPage(m_catalogue, this);
    m_stack = new PageStack(this); // asks for the room of the page shown, not of the largest
    m_stack->addWidget(m_searchPage);
    m_flow = new IntakeFlow(m_catalogue, std::move(environment), m_stack, this);
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

    connect(m_searchPage, &MatterSearchPage::matterChosen, m_flow, &IntakeFlow::openMatter);
    connect(m_searchPage, &MatterSearchPage::guideCodeRead, m_flow, &IntakeFlow::openMatterWithAnswers);
    connect(m_searchPage, &MatterSearchPage::bundleChosen, m_flow, &IntakeFlow::openBundle);
    // An online pre-application's code, scanned or typed: fetched from the hall's server (addCaseScreens).
    m_preApplications = new PreApplicationPickup(m_flow, m_catalogue, this);
    connect(m_searchPage, &MatterSearchPage::preApplicationCodeRead, m_preApplications,
        &PreApplicationPickup::open);
    connect(m_flow, &IntakeFlow::searchRequested, this, &MainWindow::showSearch);
    connect(m_flow, &IntakeFlow::stateChanged, this, &MainWindow::updateActions);
    connect(m_flow, &IntakeFlow::message, this, &MainWindow::showMessage);
    connect(m_preApplications, &PreApplicationPickup::message, this, &MainWindow::showMessage);
    connect(m_flow, &IntakeFlow::caseNumberChanged, this, &MainWindow::showCaseNumber);
    connect(m_flow, &IntakeFlow::caseSaved, this, &MainWindow::caseSaved);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] { updateActions(); });

    createActions();
    createMenus();

    auto *catalogueLabel = new QLabel(tr("Catalogue: %1, version %2, issued %3")
                                          .arg(m_catalogue->name, m_catalogue->version, m_catalogue->issued),
        this);
    statusBar()->addWidget(catalogueLabel);
    m_caseLabel = new QLabel(this);
    m_caseLabel->setObjectName(QStringLiteral("caseNumberLabel"));
    m_caseLabel->hide();
    statusBar()->addPermanentWidget(m_caseLabel);
    statusBar()->addPermanentWidget(new QLabel(tr("F1: keyboard shortcuts"), this));
    statusBar()->setSizeGripEnabled(false);
    new DialogFocusKeeper(this); // shortcuts work after a dialog, with or without a window manager

    resize(initialSize(screen()->availableGeometry(), screen()->geometry()));
    updateActions();
    m_searchPage->focusSearch();
}

QSize MainWindow::initialSize(const QRect &available, const QRect &geometry)
{
    return QSize(1440, 880).boundedTo(screenRoom(available, geometry));
}

MainWindow::~MainWindow()
{
    // The intake's pages refer into the catalogue and the intake: end them while both are alive,
    // not later among the child widgets.
    disconnect(m_stack, nullptr, this, nullptr);
    delete m_flow;
}

InterviewPage *MainWindow::interviewPage() const
{
    return m_flow->interviewPage();
}

ApplicantForm *MainWindow::applicantForm() const
{
    return m_flow->applicantForm();
}

MaterialCheckPage *MainWindow::materialCheckPage() const
{
    return m_flow->materialCheckPage();
}

DecisionPage *MainWindow::decisionPage() const
{
    return m_flow->decisionPage();
}

DocumentPreview *MainWindow::documentPreview() const
{
    return m_flow->documentPreview();
}

const intake::IntakeSession *MainWindow::intakeSession() const
{
    return m_flow->session();
}

bool MainWindow::isRegistering() const
{
    return m_flow->isRegistering();
}

bool MainWindow::isChecking() const
{
    return m_flow->isChecking();
}

bool MainWindow::isDeciding() const
{
    return m_flow->isDeciding();
}

bool MainWindow::isShowingDocument() const
{
    return m_flow->isShowingDocument();
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
    m_resumeAction = make(tr("&Resume the interview"), {QKeySequence(Qt::ALT | Qt::Key_Right)},
        [this] { m_flow->resumeInterview(); });
    m_registerAction = make(tr("Re&gister the applicant"),
        {QKeySequence(Qt::Key_F2), QKeySequence(Qt::CTRL | Qt::Key_Return),
            QKeySequence(Qt::CTRL | Qt::Key_Enter)},
        [this] { m_flow->showRegistration(); });
    m_checkAction = make(
        tr("&Check the materials"), {QKeySequence(Qt::Key_F4)}, [this] { m_flow->showMaterialCheck(); });
    m_decideAction = make(tr("&Decide"), {QKeySequence(Qt::Key_F5)}, [this] { m_flow->showDecision(); });
    m_saveAction = make(tr("&Save the draft"), {QKeySequence::Save}, [this] { m_flow->saveDraft(); });
    m_newCaseAction = make(tr("&New case"), {QKeySequence::New}, &MainWindow::startNewCase);
    m_checklistAction = make(tr("Print the &checklist"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)},
        [this] { m_flow->showChecklist(); });
    m_startOverAction = make(
        tr("&Start over"), {QKeySequence(Qt::CTRL | Qt::Key_R)}, [this] { interviewPage()->startOver(); });
    m_consultationAction = make(
        tr("Record a c&onsultation…"), {QKeySequence(Qt::Key_F11)}, [this] { m_flow->recordConsultation(); });
    m_consultationAction->setObjectName(QStringLiteral("consultationAction"));
    m_zoomInAction = make(tr("Zoom &in on the sample"),
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)},
        [this] { interviewPage()->sampleViewer()->zoomIn(); });
    m_zoomOutAction = make(tr("Zoom &out of the sample"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)},
        [this] { interviewPage()->sampleViewer()->zoomOut(); });
    m_fitAction = make(tr("&Fit the sample to the view"), {QKeySequence(Qt::CTRL | Qt::Key_0)},
        [this] { interviewPage()->sampleViewer()->fitToView(); });
    m_enlargeAction = make(tr("&Enlarge the sample"), {QKeySequence(Qt::CTRL | Qt::Key_E)},
        [this](bool on) { interviewPage()->setSampleEnlarged(on); });
    m_enlargeAction->setCheckable(true);
    connect(interviewPage(), &InterviewPage::sampleEnlargedChanged, m_enlargeAction, &QAction::setChecked);
    m_shortcutsAction
        = make(tr("&Keyboard shortcuts"), {QKeySequence(Qt::Key_F1)}, &MainWindow::showShortcuts);
    m_practiceAction = make(tr("&Practice…"), {}, &MainWindow::showPractice);
    m_practiceAction->setObjectName(QStringLiteral("practiceAction"));
    m_aboutAction = make(tr("&About OneWindow"), {}, &MainWindow::showAbout);
    m_quitAction = make(tr("&Quit"), {QKeySequence(Qt::CTRL | Qt::Key_Q)}, [this] { close(); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newCaseAction);
    file->addAction(m_saveAction);
    file->addAction(m_checklistAction);
    file->addAction(m_consultationAction);
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
    help->addAction(m_practiceAction);
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
    const bool interviewing = m_flow->isInterviewing();
    const bool intakeStep = isRegistering() || isChecking() || isDeciding();
    const bool storing = m_flow->canStore();
    const bool decided = m_flow->isDecided();
    m_backAction->setEnabled(interviewing || intakeStep || isShowingDocument());
    m_registerAction->setEnabled(interviewing);
    m_checkAction->setEnabled(storing && !decided && (interviewing || intakeStep));
    m_decideAction->setEnabled(storing && (interviewing || intakeStep));
    m_saveAction->setEnabled(storing && !isSearching());
    m_newCaseAction->setEnabled(decided || m_flow->hasUnsavedIntake());
    m_checklistAction->setEnabled(
        (m_flow->isInterviewComplete() || m_flow->hasScreeningOutcome()) && (interviewing || intakeStep));
    m_stepBar->setVisible(intakeStep || (isShowingDocument() && !m_flow->isPreviewingChecklist()));
    if (isRegistering())
        m_stepBar->setCurrent(IntakeStepBar::Step::Applicant);
    else if (isChecking())
        m_stepBar->setCurrent(IntakeStepBar::Step::Materials);
    else if (isDeciding())
        m_stepBar->setCurrent(IntakeStepBar::Step::Decision);
    else if (isShowingDocument())
        m_stepBar->setCurrent(IntakeStepBar::Step::Document);
    m_resumeAction->setEnabled(!interviewing && interviewPage()->hasSession());
    m_startOverAction->setEnabled(interviewing);
    m_consultationAction->setEnabled(interviewing && storing);
    m_zoomInAction->setEnabled(interviewing);
    m_zoomOutAction->setEnabled(interviewing);
    m_fitAction->setEnabled(interviewing);
    m_enlargeAction->setEnabled(interviewing);
    m_searchPage->setResumable(interviewing ? QString() : m_flow->interviewName());
    if (m_caseScreens && !m_caseScreens->mayTakeIn())
        for (QAction *action : {m_findAction, m_registerAction, m_checkAction, m_decideAction, m_saveAction,
                 m_newCaseAction, m_checklistAction, m_consultationAction})
            action->setEnabled(false);
}

void MainWindow::showSearch()
{
    m_stack->setCurrentWidget(m_searchPage);
    m_searchPage->focusSearch();
}

void MainWindow::goBack()
{
    if (!m_flow->goBack())
        showSearch();
}

bool MainWindow::keepOpenIntake()
{
    // The intake stays as its clerk's draft (not a numbered case): resumed from the case list.
    return m_flow->keepDraftNow();
}

bool MainWindow::hasUnsavedIntake() const
{
    return m_flow->hasUnsavedIntake();
}

bool MainWindow::offerDraftResume()
{
    return m_flow->offerDraftResume(this);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_flow->hasUnsavedIntake()) {
        const ConfirmDialog::Choice choice = ConfirmDialog::ask(this, tr("Quit"),
            tr("Quit with an intake open?"),
            tr("<p>The intake of <b>%1</b> is not decided. It is kept as a draft and offered again at the "
               "next start, or from the case list (<i>Resume</i>).</p>")
                .arg(m_flow->interviewName().toHtmlEscaped()),
            tr("Keep the draft and quit"));
        if (choice != ConfirmDialog::Choice::Confirm || !m_flow->keepDraftNow()) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::startNewCase()
{
    if (!m_flow->startNewCase())
        return;
    showSearch();
    m_searchPage->searchField()->clear();
    updateActions();
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

void MainWindow::showPractice()
{
    const intake::IntakeEnvironment &environment = m_flow->environment();
    std::shared_ptr<PracticeRecorder> recorder;
    if (environment.canStoreCases())
        recorder = std::make_shared<ClerkActivityPracticeRecorder>(
            *environment.store, environment.clerkId, environment.clerkName, environment.clock);
    auto *dialog = new PracticeDialog(m_catalogue, m_practiceSettings, std::move(recorder), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PracticeDialog::recordFailed, this,
        [this](const QString &text) { showMessage(text, true); });
    dialog->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About OneWindow"),
        tr("<p><b>OneWindow %1</b> — the counter workstation for integrated acceptance.</p>"
           "<p>Catalogue: %2, version %3.</p>")
            .arg(QStringLiteral(OW_VERSION), m_catalogue->name.toHtmlEscaped(),
                m_catalogue->version.toHtmlEscaped()));
}

QString MainWindow::caseNumberText() const
{
    return m_caseLabel->text();
}

void MainWindow::attachDevices(WorkstationDevices *devices)
{
    m_devices = devices;
    m_flow->setDevices(devices);
    devices->attachIntake(applicantForm(), documentPreview(), m_flow->environment());
    if (m_caseScreens)
        devices->attachCaseScreens(*m_caseScreens);
    connect(devices, &WorkstationDevices::message, this,
        [this](const QString &text) { showMessage(text, true); });
    // The camera's pages go to the supplement when one is open, else to the intake.
    connect(devices, &WorkstationDevices::pagesCaptured, this,
        [this](const QString &materialId, const QList<QByteArray> &pages) {
            CaseListPage *list = m_caseScreens ? m_caseScreens->caseListPage() : nullptr;
            if (list && list->isVisible() && list->isShowingSupplement())
                list->supplementPage()->importScans(materialId, pages);
            else
                m_flow->importScans(materialId, pages);
        });
    connect(devices, &WorkstationDevices::ratingRecorded, this, &MainWindow::caseSaved);
    menuBar()->insertMenu(m_helpMenu->menuAction(), devices->createMenu(this));
}

void MainWindow::attachQueue(QueueBar *bar)
{
    m_queueBar = bar;
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        layout->insertWidget(0, bar);
    menuBar()->insertMenu(m_helpMenu->menuAction(), bar->createMenu(this));
    connect(bar, &QueueBar::ticketCalled, m_flow, &IntakeFlow::openTicket);
    connect(bar, &QueueBar::message, this, &MainWindow::showMessage);
    connect(m_flow, &IntakeFlow::ticketServed, bar, &QueueBar::ticketFinished);
    // The clerk going on from the interview means the person called has come to the counter.
    connect(m_stack, &QStackedWidget::currentChanged, bar, [this] {
        if (m_flow->isRegistering() || m_flow->isChecking())
            m_queueBar->applicantArrived();
    });
}

void MainWindow::addCaseScreens(const CaseScreenContext &given)
{
    // Reprints and supplements are issued like the intake's documents: this clerk, these settings.
    CaseScreenContext context = given;
    const intake::IntakeEnvironment &environment = m_flow->environment();
    if (context.clerkName.isEmpty())
        context.clerkName = environment.clerkName;
    context.settings = environment.settings;
    if (!context.catalogue)
        context.catalogue = m_catalogue;
    context.printWithoutDialog = context.printWithoutDialog || environment.printWithoutDialog;
    m_caseScreens = new CaseScreens(context, m_stack, this);
    m_preApplications->setHall(context.hall);
    if (CaseListPage *list = m_caseScreens->caseListPage()) {
        list->setDraftActions(
            [this](qint64 draftId) {
                const bool resumed = m_flow->resumeDraft(draftId);
                updateActions();
                return resumed;
            },
            [this](qint64 draftId) { return m_flow->discardDraft(draftId); });
        connect(
            list, &CaseListPage::scanRequested, this, [this](const QString &materialId, const QString &name) {
                if (m_devices)
                    m_devices->captureMaterial(materialId, name);
                else
                    showMessage(tr("No document camera is connected to this workstation; import the scanned "
                                   "file instead."),
                        true);
            });
    }
    // A complaint names the case on screen: the open intake's, once it has a number.
    m_complaints = new ComplaintScreens(context, this, [this] {
        return m_flow->session() && !m_caseScreens->isShowing() ? m_flow->session()->currentCase().number
                                                                : QString();
    });
    m_complaints->setCaseList(m_caseScreens->caseListPage());
    m_complaints->setDesk(m_caseScreens->supervisorDesk());
    connect(m_complaints, &ComplaintScreens::recorded, this,
        [this](const QString &text) { showMessage(text, false); });
    if (QMenu *menu = m_caseScreens->createMenu(this)) {
        m_complaints->addTo(menu);
        menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
    }
    connect(m_caseScreens, &CaseScreens::caseChanged, this, &MainWindow::caseSaved);
    if (m_devices)
        m_devices->attachCaseScreens(*m_caseScreens);
    m_caseScreens->showFirstScreen();
    updateActions();
}

void MainWindow::showMessage(const QString &text, bool problem)
{
    // The status bar keeps the keyboard flow; a modal box would steal the focus mid-intake.
    statusBar()->showMessage(text, problem ? 20000 : 10000);
}

void MainWindow::showCaseNumber(const QString &number)
{
    const Result<cases::CaseNumber> parsed = cases::CaseNumber::parse(number);
    m_caseLabel->setText(
        number.isEmpty() ? QString() : tr("Case %1").arg(parsed ? parsed->toDisplayString() : number));
    m_caseLabel->setVisible(!number.isEmpty());
}

} // namespace ow::ui
