#pragma once

#include "catalogue/SituationEngine.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QStackedWidget;

namespace ow::ui {

class ApplicantForm;
class InterviewPage;
class MatterSearchPage;
class ShortcutsDialog;

/// The workstation's window: the search page and the interview page in one stack, the menus with
/// every shortcut, and the title naming the catalogue in use.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(catalogue::CataloguePtr catalogue, QWidget *parent = nullptr);
    ~MainWindow() override;

    MatterSearchPage *searchPage() const { return m_searchPage; }
    InterviewPage *interviewPage() const { return m_interviewPage; }
    bool isSearching() const;
    /// The applicant registration step after the checklist (F2).
    ApplicantForm *applicantForm() const { return m_applicantForm; }
    bool isRegistering() const;
    /// The open keyboard reference, if F1 showed one.
    ShortcutsDialog *shortcutsDialog() const;

public Q_SLOTS:
    void openMatter(const catalogue::Matter *matter);
    void openBundle(const catalogue::Bundle *bundle);
    void showSearch();
    /// Esc and Alt+Left: first out of the enlarged sample, then back to the search.
    void goBack();
    void resumeInterview();
    /// F2 / Ctrl+Enter from the interview: registers the applicant of the open interview.
    void showRegistration();
    void showShortcuts();
    void showAbout();

private:
    void createActions();
    void createMenus();
    void updateActions();
    struct ShortcutRow
    {
        QString keys;
        QString action;
        bool onlyInHelp = false; ///< no menu action shows these keys: list them in the Help menu
    };
    QList<ShortcutRow> shortcutRows() const;
    QList<QPair<QString, QString>> shortcutTable() const;

    catalogue::CataloguePtr m_catalogue;
    catalogue::SituationEngine m_engine;
    QStackedWidget *m_stack = nullptr;
    MatterSearchPage *m_searchPage = nullptr;
    InterviewPage *m_interviewPage = nullptr;
    QPointer<ShortcutsDialog> m_shortcuts;
    QWidget *m_registrationPage = nullptr;
    ApplicantForm *m_applicantForm = nullptr;

    QAction *m_findAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_resumeAction = nullptr;
    QAction *m_registerAction = nullptr;
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
