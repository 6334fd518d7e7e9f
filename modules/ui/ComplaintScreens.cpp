#include "ui/ComplaintScreens.h"

#include "cases/ComplaintLog.h"
#include "cases/PickupDesk.h"
#include "ui/CaseListPage.h"
#include "ui/ComplaintDialog.h"
#include "ui/ComplaintListDialog.h"
#include "ui/ComplaintsWindow.h"
#include "ui/SupervisorDeskPage.h"

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QWidget>

namespace ow::ui {

ComplaintScreens::ComplaintScreens(
    const CaseScreenContext &context, QWidget *window, std::function<QString()> currentCase)
    : QObject(window)
    , m_context(context)
    , m_mainWindow(window)
    , m_currentCase(std::move(currentCase))
{
    if (!m_context.store)
        return; // complaints are kept in the case store until the server has them
    m_record = new QAction(tr("Record a co&mplaint…"), window);
    m_record->setObjectName(QStringLiteral("recordComplaintAction"));
    m_record->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_record->setShortcutContext(Qt::WindowShortcut);
    window->addAction(m_record); // the key works where the menu bar is hidden too
    connect(m_record, &QAction::triggered, this, &ComplaintScreens::showRecord);
    m_mine = new QAction(tr("Complaints I reco&rded…"), window);
    m_mine->setObjectName(QStringLiteral("myComplaintsAction"));
    connect(m_mine, &QAction::triggered, this, &ComplaintScreens::showMine);
    if (m_context.role == accounts::Role::Supervisor && m_context.hall && m_context.hall->isEnrolled()) {
        m_handle = new QAction(tr("Handle compla&ints…"), window);
        m_handle->setObjectName(QStringLiteral("handleComplaintsAction"));
        connect(m_handle, &QAction::triggered, this, &ComplaintScreens::showHandling);
    }
}

ComplaintDialog *ComplaintScreens::recordDialog() const
{
    return m_recordDialog;
}

ComplaintsWindow *ComplaintScreens::handlingWindow() const
{
    return m_window;
}

void ComplaintScreens::setDesk(SupervisorDeskPage *desk)
{
    m_desk = desk;
    if (desk)
        connect(desk, &SupervisorDeskPage::complaintsRequested, this, &ComplaintScreens::showHandling);
}

void ComplaintScreens::setCaseList(CaseListPage *list)
{
    m_list = list;
    if (list)
        connect(
            list, &CaseListPage::caseOpened, this, [this](const QString &number) { m_listCase = number; });
}

void ComplaintScreens::addTo(QMenu *menu) const
{
    if (!m_record)
        return;
    menu->addSeparator();
    menu->addAction(m_record);
    menu->addAction(m_mine);
    if (m_handle)
        menu->addAction(m_handle);
}

ComplaintDialog *ComplaintScreens::showRecord()
{
    if (!m_context.store)
        return nullptr;
    cases::CaseStore *store = m_context.store;
    const Clock clock = m_context.clock;
    auto *dialog = new ComplaintDialog(
        m_context.catalogue, m_context.clerkNames,
        [store, clock](const cases::ComplaintRecord &complaint) -> Result<void> {
            const Result<cases::ComplaintRecord> recorded
                = cases::ComplaintLog(*store, clock).record(complaint);
            if (!recorded)
                return failWith(recorded.error());
            return {};
        },
        m_mainWindow);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRecorder(m_context.clerk, m_context.clerkName, m_context.clock);
    dialog->setCaseLookup([store](const QString &scanned) {
        const Result<cases::Case> found = cases::PickupDesk(*store, QString()).find(scanned);
        return found ? found->number : QString();
    });
    // The case on screen: the open case of the case list when it shows one, else the intake's.
    QString number;
    if (m_list && m_list->isVisible() && m_list->isShowingDetail())
        number = m_listCase;
    else if (m_currentCase)
        number = m_currentCase();
    dialog->setCaseNumber(number);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        Q_EMIT recorded(
            tr("Complaint recorded; it goes to the server with the next sync (Cases → Complaints I "
               "recorded shows its number)."));
        Q_UNUSED(dialog);
    });
    m_recordDialog = dialog;
    dialog->open();
    dialog->activateWindow(); // without a window manager nothing hands it the keyboard
    return dialog;
}

ComplaintListDialog *ComplaintScreens::showMine()
{
    if (!m_context.store)
        return nullptr;
    auto *dialog = new ComplaintListDialog(*m_context.store, m_context.clerk, m_mainWindow);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    dialog->activateWindow();
    return dialog;
}

ComplaintsWindow *ComplaintScreens::showHandling()
{
    if (!m_handle || !m_context.hall)
        return nullptr;
    if (m_window) {
        m_window->raise();
        m_window->activateWindow();
        return m_window;
    }
    ComplaintsWindow::Context context;
    context.hall = *m_context.hall;
    context.clock = m_context.clock;
    context.staffNumber = m_context.clerk;
    context.name = m_context.clerkName;
    context.clerkNames = m_context.clerkNames;
    context.catalogue = m_context.catalogue;
    QPointer<SupervisorDeskPage> desk = m_desk;
    context.session = [desk]() -> std::optional<sync::SupervisorSession> {
        return desk ? desk->session() : std::nullopt;
    };
    context.signIn = [desk](const QString &password) -> Result<void> {
        if (!desk)
            return fail(Error::Code::Invalid, tr("Open the supervisor's desk to sign in."));
        return desk->signIn(password);
    };
    auto *window = new ComplaintsWindow(std::move(context), m_mainWindow);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_window = window;
    window->open();
    window->activateWindow();
    if (desk && desk->session())
        window->reload();
    else
        window->passwordField()->setFocus();
    return window;
}

} // namespace ow::ui
