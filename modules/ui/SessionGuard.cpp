#include "ui/SessionGuard.h"

#include "accounts/AccountStore.h"
#include "ui/IdleWatcher.h"
#include "ui/LockOverlay.h"
#include "ui/LoginDialog.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

namespace ow::ui {

SessionGuard::SessionGuard(
    QMainWindow *window, accounts::AccountStore &store, accounts::Account account, int idleMinutes)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_account(std::move(account))
{
    const QString clerkLine
        = tr("Clerk: %1 (%2)").arg(m_account.displayName, accounts::roleLabel(m_account.role));
    auto *clerkLabel = new QLabel(clerkLine, window);
    clerkLabel->setObjectName(QStringLiteral("clerkLabel"));
    window->statusBar()->addPermanentWidget(clerkLabel);

    m_overlay = new LockOverlay(window);
    m_overlay->setClerk(clerkLine);
    connect(m_overlay, &LockOverlay::unlockRequested, this, &SessionGuard::tryUnlock);
    connect(m_overlay, &LockOverlay::switchUserRequested, this, &SessionGuard::switchUser);

    m_idle = new IdleWatcher(idleMinutes, this);
    connect(m_idle, &IdleWatcher::idle, this, &SessionGuard::lock);

    m_lockAction = new QAction(tr("&Lock the workstation"), window);
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_lockAction, &QAction::triggered, this, &SessionGuard::lock);
    window->addAction(m_lockAction);
    if (QMenu *file = window->menuBar()->findChild<QMenu *>(); file)
        file->insertAction(file->actions().value(0), m_lockAction);
}

void SessionGuard::lock()
{
    if (m_locked || !m_window)
        return;
    m_locked = true;
    m_focusBeforeLock = QApplication::focusWidget();
    // Every shortcut of the window is off while locked; each action gets back its own state.
    m_enabledBeforeLock.clear();
    for (QAction *action : m_window->findChildren<QAction *>()) {
        m_enabledBeforeLock.insert(action, action->isEnabled());
        action->setEnabled(false);
    }
    m_window->menuBar()->setEnabled(false);
    // Tab must not reach the widgets under the overlay.
    if (QWidget *central = m_window->centralWidget())
        central->setEnabled(false);
    m_overlay->cover();
    Q_EMIT lockedChanged(true);
}

bool SessionGuard::tryUnlock(const QString &password)
{
    if (!m_locked)
        return true;
    if (m_lockedOut)
        return false;
    // Unlocking is a login: wrong passwords count towards the lockout, a locked or disabled
    // account stays locked out, and the store audits it.
    Result<accounts::Account> unlocked = m_store.authenticate(m_account.login, password);
    if (!unlocked) {
        m_overlay->showRefusal(unlocked.error().message());
        return false;
    }
    unlockWindow();
    return true;
}

void SessionGuard::unlockWindow()
{
    m_locked = false;
    for (auto it = m_enabledBeforeLock.cbegin(); it != m_enabledBeforeLock.cend(); ++it)
        it.key()->setEnabled(it.value());
    m_enabledBeforeLock.clear();
    m_window->menuBar()->setEnabled(true);
    if (QWidget *central = m_window->centralWidget())
        central->setEnabled(true);
    m_overlay->hide();
    if (m_focusBeforeLock)
        m_focusBeforeLock->setFocus();
    m_idle->restart();
    Q_EMIT lockedChanged(false);
}

void SessionGuard::switchUser()
{
    if (!m_locked || !m_window || (m_switchDialog && m_switchDialog->isVisible()))
        return;
    auto *dialog = new LoginDialog(m_store, m_hall, m_window);
    m_switchDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSwitchingFrom(m_account.displayName);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->account())
            completeSwitch(*dialog->account());
    });
    dialog->open();
    dialog->activateWindow();
}

bool SessionGuard::completeSwitch(const accounts::Account &next)
{
    if (!m_locked)
        return false;
    if (next.login.compare(m_account.login, Qt::CaseInsensitive) == 0) {
        // The same clerk signed in again (the dialog checked and recorded the password).
        if (m_lockedOut)
            return false;
        unlockWindow();
        return true;
    }
    if (m_keepOpenWork && !m_keepOpenWork()) {
        m_overlay->showRefusal(tr("The open intake of %1 could not be saved as a draft, so the counter "
                                  "stays with %1. %1 unlocks and saves or finishes it first.")
                                   .arg(m_account.displayName));
        return false;
    }
    (void)m_store.recordSwitch(m_account.login, next.login);
    Q_EMIT switchRequested(next);
    return true;
}

void SessionGuard::checkAccount()
{
    Result<accounts::Account> now = m_store.account(m_account.login);
    // A read error is no reason to throw a clerk out; the next change tries again.
    if (!now || now->active)
        return;
    m_lockedOut = true;
    lock();
    m_overlay->refuseUnlock(tr("The account of %1 was disabled by the hall administrator and can no "
                               "longer be used at this counter. Another clerk signs in with Switch "
                               "user; the open intake is then saved as a draft.")
                                .arg(m_account.displayName));
    (void)m_store.recordLockedOut(m_account.login);
}

} // namespace ow::ui
