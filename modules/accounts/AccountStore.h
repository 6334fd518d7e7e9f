#pragma once

#include "accounts/Account.h"
#include "cases/AuditLog.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QList>
#include <memory>

namespace ow::accounts {

/// The workstation's users in its SQLite database: creating them (the first one an administrator),
/// checking a password at login, changing passwords and roles. Passwords are kept only as
/// PasswordHash texts.
class AccountStore
{
public:
    /// Opens the database file (the case database, CaseStore::databasePath) and migrates the case
    /// schema (for its audit trail) and the accounts tables. Account changes, log-ins and refused
    /// log-ins are written to the audit trail ("account.*").
    static Result<std::unique_ptr<AccountStore>> open(const QString &databasePath);

    /// The shortest password accepted.
    static constexpr int kMinimumPasswordLength = 8;
    /// Why `password` is refused (too short, or only one kind of character), or success.
    static Result<void> checkPassword(const QString &password);

    /// True until the first account exists: the workstation then asks for an administrator.
    Result<bool> isEmpty() const;
    /// Creates the first account, always an administrator; fails once any account exists.
    Result<Account> createFirstAdmin(
        const QString &login, const QString &displayName, const QString &password);
    /// Creates an account; fails for a taken login or a refused password.
    Result<Account> createAccount(
        const QString &login, const QString &displayName, Role role, const QString &password);
    /// The active account whose password this is, with its last-login time updated. Unknown login,
    /// wrong password and deactivated account give the same message, so a guess learns nothing.
    Result<Account> authenticate(const QString &login, const QString &password);
    /// Whether `password` is the account's, without touching the last-login time (unlocking).
    Result<bool> checkPasswordOf(const QString &login, const QString &password) const;
    Result<void> changePassword(const QString &login, const QString &newPassword);
    Result<void> setActive(const QString &login, bool active);
    Result<void> setRole(const QString &login, Role role);
    Result<Account> account(const QString &login) const;
    /// Every account, by login.
    Result<QList<Account>> accounts() const;
    /// The counter recorded with the audit rows of this workstation.
    void setCounter(const QString &counter) { m_counter = counter; }
    const cases::AuditLog &auditLog() const { return m_audit; }

private:
    explicit AccountStore(std::unique_ptr<storage::Database> db);
    Result<Account> insert(
        const QString &login, const QString &displayName, Role role, const QString &password);
    Result<QString> storedHash(const QString &login) const;
    Result<void> update(const QString &login, const QString &assignments, const QVariantList &values);
    Result<void> audit(const QString &action, const QString &login) const;

    std::unique_ptr<storage::Database> m_db;
    cases::AuditLog m_audit;
    QString m_counter;
};

} // namespace ow::accounts
