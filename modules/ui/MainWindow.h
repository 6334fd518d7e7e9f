#pragma once

#include "catalogue/PracticeQuiz.h"
#include "catalogue/SituationEngine.h"
#include "intake/IntakeEnvironment.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;

namespace ow::intake {
class IntakeSession;
} // namespace ow::intake

namespace ow::ui {

class ApplicantForm;
class CaseScreens;
class ComplaintScreens;
class DecisionPage;
class DocumentPreview;
class IntakeFlow;
class IntakeStepBar;
class InterviewPage;
class MaterialCheckPage;
class MatterSearchPage;
class PreApplicationPickup;
class QueueBar;
class ShortcutsDialog;
class WorkstationDevices;
struct CaseScreenContext;

/// The workstation's window: the search and the intake steps (IntakeFlow) in one stack, the menus
/// with every shortcut, the status bar and the title naming the catalogue; the role's case screens
/// and the counter's devices are attached to it. Without a case store (the `intake` environment)
/// the intake ends at the checklist.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(catalogue::CataloguePtr catalogue, QWidget *parent = nullptr);
    MainWindow(
        catalogue::CataloguePtr catalogue, intake::IntakeEnvironment intake, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The window's first size on a screen of `geometry` with `available` left by taskbars: its own
    /// 1440×880 where there is room, else the room, allowing for a taskbar the system did not report.
    static QSize initialSize(const QRect &available, const QRect &geometry);

    MatterSearchPage *searchPage() const { return m_searchPage; }
    InterviewPage *interviewPage() const;
    bool isSearching() const;
    /// The applicant registration step after the checklist (F2).
    ApplicantForm *applicantForm() const;
    bool isRegistering() const;
    /// The open keyboard reference, if F1 showed one.
    ShortcutsDialog *shortcutsDialog() const;
    /// The material check after registration (F4) and the decision (F5).
    MaterialCheckPage *materialCheckPage() const;
    DecisionPage *decisionPage() const;
    DocumentPreview *documentPreview() const;
    bool isChecking() const;
    bool isDeciding() const;
    bool isShowingDocument() const;
    /// The intake of the open interview; null before a matter is opened.
    const intake::IntakeSession *intakeSession() const;
    /// The status bar's case field: the number of the open case, or empty.
    QString caseNumberText() const;

    /// Connects the counter's devices: card reader (F3), camera (F6 in the material check),
    /// evaluator after each decision, receipt printer, scanner on the pickup page; adds Tools.
    void attachDevices(WorkstationDevices *devices);
    WorkstationDevices *devices() const { return m_devices; }
    /// Adds the case screens the logged-in role may open (menu Cases) and opens the role's first
    /// screen; a role that may not take cases in loses the intake's keys.
    void addCaseScreens(const CaseScreenContext &given);
    CaseScreens *caseScreens() const { return m_caseScreens; }
    /// Recording complaints (Ctrl+Shift+T) and, for supervisors, handling them; null before
    /// addCaseScreens.
    ComplaintScreens *complaintScreens() const { return m_complaints; }
    /// Puts the hall's queue bar above the pages and its menu in the bar: a called ticket opens its
    /// intake, the decision ends its service.
    void attachQueue(QueueBar *bar);
    QueueBar *queueBar() const { return m_queueBar; }
    /// An intake is open and undecided (quitting, locking or a new case asks first).
    bool hasUnsavedIntake() const;
    /// After login: offers to resume the clerk's newest intake draft; whether one was resumed.
    bool offerDraftResume();
    /// How the practice quizzes (Help → Practice…) are drawn and marked: the hall's settings.
    void setPracticeSettings(const catalogue::PracticeSettings &settings) { m_practiceSettings = settings; }

Q_SIGNALS:
    /// A case was stored or changed here (draft saved, decided, scans added, handed out): the sync
    /// has something to send.
    void caseSaved(const QString &caseNumber);

public Q_SLOTS:
    void showSearch();
    /// Esc and Alt+Left: one intake step back; from the interview, first out of the enlarged sample,
    /// then back to the search.
    void goBack();
    /// Ctrl+N after a decision: forgets the intake and goes to the search.
    void startNewCase();
    /// Before another clerk signs in at this counter (switch user): saves the open, undecided intake
    /// as its clerk's draft. False when it had to be kept and could not be saved (the reason is in
    /// the status bar); true when it was saved or nothing needed keeping.
    bool keepOpenIntake();
    void showShortcuts();
    /// Help → Practice…: a practice quiz for the signed-in clerk, recorded as a clerk activity when
    /// this workstation has a case store.
    void showPractice();
    void showAbout();

protected:
    /// Ctrl+Q and the window's close button: an undecided intake asks first and stays as a draft.
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateActions();
    void showMessage(const QString &text, bool problem);
    void showCaseNumber(const QString &number);

    catalogue::CataloguePtr m_catalogue;
    QStackedWidget *m_stack = nullptr;
    MatterSearchPage *m_searchPage = nullptr;
    IntakeFlow *m_flow = nullptr;
    QPointer<ShortcutsDialog> m_shortcuts;
    QLabel *m_caseLabel = nullptr;
    IntakeStepBar *m_stepBar = nullptr;
    WorkstationDevices *m_devices = nullptr;
    CaseScreens *m_caseScreens = nullptr;
    ComplaintScreens *m_complaints = nullptr;
    QueueBar *m_queueBar = nullptr;
    PreApplicationPickup *m_preApplications = nullptr;
    QMenu *m_helpMenu = nullptr;
    catalogue::PracticeSettings m_practiceSettings;

    QAction *m_findAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_registerAction = nullptr;
    QAction *m_checkAction = nullptr;
    QAction *m_decideAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_newCaseAction = nullptr;
    QAction *m_checklistAction = nullptr;
    QAction *m_startOverAction = nullptr;
    QAction *m_consultationAction = nullptr; ///< F11: a question and the answer given, recorded
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_enlargeAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_practiceAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace ow::ui
