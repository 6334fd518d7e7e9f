#pragma once

#include "accounts/Role.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ow::server {

/// One clerk account of a hall as the server keeps it: the PBKDF2 hash text only, never a password.
struct HallAccount
{
    QString hall;
    QString login; ///< the staff number (工号), unique in the hall, compared case-insensitively
    QString displayName;
    QString roles; ///< comma-separated role keys (accounts::roleKeys)
    bool active = true;
    bool mustChangePassword = true;
    QString passwordHash; ///< accounts::PasswordHash text
    QDateTime updated;

    /// The wire form of GET /api/v1/accounts (docs/sync-protocol.md).
    QJsonObject toJson() const;
};

/// The hall-wide accounts on the server, with an audit row for every change (hall_account_audit):
/// a hall administrator creates, renames, disables and re-enables clerks, sets their roles and
/// resets their passwords; every enrolled workstation of the hall pulls the list with the hashes.
class HallAccountRepository
{
public:
    HallAccountRepository(const storage::Database &db, Clock clock);

    Result<QList<HallAccount>> accounts(const QString &hall) const;
    Result<HallAccount> account(const QString &hall, const QString &login) const;
    /// A new clerk; `passwordHash` must be a PasswordHash text of an acceptable work factor, and the
    /// clerk must replace that password at the first login.
    Result<HallAccount> add(const QString &hall, const QString &actor, const QString &login,
        const QString &displayName, const QString &roles, const QString &passwordHash);
    Result<void> rename(const QString &hall, const QString &actor, const QString &login, const QString &name);
    Result<void> setRoles(
        const QString &hall, const QString &actor, const QString &login, const QString &roles);
    Result<void> setActive(const QString &hall, const QString &actor, const QString &login, bool active);
    Result<void> resetPassword(
        const QString &hall, const QString &actor, const QString &login, const QString &passwordHash);
    /// The clerk's own new password, changed at a counter and sent by its sync: taken only while the
    /// account is enabled and its hash is still `previousHash` (the one that counter last pulled), so
    /// a reset by the administrator since is never overwritten. False (nothing changed) otherwise.
    /// Clears the forced change.
    Result<bool> changeOwnPassword(const QString &hall, const QString &actor, const QString &login,
        const QString &previousHash, const QString &passwordHash);
    /// Whether `login` is an enabled hall administrator of `hall` and `password` is theirs.
    Result<bool> isAdministrator(const QString &hall, const QString &login, const QString &password) const;
    /// Whether `login` is an enabled account of `hall` holding `role` and `password` is theirs.
    Result<bool> holdsRole(
        const QString &hall, const QString &login, const QString &password, accounts::Role role) const;

    struct AuditRow
    {
        QDateTime time;
        QString actor;
        QString action;
        QString login;
    };
    /// The hall's account changes, oldest first.
    Result<QList<AuditRow>> audit(const QString &hall) const;

private:
    Result<void> change(const QString &hall, const QString &actor, const QString &login,
        const QString &action, const QString &assignments, const QVariantList &values);
    Result<void> record(
        const QString &hall, const QString &actor, const QString &action, const QString &login);

    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
