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
class PickupPage;
class TransferPage;

/// The case screens a role may open (pickup counter, case list with detail, reprints and
/// supplements, transfer lists), added to the workstation's page stack with their actions:
/// Ctrl+Shift+K the pickup page, Ctrl+Shift+L the case list, Ctrl+Shift+H the transfer lists. Pages the role
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
    QAction *transferAction() const { return m_transferAction; }
    QAction *pickupAction() const { return m_pickupAction; }
    QAction *caseListAction() const { return m_caseListAction; }
    /// Opens the audit log viewer; null when the role may not read the log.
    QAction *auditLogAction() const { return m_auditLogAction; }

    /// The "Cases" menu, or null when the role has no case screens.
    QMenu *createMenu(QWidget *parent) const;

    void showPickup();
    void showCaseList();
    void showTransfer();
    /// The audit log viewer, modal over the workstation.
    void showAuditLog();
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
};

} // namespace ow::ui
