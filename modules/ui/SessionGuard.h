#pragma once

#include "accounts/Account.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QMainWindow;

namespace ow::accounts {
class AccountStore;
}

namespace ow::ui {

class IdleWatcher;
class LockOverlay;

/// The logged-in clerk of a window: shows who it is in the status bar and locks the window after
/// the idle time; unlocking asks that clerk's password again.
class SessionGuard : public QObject
{
    Q_OBJECT

public:
    /// `store` must outlive the guard. `idleMinutes` 0 never locks by itself.
    SessionGuard(
        QMainWindow *window, accounts::AccountStore &store, accounts::Account account, int idleMinutes);

    const accounts::Account &account() const { return m_account; }
    bool isLocked() const { return m_locked; }
    IdleWatcher *idleWatcher() const { return m_idle; }
    LockOverlay *overlay() const { return m_overlay; }

public Q_SLOTS:
    void lock();
    /// Unlocks when `password` is the clerk's; otherwise stays locked and says why.
    bool tryUnlock(const QString &password);

Q_SIGNALS:
    void lockedChanged(bool locked);

private:
    QPointer<QMainWindow> m_window;
    accounts::AccountStore &m_store;
    accounts::Account m_account;
    IdleWatcher *m_idle = nullptr;
    LockOverlay *m_overlay = nullptr;
    QAction *m_lockAction = nullptr;
    bool m_locked = false;
    QHash<QAction *, bool> m_enabledBeforeLock;
    QPointer<QWidget> m_focusBeforeLock;
};

} // namespace ow::ui
