#include "server/HallAccountRepository.h"

#include "accounts/PasswordHash.h"
#include "accounts/Role.h"
#include "storage/Transaction.h"

#include <QCoreApplication>

namespace ow::server {

namespace {

/// The form a staff number is compared in: "Zh01 " and "zh01" are one clerk.
QString loginKey(const QString &login)
{
    return login.trimmed().toLower();
}

const QString kColumns = QStringLiteral(
    "hall, login, display_name, roles, active, must_change_password, password_hash, updated");

HallAccount accountFrom(const QVariantList &rows)
{
    HallAccount account;
    account.hall = rows.at(0).toString();
    account.login = rows.at(1).toString();
    account.displayName = rows.at(2).toString();
    account.roles = rows.at(3).toString();
    account.active = rows.at(4).toInt() != 0;
    account.mustChangePassword = rows.at(5).toInt() != 0;
    account.passwordHash = rows.at(6).toString();
    account.updated = QDateTime::fromString(rows.at(7).toString(), Qt::ISODateWithMs);
    return account;
}

Failure notFound(const QString &login)
{
    return fail(Error::Code::NotFound,
        QCoreApplication::translate("ow::server", "There is no account %1 in this hall.").arg(login));
}

Result<void> checkRoles(const QString &roles)
{
    const std::optional<QList<accounts::Role>> parsed = accounts::rolesFromKeys(roles);
    if (!parsed || parsed->isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::server", "“%1” is not a list of roles (intake, pickup, supervisor, admin, catalogue).")
                .arg(roles));
    return {};
}

Result<void> checkHash(const QString &hash)
{
    if (!accounts::PasswordHash::isWellFormed(hash))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::server", "The password hash is not a PBKDF2 hash of an accepted work factor."));
    return {};
}

} // namespace

QJsonObject HallAccount::toJson() const
{
    return QJsonObject {{QStringLiteral("staffNumber"), login}, {QStringLiteral("name"), displayName},
        {QStringLiteral("roles"), roles}, {QStringLiteral("enabled"), active},
        {QStringLiteral("mustChangePassword"), mustChangePassword},
        {QStringLiteral("passwordHash"), passwordHash},
        {QStringLiteral("updated"), updated.toString(Qt::ISODateWithMs)}};
}

HallAccountRepository::HallAccountRepository(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

Result<QList<HallAccount>> HallAccountRepository::accounts(const QString &hall) const
{
    Result<storage::Rows> rows = m_db.run(
        QStringLiteral("SELECT %1 FROM hall_accounts WHERE hall = ? ORDER BY login").arg(kColumns), {hall});
    if (!rows)
        return failWith(rows.error());
    QList<HallAccount> list;
    while (true) {
        Result<bool> found = rows->fetch();
        if (!found)
            return failWith(found.error());
        if (!*found)
            return list;
        list.append(accountFrom(rows->row()));
    }
}

Result<HallAccount> HallAccountRepository::account(const QString &hall, const QString &login) const
{
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        QStringLiteral("SELECT %1 FROM hall_accounts WHERE hall = ? AND login_key = ?").arg(kColumns),
        {hall, loginKey(login)});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return notFound(login);
    return accountFrom(**found);
}

Result<HallAccount> HallAccountRepository::add(const QString &hall, const QString &actor,
    const QString &login, const QString &displayName, const QString &roles, const QString &passwordHash)
{
    const QString name = login.trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "A staff number is one word without spaces."));
    if (displayName.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "The account needs the clerk's name."));
    Result<void> valid = checkRoles(roles);
    if (valid)
        valid = checkHash(passwordHash);
    if (!valid)
        return failWith(valid.error());
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<QVariant> taken
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM hall_accounts WHERE hall = ? AND login_key = ?"),
            {hall, loginKey(name)});
    if (!taken)
        return failWith(taken.error());
    if (taken->toInt() > 0)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "The staff number %1 is already taken in this hall.")
                .arg(name));
    const QString time = m_clock.nowUtc().toString(Qt::ISODateWithMs);
    Result<storage::Rows> inserted = m_db.run(
        QStringLiteral("INSERT INTO hall_accounts (hall, login, login_key, display_name, roles, active,"
                       " must_change_password, password_hash, created, updated)"
                       " VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?, ?)"),
        {hall, name, loginKey(name), displayName.trimmed(),
            accounts::roleKeys(*accounts::rolesFromKeys(roles)), passwordHash, time, time});
    if (!inserted)
        return failWith(inserted.error());
    done = record(hall, actor, QStringLiteral("account.created"), name);
    if (done)
        done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return account(hall, name);
}

Result<void> HallAccountRepository::rename(
    const QString &hall, const QString &actor, const QString &login, const QString &name)
{
    if (name.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "The account needs the clerk's name."));
    return change(hall, actor, login, QStringLiteral("account.renamed"), QStringLiteral("display_name = ?"),
        {name.trimmed()});
}

Result<void> HallAccountRepository::setRoles(
    const QString &hall, const QString &actor, const QString &login, const QString &roles)
{
    Result<void> valid = checkRoles(roles);
    if (!valid)
        return valid;
    return change(hall, actor, login, QStringLiteral("account.role_changed"), QStringLiteral("roles = ?"),
        {accounts::roleKeys(*accounts::rolesFromKeys(roles))});
}

Result<void> HallAccountRepository::setActive(
    const QString &hall, const QString &actor, const QString &login, bool active)
{
    return change(hall, actor, login,
        active ? QStringLiteral("account.activated") : QStringLiteral("account.deactivated"),
        QStringLiteral("active = ?"), {active ? 1 : 0});
}

Result<void> HallAccountRepository::resetPassword(
    const QString &hall, const QString &actor, const QString &login, const QString &passwordHash)
{
    Result<void> valid = checkHash(passwordHash);
    if (!valid)
        return valid;
    return change(hall, actor, login, QStringLiteral("account.password_reset"),
        QStringLiteral("password_hash = ?, must_change_password = 1"), {passwordHash});
}

Result<bool> HallAccountRepository::changeOwnPassword(const QString &hall, const QString &actor,
    const QString &login, const QString &previousHash, const QString &passwordHash)
{
    Result<void> valid = checkHash(passwordHash);
    if (!valid)
        return failWith(valid.error());
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    // One statement compares and sets, so two counters sending at once cannot both win.
    Result<storage::Rows> rows = m_db.run(
        QStringLiteral("UPDATE hall_accounts SET password_hash = ?, must_change_password = 0, updated = ?"
                       " WHERE hall = ? AND login_key = ? AND active = 1 AND password_hash = ?"),
        {passwordHash, m_clock.nowUtc().toString(Qt::ISODateWithMs), hall, loginKey(login), previousHash});
    if (!rows)
        return failWith(rows.error());
    if (rows->numRowsAffected() == 0)
        return false;
    done = record(hall, actor, QStringLiteral("account.password_changed"), login.trimmed());
    if (done)
        done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return true;
}

Result<bool> HallAccountRepository::isAdministrator(
    const QString &hall, const QString &login, const QString &password) const
{
    return holdsRole(hall, login, password, accounts::Role::Admin);
}

Result<bool> HallAccountRepository::holdsRole(
    const QString &hall, const QString &login, const QString &password, accounts::Role role) const
{
    Result<HallAccount> found = account(hall, login);
    if (!found) {
        if (found.error().code() == Error::Code::NotFound)
            return false;
        return failWith(found.error());
    }
    const bool holds = accounts::rolesFromKeys(found->roles).value_or(QList<accounts::Role>()).contains(role);
    return found->active && holds && accounts::PasswordHash::verify(password, found->passwordHash);
}

Result<QList<HallAccountRepository::AuditRow>> HallAccountRepository::audit(const QString &hall) const
{
    Result<storage::Rows> rows = m_db.run(
        QStringLiteral(
            "SELECT time, actor, action, login FROM hall_account_audit WHERE hall = ? ORDER BY id"),
        {hall});
    if (!rows)
        return failWith(rows.error());
    QList<AuditRow> list;
    while (true) {
        Result<bool> found = rows->fetch();
        if (!found)
            return failWith(found.error());
        if (!*found)
            return list;
        list.append({QDateTime::fromString(rows->value(0).toString(), Qt::ISODateWithMs),
            rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toString()});
    }
}

Result<void> HallAccountRepository::change(const QString &hall, const QString &actor, const QString &login,
    const QString &action, const QString &assignments, const QVariantList &values)
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return done;
    QVariantList bound = values;
    bound << m_clock.nowUtc().toString(Qt::ISODateWithMs) << hall << loginKey(login);
    Result<storage::Rows> rows
        = m_db.run(QStringLiteral("UPDATE hall_accounts SET %1, updated = ? WHERE hall = ? AND login_key = ?")
                       .arg(assignments),
            bound);
    if (!rows)
        return failWith(rows.error());
    if (rows->numRowsAffected() == 0)
        return notFound(login);
    done = record(hall, actor, action, login.trimmed());
    if (!done)
        return done;
    return transaction.commit();
}

Result<void> HallAccountRepository::record(
    const QString &hall, const QString &actor, const QString &action, const QString &login)
{
    Result<storage::Rows> rows = m_db.run(
        QStringLiteral(
            "INSERT INTO hall_account_audit (hall, time, actor, action, login) VALUES (?, ?, ?, ?, ?)"),
        {hall, m_clock.nowUtc().toString(Qt::ISODateWithMs), actor, action, login});
    if (!rows)
        return failWith(rows.error());
    return {};
}

} // namespace ow::server
