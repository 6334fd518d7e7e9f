#include "ui/MainWindow.h"

#include "ui/ApplicantForm.h"
#include "ui/InterviewPage.h"
#include "ui/MatterSearchPage.h"
#include "ui/SampleViewer.h"
#include "ui/ShortcutsDialog.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStatusBar>

namespace ow::ui {

using namespace ow::catalogue;

MainWindow::MainWindow(CataloguePtr catalogue, QWidget *parent)
    : QMainWindow(parent)
    , m_catalogue(catalogue)
    , m_engine(catalogue)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("OneWindow Counter Workstation — %1 %2").arg(m_catalogue->name, m_catalogue->version));

    m_searchPage = new MatterSearchPage(m_catalogue, this);
    m_interviewPage = new InterviewPage(this);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_searchPage);
    m_stack->addWidget(m_interviewPage);
    m_applicantForm = new ApplicantForm(this);
    auto *registrationScroll = new QScrollArea(this);
    registrationScroll->setObjectName(QStringLiteral("registrationPage"));
    registrationScroll->setWidgetResizable(true);
    // A form wider than a reading line is hard to scan: keep it narrow and centred.
    registrationScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    registrationScroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_applicantForm->setMaximumWidth(1000);
    registrationScroll->setWidget(m_applicantForm);
    m_registrationPage = registrationScroll;
    m_stack->addWidget(m_registrationPage);
    setCentralWidget(m_stack);

    connect(m_searchPage, &MatterSearchPage::matterChosen, this, &MainWindow::openMatter);
    connect(m_searchPage, &MatterSearchPage::bundleChosen, this, &MainWindow::openBundle);
    connect(m_interviewPage, &InterviewPage::backRequested, this, &MainWindow::showSearch);
    connect(m_stack, &QStackedWidget::currentChanged, this, [this] { updateActions(); });
    // Seam: no card reader is wired into the window yet (drivers/idcard); until then F3 says so.
    connect(m_applicantForm, &ApplicantForm::readCardRequested, this, [this] {
        statusBar()->showMessage(
            tr("No ID card reader is connected to this workstation; type the applicant's details."), 10000);
    });

    createActions();
    createMenus();

    auto *catalogueLabel = new QLabel(tr("Catalogue: %1, version %2, issued %3")
                                          .arg(m_catalogue->name, m_catalogue->version, m_catalogue->issued),
        this);
    statusBar()->addWidget(catalogueLabel);
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
    m_backAction = make(tr("&Back to search"),
        {QKeySequence(Qt::ALT | Qt::Key_Left), QKeySequence(Qt::Key_Escape)}, &MainWindow::goBack);
    m_resumeAction = make(
        tr("&Resume the interview"), {QKeySequence(Qt::ALT | Qt::Key_Right)}, &MainWindow::resumeInterview);
    m_registerAction = make(tr("Re&gister the applicant"),
        {QKeySequence(Qt::Key_F2), QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
        &MainWindow::showRegistration);
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
    file->addAction(m_quitAction);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_findAction);
    go->addAction(m_backAction);
    go->addAction(m_resumeAction);
    go->addAction(m_registerAction);
    go->addSeparator();
    go->addAction(m_startOverAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomInAction);
    view->addAction(m_zoomOutAction);
    view->addAction(m_fitAction);
    view->addSeparator();
    view->addAction(m_enlargeAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    // Keys that belong to no menu action are listed here, where clerks look for help.
    for (const ShortcutRow &row : shortcutRows()) {
        if (!row.onlyInHelp)
            continue;
        QAction *info = help->addAction(row.action + QLatin1Char('\t') + row.keys);
        info->setEnabled(false);
    }
    help->addSeparator();
    help->addAction(m_aboutAction);
}

QList<MainWindow::ShortcutRow> MainWindow::shortcutRows() const
{
    // Key names stay as printed on the keyboard; only what they do is translated.
    return {
        {QStringLiteral("Ctrl+F"), tr("Find a matter: go to the search field"), false},
        {QStringLiteral("↑ / ↓"), tr("Search: move through the results. Interview: previous / next question"),
            true},
        {QStringLiteral("Enter"), tr("Search: open the selected matter. Interview: confirm and go on"), true},
        {QStringLiteral("1 – 9"), tr("Choose the option with that number (multi-choice: tick or untick it)"),
            true},
        {QStringLiteral("Tab / Shift+Tab"), tr("Next / previous question, then the checklist"), true},
        {QStringLiteral("Esc, Alt+←"),
            tr("Back to search (the interview is kept); from an enlarged sample, back to the interview"),
            false},
        {QStringLiteral("Alt+→"), tr("Resume the interview left last"), false},
        {QStringLiteral("Ctrl+R"), tr("Start the interview over"), false},
        {QStringLiteral("F2, Ctrl+Enter"), tr("Register the applicant of the open interview"), false},
        {QStringLiteral("F3"), tr("Registration: read the applicant's ID card"), true},
        {QStringLiteral("Ctrl+= / Ctrl+- / Ctrl+0"), tr("Zoom the sample in / out / fit it to the view"),
            false},
        {QStringLiteral("Ctrl+Wheel"), tr("Zoom the sample"), true},
        {QStringLiteral("Ctrl+E"), tr("Enlarge the sample to the whole window, or shrink it back"), false},
        {QStringLiteral("F1"), tr("This list"), false},
        {QStringLiteral("Ctrl+Q"), tr("Quit"), false},
    };
}

QList<QPair<QString, QString>> MainWindow::shortcutTable() const
{
    QList<QPair<QString, QString>> table;
    for (const ShortcutRow &row : shortcutRows())
        table.append({row.keys, row.action});
    return table;
}

bool MainWindow::isSearching() const
{
    return m_stack->currentWidget() == m_searchPage;
}

void MainWindow::updateActions()
{
    const bool interviewing = m_stack->currentWidget() == m_interviewPage;
    m_backAction->setEnabled(interviewing || isRegistering());
    m_registerAction->setEnabled(interviewing);
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
}

void MainWindow::openMatter(const Matter *matter)
{
    if (!matter)
        return;
    m_stack->setCurrentWidget(m_interviewPage);
    m_interviewPage->start(std::make_unique<InterviewSession>(m_engine, *matter));
    updateActions();
}

void MainWindow::openBundle(const Bundle *bundle)
{
    if (!bundle)
        return;
    m_stack->setCurrentWidget(m_interviewPage);
    m_interviewPage->start(std::make_unique<InterviewSession>(m_engine, *bundle));
    updateActions();
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
    if (isRegistering())
        resumeInterview();
    else if (m_interviewPage->isSampleEnlarged())
        m_interviewPage->setSampleEnlarged(false);
    else
        showSearch();
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
        m_shortcuts = new ShortcutsDialog(shortcutTable(), this);
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

} // namespace ow::ui
