#include "ui/CaseScreens.h"

#include "ui/AcceptanceWalksDialog.h"
#include "ui/AuditLogDialog.h"
#include "ui/CaseListPage.h"
#include "ui/DeadLettersWindow.h"
#include "ui/DepartmentLogDialog.h"
#include "ui/HallServerRequest.h"
#include "ui/PickupPage.h"
#include "ui/PreReviewDialog.h"
#include "ui/SupervisorDeskPage.h"
#include "ui/TransferPage.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QStackedWidget>

namespace ow::ui {

CaseScreens::CaseScreens(const CaseScreenContext &context, QStackedWidget *stack, QWidget *window)
    : QObject(window)
    , m_context(context)
    , m_stack(stack)
{
    const auto makeAction = [window](const QString &text, const QKeySequence &key) {
        auto *action = new QAction(text, window);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action); // the keys work where the menu bar is hidden too
        return action;
    };
    if (!m_context.store)
        return; // the case screens read the store: without one there is nothing to show
    if (RoleScreens::mayOpen(m_context.role, RoleScreens::Screen::Pickup)) {
        m_pickup = new PickupPage(m_context, stack);
        stack->addWidget(m_pickup);
        connect(m_pickup, &PickupPage::recorded, this,
            [this](const QString &caseNumber, cases::EventKind) { Q_EMIT caseChanged(caseNumber); });
        m_pickupAction = makeAction(tr("&Pickup counter"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
        connect(m_pickupAction, &QAction::triggered, this, &CaseScreens::showPickup);
    }
    if (RoleScreens::mayOpen(m_context.role, RoleScreens::Screen::CaseList)) {
        m_caseList = new CaseListPage(m_context, stack);
        stack->addWidget(m_caseList);
        connect(m_caseList, &CaseListPage::caseChanged, this, &CaseScreens::caseChanged);
        m_caseListAction = makeAction(tr("Case &list"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
        connect(m_caseListAction, &QAction::triggered, this, &CaseScreens::showCaseList);
    }
    if (RoleScreens::mayOpen(m_context.role, RoleScreens::Screen::Transfer)) {
        m_transfer = new TransferPage(m_context, stack);
        stack->addWidget(m_transfer);
        connect(m_transfer, &TransferPage::caseChanged, this, &CaseScreens::caseChanged);
        m_transferAction = makeAction(tr("&Transfer lists"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
        connect(m_transferAction, &QAction::triggered, this, &CaseScreens::showTransfer);
    }
    if (RoleScreens::mayPreReview(m_context.role) && m_context.hall && m_context.hall->isEnrolled()) {
        m_preReviewAction
            = makeAction(tr("&Online pre-applications…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
        connect(m_preReviewAction, &QAction::triggered, this, &CaseScreens::showPreReview);
    }
    // The simulated acceptance of a new catalogue version is done by the clerks who take cases in.
    if (RoleScreens::mayOpen(m_context.role, RoleScreens::Screen::Intake) && m_context.hall
        && m_context.hall->isEnrolled()) {
        m_walksAction = new QAction(tr("Acceptance &walks…"), window);
        m_walksAction->setObjectName(QStringLiteral("acceptanceWalksAction"));
        connect(m_walksAction, &QAction::triggered, this, &CaseScreens::showAcceptanceWalks);
    }
    if (RoleScreens::mayOpen(m_context.role, RoleScreens::Screen::SupervisorDesk)) {
        m_desk = new SupervisorDeskPage(m_context, stack);
        stack->addWidget(m_desk);
        connect(m_desk, &SupervisorDeskPage::openCaseRequested, this, &CaseScreens::openCaseFromDesk);
        connect(m_desk, &SupervisorDeskPage::deadLettersRequested, this, &CaseScreens::showDeadLetters);
        m_deskAction = makeAction(tr("Supervisor's &desk"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
        connect(m_deskAction, &QAction::triggered, this, &CaseScreens::showSupervisorDesk);
        if (m_context.hall && m_context.hall->isEnrolled()) {
            m_departmentLogAction = new QAction(tr("Departments' lo&g…"), window);
            connect(m_departmentLogAction, &QAction::triggered, this, &CaseScreens::showDepartmentLog);
            m_deadLettersAction = new QAction(tr("Undelivered p&ushes…"), window);
            m_deadLettersAction->setObjectName(QStringLiteral("deadLettersAction"));
            connect(m_deadLettersAction, &QAction::triggered, this, &CaseScreens::showDeadLetters);
        }
    }
    if (RoleScreens::mayReadAuditLog(m_context.role)) {
        m_auditLogAction = new QAction(tr("&Audit log…"), window);
        connect(m_auditLogAction, &QAction::triggered, this, &CaseScreens::showAuditLog);
    }
}

QMenu *CaseScreens::createMenu(QWidget *parent) const
{
    if (!m_pickupAction && !m_caseListAction && !m_transferAction)
        return nullptr;
    auto *menu = new QMenu(tr("Ca&ses"), parent);
    if (m_pickupAction)
        menu->addAction(m_pickupAction);
    if (m_caseListAction)
        menu->addAction(m_caseListAction);
    if (m_transferAction)
        menu->addAction(m_transferAction);
    if (m_deskAction)
        menu->addAction(m_deskAction);
    if (m_departmentLogAction)
        menu->addAction(m_departmentLogAction);
    if (m_deadLettersAction)
        menu->addAction(m_deadLettersAction);
    if (m_preReviewAction || m_walksAction)
        menu->addSeparator();
    if (m_preReviewAction)
        menu->addAction(m_preReviewAction);
    if (m_walksAction)
        menu->addAction(m_walksAction);
    if (m_auditLogAction) {
        menu->addSeparator();
        menu->addAction(m_auditLogAction);
    }
    return menu;
}

void CaseScreens::showPickup()
{
    if (!m_pickup)
        return;
    m_stack->setCurrentWidget(m_pickup);
    m_pickup->refreshReady();
    m_pickup->codeField()->setFocus();
}

void CaseScreens::showCaseList()
{
    if (!m_caseList)
        return;
    m_stack->setCurrentWidget(m_caseList);
    m_caseList->showList();
    m_caseList->refresh();
    m_caseList->searchField()->setFocus();
}

void CaseScreens::showTransfer()
{
    if (!m_transfer)
        return;
    m_stack->setCurrentWidget(m_transfer);
    m_transfer->showDesk();
    m_transfer->refresh();
}

void CaseScreens::showSupervisorDesk()
{
    if (!m_desk)
        return;
    m_stack->setCurrentWidget(m_desk);
    m_desk->showDesk();
}

bool CaseScreens::openCaseFromDesk(const QString &caseNumber)
{
    Result<bool> held = m_context.store->hasCase(caseNumber);
    if (!m_caseList || !held || !*held) {
        m_desk->showProblem(tr("Case %1 is not at this workstation: it was taken in at another counter; its "
                               "warning shows here, its file on the counter that holds it.")
                                .arg(caseNumber));
        return false;
    }
    m_stack->setCurrentWidget(m_caseList);
    return m_caseList->openCase(caseNumber);
}

void CaseScreens::showAuditLog()
{
    AuditLogDialog dialog(m_context, m_stack->window());
    dialog.exec();
}

void CaseScreens::showDepartmentLog()
{
    DepartmentLogDialog dialog(m_context, m_stack->window());
    dialog.exec();
}

DeadLettersWindow *CaseScreens::showDeadLetters()
{
    if (!m_desk || !m_context.hall)
        return nullptr;
    DeadLettersWindow::Context context;
    context.hall = *m_context.hall;
    context.clock = m_context.clock;
    context.session
        = [desk = QPointer<SupervisorDeskPage>(m_desk)] { return desk ? desk->session() : std::nullopt; };
    context.signIn = [desk = QPointer<SupervisorDeskPage>(m_desk)](const QString &password) -> Result<void> {
        if (!desk)
            return fail(Error::Code::Invalid, tr("The supervisor's desk is closed."));
        return desk->signIn(password);
    };
    context.departmentName = [catalogue = m_context.catalogue](const QString &id) {
        const catalogue::Department *department = catalogue ? catalogue->department(id) : nullptr;
        return department && !department->name.isEmpty() ? department->name : id;
    };
    auto *window = new DeadLettersWindow(std::move(context), m_stack->window());
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowModality(Qt::WindowModal);
    window->show();
    // Signed in at the desk already: the list at once; otherwise the password first.
    if (m_desk->session())
        window->reload();
    return window;
}

void CaseScreens::showPreReview()
{
    PreReviewDialog dialog(m_context, m_stack->window());
    dialog.exec();
}

void CaseScreens::showAcceptanceWalks()
{
    if (!m_context.hall)
        return;
    const sync::SyncSettings hall = *m_context.hall;
    QWidget *window = m_stack->window();
    // The submitted versions, each downloaded once while the dialog is open and gone with it.
    auto submitted = std::make_shared<sync::SubmittedCatalogues>();
    AcceptanceWalksDialog dialog(
        [hall, window]() {
            Result<QList<sync::PendingWalk>> walks = QList<sync::PendingWalk>();
            runHallServerRequest(window, hall,
                [&walks](sync::SyncClient &client) { walks = sync::AcceptanceWalks::pending(client); });
            return walks;
        },
        [hall, window, submitted](const sync::PendingWalk &walk) {
            Result<catalogue::CataloguePtr> opened = catalogue::CataloguePtr();
            runHallServerRequest(
                window, hall, [&](sync::SyncClient &client) { opened = submitted->open(client, walk); });
            return opened;
        },
        [hall, window, clerk = m_context.clerk](
            const sync::PendingWalk &walk, const QString &objection, const QString &answers) {
            Result<void> recorded;
            runHallServerRequest(window, hall, [&](sync::SyncClient &client) {
                recorded = sync::AcceptanceWalks::record(client, walk, clerk, objection, answers);
            });
            return recorded;
        },
        window);
    dialog.exec();
}

bool CaseScreens::showFirstScreen()
{
    const QList<RoleScreens::Screen> screens = RoleScreens::screensFor(m_context.role);
    if (screens.isEmpty() || screens.constFirst() == RoleScreens::Screen::Intake)
        return false;
    if (screens.constFirst() == RoleScreens::Screen::Pickup)
        showPickup();
    else if (screens.constFirst() == RoleScreens::Screen::Transfer)
        showTransfer();
    else
        showCaseList();
    return true;
}

void CaseScreens::refreshAfterSync()
{
    if (m_pickup)
        m_pickup->refreshReady();
    if (m_transfer) // a confirmation made at another workstation, or the department API
        m_transfer->refresh();
}

bool CaseScreens::isShowing() const
{
    QWidget *current = m_stack->currentWidget();
    return current
        && (current == m_pickup || current == m_caseList || current == m_transfer || current == m_desk);
}

} // namespace ow::ui
