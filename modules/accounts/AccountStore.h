#pragma once

#include "accounts/Account.h"
#include "accounts/LoginPolicy.h"
#include "cases/AuditLog.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QStringList>
#include <memory>

namespace ow::accounts {

/// The workstation's users in its SQLite database: creating them (the first one an administrator),
/// checking a password at login with the lockout of LoginPolicy, changing and resetting passwords,
/// roles, names and the enabled state. Passwords are kept only as PasswordHash texts.
class AccountStore
{
public:
    /// Opens the database file (the case database, CaseStore::databasePath) and migrates the case
    /// schema (for its audit trail) and the accounts tables. Account changes, log-ins and refused
    /// log-ins are written to the audit trail ("account.*").
    static Result<std::unique_ptr<AccountStore>> open(const QString &databasePath);
    /// The same, reading the time (last login, lockouts) from `clock`.
    static Result<std::unique_ptr<AccountStore>> open(const QString &databasePath, const Clock &clock);

    /// The shortest password accepted.
    static constexpr int kMinimumPasswordLength = 8;
    /// Why `password` is refused (too short, or only one kind of character, so never all digits), or
    /// success.
    static Result<void> checkPassword(const QString &password);
    /// A password an administrator hands out (12 letters and digits, none that look alike, passing
    /// checkPassword()); the clerk must replace it at the first login.
    static QString generatePassword();

    /// True until the first account exists: the workstation then asks for an administrator.
    Result<bool> isEmpty() const;
    /// Creates the first account, always an administrator; fails once any account exists.
    Result<Account> createFirstAdmin(
        const QString &login, const QString &displayName, const QString &password);
    /// Creates an account; fails for a taken login or a refused password.
    Result<Account> createAccount(
        const QString &login, const QString &displayName, Role role, const QString &password);
    /// Creates an account with several roles and a password an administrator chose or generated, so
    /// the clerk must replace it at the first login.
    Result<Account> addAccount(const QString &login, const QString &displayName, const QList<Role> &roles,
        const QString &initialPassword);
    /// The active account whose password this is, with its last-login time updated. Unknown login,
    /// wrong password and deactivated account give the same message, so a guess learns nothing.
    /// After LoginPolicy::maxFailedAttempts wrong passwords in a row the account is locked for
    /// LoginPolicy::lockoutMinutes; while locked even the right password is refused, with the time
    /// the lock ends. The account returned may carry mustChangePassword: the caller then asks for a
    /// new password (changePassword) before opening any screen.
    Result<Account> authenticate(const QString &login, const QString &password);
    /// Whether `password` is the account's, without touching the last-login time (unlocking).
    Result<bool> checkPasswordOf(const QString &login, const QString &password) const;
    /// Why `newPassword` cannot replace the account's password (checkPassword, or the same as now).
    Result<void> checkNewPassword(const QString &login, const QString &newPassword) const;
    /// The clerk's own new password; clears the forced change after a reset. For an account of the
    /// hall the new hash waits for the server (pendingPasswordChanges) until the sync sends it.
    Result<void> changePassword(const QString &login, const QString &newPassword);
    /// An administrator's reset: the new password works once, then must be replaced. Also lifts a
    /// lockout.
    Result<void> resetPassword(const QString &login, const QString &newPassword);
    Result<void> setActive(const QString &login, bool active);
    Result<void> setRole(const QString &login, Role role);
    /// Replaces the clerk's roles (at least one); the screens follow primaryRole().
    Result<void> setRoles(const QString &login, const QList<Role> &roles);
    Result<void> rename(const QString &login, const QString &displayName);
    /// Brings the cache of the hall's accounts up to the list the server sent (GET /api/v1/accounts,
    /// docs/sync-protocol.md): new clerks are added, changed ones updated (name, roles, enabled, a
    /// reset password with its forced change), and hall accounts missing from the list disabled.
    /// A password the clerk changed at this workstation stays until the server's hash changes.
    /// Lockouts and last logins stay local. Returns how many accounts changed; each change is an
    /// audit row ("account.synced", clerk "server").
    Result<int> applyHallAccounts(const QJsonArray &accounts);
    /// The same for one account as the server answered a change (POST /api/v1/accounts), without
    /// touching the others. Returns whether it changed anything.
    Result<bool> applyHallAccount(const QJsonObject &account);

    /// A password a clerk of the hall changed here, waiting for the server.
    struct PendingPassword
    {
        QString login;
        QString previousHash; ///< the hash the server last sent: the server takes the change only from it
        QString passwordHash;
    };
    Result<QList<PendingPassword>> pendingPasswordChanges() const;
    /// The server took `passwordHash` as the clerk's: it is the hall's hash from now on (unless the
    /// clerk changed the password again meanwhile, which then waits for the next round).
    Result<void> confirmPasswordSent(const QString &login, const QString &passwordHash);
    /// The server refused the change for good (the administrator reset the password since, the
    /// account is gone, or it is a hall administrator's, which the server takes only with the old
    /// password): it no longer waits, the next pull puts the server's password back, and a wrong
    /// password typed at the login says so until the clerk logs in or changes it again.
    Result<void> dropPasswordChange(const QString &login);
    /// The hash the server last sent for a clerk of the hall (empty for the workstation's own
    /// accounts, or when unknown).
    Result<QString> hallHash(const QString &login) const;
    /// The server took the clerk's own new password at once (sent from this counter while online):
    /// it is the clerk's password here and the hall's from now on, nothing waits.
    Result<void> takeServerPassword(const QString &login, const QString &passwordHash);
    /// The accounts whose password change the server refused (dropPasswordChange) and who have not
    /// logged in or changed it since.
    Result<QStringList> refusedPasswordChanges() const;
    /// The signed-in clerk was locked out of the open window because the account was disabled.
    Result<void> recordLockedOut(const QString &login);
    /// Another clerk (`to`) signed in on the lock screen of `from`'s window.
    Result<void> recordSwitch(const QString &from, const QString &to);
    /// Lifts a lockout before its time.
    Result<void> unlock(const QString &login);
    void setLoginPolicy(const LoginPolicy &policy) { m_policy = policy; }
    const LoginPolicy &loginPolicy() const { return m_policy; }
    /// Who the audit rows of the following changes name as the clerk (the signed-in administrator,
    /// or the command-line tool); empty names the account itself, as log-ins do.
    void setActingClerk(const QString &clerk) { m_actor = clerk; }
    Result<Account> account(const QString &login) const;
    /// Every account, by login.
    Result<QList<Account>> accounts() const;
    /// The counter recorded with the audit rows of this workstation.
    void setCounter(const QString &counter) { m_counter = counter; }
    const cases::AuditLog &auditLog() const { return m_audit; }

private:
    AccountStore(std::unique_ptr<storage::Database> db, const Clock &clock);
    Result<Account> insert(const QString &login, const QString &displayName, const QList<Role> &roles,
        const QString &password, bool mustChange);
    Result<void> recordFailure(const QString &login);
    QString timestamp() const;
    Result<QString> storedHash(const QString &login) const;
    Result<void> update(const QString &login, const QString &assignments, const QVariantList &values);
    Result<void> audit(const QString &action, const QString &login, bool inTransaction = false) const;
    /// One row of the server's list, inside the caller's transaction; true when it changed something.
    Result<bool> applyHallRow(const QJsonObject &row, QSet<QString> *seen);

    std::unique_ptr<storage::Database> m_db;
    cases::AuditLog m_audit;
    QString m_counter;
    QString m_actor;
    Clock m_clock;
    LoginPolicy m_policy;
};

} // namespace ow::accounts
