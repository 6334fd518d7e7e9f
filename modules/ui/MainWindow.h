#pragma once

#include "catalogue/SituationEngine.h"
#include "intake/IntakeEnvironment.h"

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;

namespace ow::intake {
class IntakeSession;
struct IntakeDecision;
} // namespace ow::intake

namespace ow::ui {

class ApplicantForm;
class CaseScreens;
class DecisionPage;
class DocumentPreview;
class IntakeStepBar;
class InterviewPage;
class MaterialCheckPage;
class MatterSearchPage;
class ShortcutsDialog;
class WorkstationDevices;
struct CaseScreenContext;

/// The workstation's window: the intake steps in one stack (search, interview, applicant, material
/// check, decision, document), the menus with every shortcut, and the title naming the catalogue.
/// Without a case store (the `intake` environment) the intake ends at the checklist.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(catalogue::CataloguePtr catalogue, QWidget *parent = nullptr);
    MainWindow(
        catalogue::CataloguePtr catalogue, intake::IntakeEnvironment intake, QWidget *parent = nullptr);
    ~MainWindow() override;

    MatterSearchPage *searchPage() const { return m_searchPage; }
    InterviewPage *interviewPage() const { return m_interviewPage; }
    bool isSearching() const;
    /// The applicant registration step after the checklist (F2).
    ApplicantForm *applicantForm() const { return m_applicantForm; }
    bool isRegistering() const;
    /// The open keyboard reference, if F1 showed one.
    ShortcutsDialog *shortcutsDialog() const;
    /// The material check after registration (F4) and the decision (F5).
    MaterialCheckPage *materialCheckPage() const { return m_checkPage; }
    DecisionPage *decisionPage() const { return m_decisionPage; }
    DocumentPreview *documentPreview() const { return m_documentPreview; }
    bool isChecking() const;
    bool isDeciding() const;
    bool isShowingDocument() const;
    /// The intake of the open interview; null before a matter is opened.
    const intake::IntakeSession *intakeSession() const { return m_intake.get(); }
    /// The status bar's case field: the number of the open case, or empty.
    QString caseNumberText() const;

    /// Connects the counter's devices: card reader (F3), camera (F6 in the material check),
    /// evaluator after each decision, receipt printer, scanner on the pickup page; adds Tools.
    void attachDevices(WorkstationDevices *devices);
    WorkstationDevices *devices() const { return m_devices; }
    /// Adds the case screens the logged-in role may open (menu Cases) and opens the role's first
    /// screen; a role that may not take cases in loses the intake's keys.
    void addCaseScreens(const CaseScreenContext &context);
    CaseScreens *caseScreens() const { return m_caseScreens; }

Q_SIGNALS:
    /// A case was stored or changed here (draft saved, decided, scans added, handed out): the sync
    /// has something to send.
    void caseSaved(const QString &caseNumber);

public Q_SLOTS:
    void openMatter(const catalogue::Matter *matter);
    void openBundle(const catalogue::Bundle *bundle);
    void showSearch();
    /// Esc and Alt+Left: one intake step back; from the interview, first out of the enlarged sample,
    /// then back to the search.
    void goBack();
    void resumeInterview();
    /// F2 / Ctrl+Enter from the interview: registers the applicant of the open interview.
    void showRegistration();
    /// F4: the material check of the open intake.
    void showMaterialCheck();
    /// F5: the decision.
    void showDecision();
    /// Ctrl+S: saves the open intake as a draft (numbering it the first time).
    void saveDraft();
    /// Ctrl+N after a decision: forgets the intake and goes to the search.
    void startNewCase();
    /// Ctrl+Shift+P: the applicant's personalised checklist, printable before any case exists.
    void showChecklist();
    void showShortcuts();
    void showAbout();

private:
    void createIntakePages();
    void startIntake();
    /// Copies the interview, applicant and checks into the intake; false (with a message) if refused.
    bool syncIntake();
    void decide(const intake::IntakeDecision &decision);
    void applyAgent(bool agent);
    void importFiles(const QString &materialId, const QStringList &paths);
    void scanMaterial(const QString &materialId);
    void showProblem(const QString &message);
    void updateCaseLabel();
    void createActions();
    void createMenus();
    void updateActions();

    catalogue::CataloguePtr m_catalogue;
    catalogue::SituationEngine m_engine;
    QStackedWidget *m_stack = nullptr;
    MatterSearchPage *m_searchPage = nullptr;
    InterviewPage *m_interviewPage = nullptr;
    QPointer<ShortcutsDialog> m_shortcuts;
    QWidget *m_registrationPage = nullptr;
    ApplicantForm *m_applicantForm = nullptr;
    intake::IntakeEnvironment m_environment;
    std::unique_ptr<intake::IntakeSession> m_intake;
    MaterialCheckPage *m_checkPage = nullptr;
    DecisionPage *m_decisionPage = nullptr;
    DocumentPreview *m_documentPreview = nullptr;
    QLabel *m_caseLabel = nullptr;
    IntakeStepBar *m_stepBar = nullptr;
    bool m_checksShown = false; ///< the check page holds the clerk's checks of this intake
    QWidget *m_previewReturn = nullptr; ///< where Esc leaves the checklist preview for
    WorkstationDevices *m_devices = nullptr;
    CaseScreens *m_caseScreens = nullptr;
    QMenu *m_helpMenu = nullptr;

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
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_enlargeAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_quitAction = nullptr;
};

} // namespace ow::ui
