#pragma once

#include "accounts/Account.h"
#include "sync/SyncSettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMainWindow;

namespace ow::accounts {
class AccountStore;
}

namespace ow::ui {

class IdleWatcher;
class LockOverlay;
class LoginDialog;

/// The logged-in clerk of a window: shows who it is in the status bar and locks the window after
/// the idle time; unlocking asks that clerk's password again. On the lock screen another clerk may
/// sign in ("Switch user"): the open work of the first is kept for them first (the keep hook), then
/// switchRequested() asks the application for the next clerk's window. A clerk disabled while signed
/// in (the sync brought it) is locked out at once, with the reason on the lock screen.
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
    /// What keeps the signed-in clerk's open work before another clerk signs in here (the window
    /// saves the open intake as that clerk's draft); false refuses the switch. Without one nothing
    /// needs keeping.
    void setKeepOpenWork(std::function<bool()> keep) { m_keepOpenWork = std::move(keep); }
    /// The enrolment of this workstation (nullopt: standalone), for the log-in of Switch user: a
    /// clerk's forced password change there goes to the hall's server like at the first log-in.
    void setHall(std::optional<sync::SyncSettings> hall) { m_hall = std::move(hall); }

public Q_SLOTS:
    void lock();
    /// Unlocks when `password` is the clerk's; otherwise stays locked and says why.
    bool tryUnlock(const QString &password);
    /// "Switch user": asks another clerk to sign in (the log-in dialog, over the locked window).
    void switchUser();
    /// The clerk who signed in at the switch: the same clerk unlocks; another one is handed on by
    /// switchRequested() once the open work is kept. Returns whether the window was unlocked or
    /// handed on.
    bool completeSwitch(const accounts::Account &next);
    /// Reads the signed-in clerk again (after the sync changed the hall's accounts): a disabled
    /// account is locked out with the reason.
    void checkAccount();

Q_SIGNALS:
    void lockedChanged(bool locked);
    /// Another clerk signed in on the lock screen; the window of `next` should replace this one. The
    /// first clerk's open work was kept.
    void switchRequested(const accounts::Account &next);

private:
    void unlockWindow();

    QPointer<QMainWindow> m_window;
    accounts::AccountStore &m_store;
    accounts::Account m_account;
    IdleWatcher *m_idle = nullptr;
    LockOverlay *m_overlay = nullptr;
    QAction *m_lockAction = nullptr;
    bool m_locked = false;
    bool m_lockedOut = false;
    std::function<bool()> m_keepOpenWork;
    std::optional<sync::SyncSettings> m_hall;
    QHash<QAction *, bool> m_enabledBeforeLock;
    QPointer<QWidget> m_focusBeforeLock;
    QPointer<LoginDialog> m_switchDialog;
};

} // namespace ow::ui
