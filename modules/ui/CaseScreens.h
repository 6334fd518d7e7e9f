#pragma once

#include "ui/CaseScreenContext.h"
#include "ui/RoleScreens.h"

#include <QObject>

class QAction;
class QMenu;
class QStackedWidget;
class QWidget;

namespace ow::ui {

class CaseListPage;
class DeadLettersWindow;
class PickupPage;
class SupervisorDeskPage;
class TransferPage;

/// The case screens a role may open (pickup counter, case list with detail, reprints and
/// supplements, transfer lists, the supervisor's desk), added to the workstation's page stack with their
/// actions: Ctrl+Shift+K the pickup page, Ctrl+Shift+L the case list, Ctrl+Shift+H the transfer lists,
/// Ctrl+Shift+J the supervisor's desk. Pages the role
/// may not open are never built.
class CaseScreens : public QObject
{
    Q_OBJECT

public:
    /// Adds the pages to `stack`; the actions are added to `window` (so their keys work anywhere).
    CaseScreens(const CaseScreenContext &context, QStackedWidget *stack, QWidget *window);

    accounts::Role role() const { return m_context.role; }
    bool mayTakeIn() const { return RoleScreens::mayOpen(m_context.role, RoleScreens::Screen::Intake); }

    /// Null when the role may not open it.
    PickupPage *pickupPage() const { return m_pickup; }
    CaseListPage *caseListPage() const { return m_caseList; }
    TransferPage *transferPage() const { return m_transfer; }
    SupervisorDeskPage *supervisorDesk() const { return m_desk; }
    QAction *supervisorDeskAction() const { return m_deskAction; }
    QAction *transferAction() const { return m_transferAction; }
    QAction *pickupAction() const { return m_pickupAction; }
    QAction *caseListAction() const { return m_caseListAction; }
    /// Opens the audit log viewer; null when the role may not read the log.
    QAction *auditLogAction() const { return m_auditLogAction; }
    /// Opens the departments' log from the hall's server; null unless a supervisor at an enrolled
    /// workstation.
    QAction *departmentLogAction() const { return m_departmentLogAction; }
    /// Opens the hall's undelivered pushes to department systems (推送失败); null unless a supervisor
    /// at an enrolled workstation.
    QAction *deadLettersAction() const { return m_deadLettersAction; }
    /// Opens the pre-review of online pre-applications; null when the role does not pre-review or the
    /// workstation is not enrolled with a hall's server.
    QAction *preReviewAction() const { return m_preReviewAction; }
    /// Opens the acceptance walks (模拟受理) of submitted catalogue versions; null when the role takes
    /// no cases in or the workstation is not enrolled with a hall's server.
    QAction *acceptanceWalksAction() const { return m_walksAction; }

    /// The "Cases" menu, or null when the role has no case screens.
    QMenu *createMenu(QWidget *parent) const;

    void showPickup();
    void showCaseList();
    void showTransfer();
    /// The supervisor's desk (Ctrl+Shift+J): the last copy at once, the server's on Refresh.
    void showSupervisorDesk();
    /// Opens a case the desk names in the case list, when this workstation holds it.
    bool openCaseFromDesk(const QString &caseNumber);
    /// The audit log viewer, modal over the workstation.
    void showAuditLog();
    /// The departments' log (部门操作日志) from the hall's server, modal over the workstation.
    void showDepartmentLog();
    /// The undelivered pushes (推送失败) on the desk's supervisor session, modal over the workstation;
    /// the window, or null when the role may not open it.
    DeadLettersWindow *showDeadLetters();
    /// The pre-review of the hall's online pre-applications (网上预审), modal over the workstation.
    void showPreReview();
    /// The acceptance walks this counter may do, modal over the workstation.
    void showAcceptanceWalks();
    /// The role's first screen, when it is one of these; false when it is the intake.
    bool showFirstScreen();
    bool isShowing() const;
    /// The sync brought events from the server: the lists that show what waits read the store again
    /// (connect SyncWorker::eventsReceived, queued).
    void refreshAfterSync();

Q_SIGNALS:
    /// A pickup, a mailing, a supplement or a handover was recorded (the sync should push it).
    void caseChanged(const QString &caseNumber);

private:
    CaseScreenContext m_context;
    QStackedWidget *m_stack = nullptr;
    PickupPage *m_pickup = nullptr;
    CaseListPage *m_caseList = nullptr;
    QAction *m_pickupAction = nullptr;
    QAction *m_caseListAction = nullptr;
    TransferPage *m_transfer = nullptr;
    QAction *m_transferAction = nullptr;
    QAction *m_auditLogAction = nullptr;
    QAction *m_departmentLogAction = nullptr;
    QAction *m_deadLettersAction = nullptr;
    QAction *m_preReviewAction = nullptr;
    QAction *m_walksAction = nullptr;
    SupervisorDeskPage *m_desk = nullptr;
    QAction *m_deskAction = nullptr;
};

} // namespace ow::ui
