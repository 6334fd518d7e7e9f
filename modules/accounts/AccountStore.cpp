#include "accounts/AccountStore.h"

#include "accounts/AccountSchema.h"
#include "accounts/PasswordHash.h"
#include "cases/CaseSchema.h"
#include "core/Clock.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlRecord>
#include <utility>

namespace ow::accounts {

namespace {

const QString kColumns = QStringLiteral("id, login, display_name, role, active, created, last_login, roles,"
                                        " must_change_password, failed_attempts, locked_until");

Account accountFrom(const QSqlQuery &query)
{
    Account account;
    account.id = query.value(0).toLongLong();
    account.login = query.value(1).toString();
    account.displayName = query.value(2).toString();
    account.role = roleFromKey(query.value(3).toString()).value_or(Role::IntakeClerk);
    account.active = query.value(4).toInt() != 0;
    account.created = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
    if (!query.value(6).isNull())
        account.lastLogin = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
    account.roles = rolesFromKeys(query.value(7).toString()).value_or(QList<Role>());
    if (!account.roles.contains(account.role))
        account.roles.prepend(account.role);
    account.mustChangePassword = query.value(8).toInt() != 0;
    account.failedAttempts = query.value(9).toInt();
    if (!query.value(10).isNull())
        account.lockedUntil = QDateTime::fromString(query.value(10).toString(), Qt::ISODateWithMs);
    return account;
}

Failure refusedLogin()
{
    return fail(Error::Code::Invalid,
        QCoreApplication::translate(
            "ow::accounts", "The login name or the password is wrong, or the account is disabled."));
}

} // namespace

AccountStore::AccountStore(std::unique_ptr<storage::Database> db, const Clock &clock)
    : m_db(std::move(db))
    , m_audit(*m_db)
    , m_clock(clock)
{
}

QString AccountStore::timestamp() const
{
    return m_clock.nowUtc().toString(Qt::ISODateWithMs);
}

Result<void> AccountStore::audit(const QString &action, const QString &login, bool inTransaction) const
{
    cases::AuditEntry entry;
    // The login name identifies the account, not a person's data; it is what the audit rows name.
    // An administrator's change names the administrator as the clerk and the account as the target.
    entry.clerk = m_actor.isEmpty() ? login.trimmed() : m_actor;
    entry.counter = m_counter;
    entry.action = action;
    entry.target = login.trimmed();
    Result<cases::AuditEntry> recorded
        = inTransaction ? m_audit.recordInTransaction(entry) : m_audit.record(entry);
    if (!recorded)
        return failWith(recorded.error());
    return {};
}

Result<std::unique_ptr<AccountStore>> AccountStore::open(const QString &databasePath)
{
    return open(databasePath, Clock::system());
}

Result<std::unique_ptr<AccountStore>> AccountStore::open(const QString &databasePath, const Clock &clock)
{
    Result<std::unique_ptr<storage::Database>> db = storage::Database::openSqlite(databasePath);
    if (!db)
        return failWith(db.error());
    Result<void> migrated = cases::CaseSchema::migrate(**db);
    if (!migrated)
        return failWith(migrated.error());
    migrated = AccountSchema::migrate(**db);
    if (!migrated)
        return failWith(migrated.error());
    return std::unique_ptr<AccountStore>(new AccountStore(std::move(*db), clock));
}

Result<void> AccountStore::checkPassword(const QString &password)
{
    if (password.size() < kMinimumPasswordLength)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "The password needs at least %1 characters.")
                .arg(kMinimumPasswordLength));
    bool letter = false;
    bool other = false;
    for (const QChar c : password)
        (c.isLetter() ? letter : other) = true;
    if (!letter || !other)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::accounts", "The password needs both letters and digits or other signs."));
    return {};
}

Result<bool> AccountStore::isEmpty() const
{
    Result<QVariant> count = m_db->scalar(QStringLiteral("SELECT count(*) FROM accounts"));
    if (!count)
        return failWith(count.error());
    return count->toInt() == 0;
}

Result<Account> AccountStore::createFirstAdmin(
    const QString &login, const QString &displayName, const QString &password)
{
    Result<bool> empty = isEmpty();
    if (!empty)
        return failWith(empty.error());
    if (!*empty)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::accounts", "An administrator already exists; log in with an existing account."));
    return insert(login, displayName, {Role::Admin}, password, false);
}

Result<Account> AccountStore::createAccount(
    const QString &login, const QString &displayName, Role role, const QString &password)
{
    return insert(login, displayName, {role}, password, false);
}

Result<Account> AccountStore::addAccount(const QString &login, const QString &displayName,
    const QList<Role> &roles, const QString &initialPassword)
{
    return insert(login, displayName, roles, initialPassword, true);
}

Result<Account> AccountStore::insert(const QString &login, const QString &displayName,
    const QList<Role> &roles, const QString &password, bool mustChange)
{
    if (roles.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "The account needs at least one role."));
    const QString name = login.trimmed();
    if (name.isEmpty() || name.contains(QLatin1Char(' ')))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "A login name is one word without spaces."));
    if (displayName.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "The account needs the clerk's name."));
    Result<void> acceptable = checkPassword(password);
    if (!acceptable)
        return failWith(acceptable.error());
    Result<QVariant> taken
        = m_db->scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE login = ?"), {name});
    if (!taken)
        return failWith(taken.error());
    if (taken->toInt() > 0)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "The login name %1 is already taken.").arg(name));

    Result<QSqlQuery> query = m_db->prepare(QStringLiteral(
        "INSERT INTO accounts (login, display_name, role, roles, password_hash, active, must_change_password,"
        " created, updated) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)"));
    if (!query)
        return failWith(query.error());
    const QString time = timestamp();
    query->addBindValue(name);
    query->addBindValue(displayName.trimmed());
    query->addBindValue(roleKey(primaryRole(roles)));
    query->addBindValue(roleKeys(roles));
    query->addBindValue(PasswordHash::create(password));
    query->addBindValue(mustChange ? 1 : 0);
    query->addBindValue(time);
    query->addBindValue(time);
    Result<void> done = storage::Database::exec(
        *query, QCoreApplication::translate("ow::accounts", "creating the account %1").arg(name));
    if (!done)
        return failWith(done.error());
    done = audit(QStringLiteral("account.created"), name);
    if (!done)
        return failWith(done.error());
    return account(name);
}

Result<QString> AccountStore::storedHash(const QString &login) const
{
    Result<QVariant> hash
        = m_db->scalar(QStringLiteral("SELECT password_hash FROM accounts WHERE login = ? AND active = 1"),
            {login.trimmed()});
    if (!hash)
        return failWith(hash.error());
    return hash->isNull() ? QString() : hash->toString();
}

QString AccountStore::generatePassword()
{
    // No 0/o, 1/l/i: the clerk copies it from the administrator's screen or a note.
    const QString all = QStringLiteral("abcdefghjkmnpqrstuvwxyz23456789");
    QRandomGenerator *random = QRandomGenerator::system();
    while (true) {
        QString password;
        for (int i = 0; i < 12; ++i)
            password.append(all.at(random->bounded(int(all.size()))));
        if (checkPassword(password))
            return password;
    }
}

Result<bool> AccountStore::checkPasswordOf(const QString &login, const QString &password) const
{
    Result<QString> hash = storedHash(login);
    if (!hash)
        return failWith(hash.error());
    if (hash->isEmpty()) {
        // Spend the same time as for a known login, so timing does not tell which logins exist.
        PasswordHash::verify(
            password, PasswordHash::create(password, QByteArray(16, 'x'), PasswordHash::kIterations));
        return false;
    }
    return PasswordHash::verify(password, *hash);
}

Result<Account> AccountStore::authenticate(const QString &login, const QString &password)
{
    // A locked account is refused before its password is looked at, so guessing stops for the whole
    // lockout; the message says when it ends, which the clerk at the counter needs to know.
    Result<Account> known = account(login);
    if (known && known->active && known->lockedUntil.isValid() && known->lockedUntil > m_clock.nowUtc()) {
        (void)audit(QStringLiteral("account.login_locked"), known->login);
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::accounts", "Too many wrong passwords: the account %1 is locked until %2.")
                .arg(known->login, known->lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"))));
    }
    Result<bool> matches = checkPasswordOf(login, password);
    if (!matches)
        return failWith(matches.error());
    if (!*matches) {
        // The refusal stands whether or not it could be recorded. What was typed as a login name is
        // kept only when it is an account's: clerks sometimes type the password there.
        (void)audit(QStringLiteral("account.login_refused"), known ? login : QString());
        if (known && known->active)
            (void)recordFailure(known->login);
        // Typing the password the server refused is the likely mistake: say so, since nothing else
        // at the counter would tell why the new password stopped working.
        if (known && known->active) {
            Result<QVariant> refused = m_db->scalar(
                QStringLiteral("SELECT password_refused FROM accounts WHERE login = ?"), {known->login});
            if (refused && !refused->isNull())
                return fail(Error::Code::Invalid,
                    QCoreApplication::translate("ow::accounts",
                        "The login name or the password is wrong, or the account is disabled. A password "
                        "changed at this counter on %1 was not taken by the hall's server; the password "
                        "the server holds is valid.")
                        .arg(QDateTime::fromString(refused->toString(), Qt::ISODateWithMs)
                                 .toLocalTime()
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        }
        return refusedLogin();
    }
    Result<void> stamped = update(login,
        QStringLiteral("last_login = ?, failed_attempts = 0, locked_until = NULL, password_refused = NULL"),
        {timestamp()});
    if (!stamped)
        return failWith(stamped.error());
    Result<Account> in = account(login);
    if (!in)
        return in;
    stamped = audit(QStringLiteral("account.login"), in->login);
    if (!stamped)
        return failWith(stamped.error());
    return in;
}

Result<void> AccountStore::recordFailure(const QString &login)
{
    Result<QVariant> failed = m_db->scalar(
        QStringLiteral("SELECT failed_attempts FROM accounts WHERE login = ?"), {login.trimmed()});
    if (!failed)
        return failWith(failed.error());
    const int count = failed->toInt() + 1;
    if (count < m_policy.maxFailedAttempts)
        return update(login, QStringLiteral("failed_attempts = ?"), {count});
    const QString until
        = m_clock.nowUtc().addSecs(qint64(m_policy.lockoutMinutes) * 60).toString(Qt::ISODateWithMs);
    Result<void> done = update(login, QStringLiteral("failed_attempts = 0, locked_until = ?"), {until});
    if (!done)
        return done;
    return audit(QStringLiteral("account.locked"), login);
}

Result<void> AccountStore::checkNewPassword(const QString &login, const QString &newPassword) const
{
    Result<void> acceptable = checkPassword(newPassword);
    if (!acceptable)
        return failWith(acceptable.error());
    Result<QString> old = storedHash(login);
    if (old && !old->isEmpty() && PasswordHash::verify(newPassword, *old))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "The new password must differ from the old one."));
    return {};
}

Result<void> AccountStore::changePassword(const QString &login, const QString &newPassword)
{
    Result<void> acceptable = checkNewPassword(login, newPassword);
    if (!acceptable)
        return acceptable;
    // Only a clerk of the hall has a server to tell; a workstation's own account stays here.
    Result<void> done = update(login,
        QStringLiteral("password_hash = ?, must_change_password = 0, password_refused = NULL,"
                       " password_pending = CASE WHEN origin = 'hall' THEN 1 ELSE 0 END"),
        {PasswordHash::create(newPassword)});
    if (!done)
        return done;
    return audit(QStringLiteral("account.password_changed"), login);
}

Result<void> AccountStore::resetPassword(const QString &login, const QString &newPassword)
{
    Result<void> acceptable = checkPassword(newPassword);
    if (!acceptable)
        return failWith(acceptable.error());
    Result<void> done = update(login,
        QStringLiteral(
            "password_hash = ?, must_change_password = 1, failed_attempts = 0, locked_until = NULL"),
        {PasswordHash::create(newPassword)});
    if (!done)
        return done;
    return audit(QStringLiteral("account.password_reset"), login);
}

Result<void> AccountStore::setRoles(const QString &login, const QList<Role> &roles)
{
    if (roles.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "The account needs at least one role."));
    Result<void> done = update(
        login, QStringLiteral("role = ?, roles = ?"), {roleKey(primaryRole(roles)), roleKeys(roles)});
    if (!done)
        return done;
    return audit(QStringLiteral("account.role_changed"), login);
}

Result<void> AccountStore::rename(const QString &login, const QString &displayName)
{
    if (displayName.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "The account needs the clerk's name."));
    Result<void> done = update(login, QStringLiteral("display_name = ?"), {displayName.trimmed()});
    if (!done)
        return done;
    return audit(QStringLiteral("account.renamed"), login);
}

namespace {

/// Names the server as the clerk of the audit rows of a pull, whoever is signed in here, and puts
/// the acting clerk back afterwards.
class ServerActor
{
public:
    explicit ServerActor(QString &actor)
        : m_actor(actor)
        , m_saved(std::exchange(actor, QStringLiteral("server")))
    {
    }
    ~ServerActor() { m_actor = m_saved; }
    ServerActor(const ServerActor &) = delete;
    ServerActor &operator=(const ServerActor &) = delete;

private:
    QString &m_actor;
    QString m_saved;
};

} // namespace

Result<bool> AccountStore::applyHallRow(const QJsonObject &row, QSet<QString> *seen)
{
    const QString login = row.value(QStringLiteral("staffNumber")).toString().trimmed();
    const QString name = row.value(QStringLiteral("name")).toString().trimmed();
    const std::optional<QList<Role>> roles = rolesFromKeys(row.value(QStringLiteral("roles")).toString());
    const QString hash = row.value(QStringLiteral("passwordHash")).toString();
    // A row this program cannot use is skipped, never half-applied: the rest still arrive.
    if (login.isEmpty() || login.contains(QLatin1Char(' ')) || name.isEmpty() || !roles || roles->isEmpty()
        || !PasswordHash::isWellFormed(hash))
        return false;
    if (seen)
        seen->insert(login.toLower());
    const int active = row.value(QStringLiteral("enabled")).toBool() ? 1 : 0;
    const int mustChange = row.value(QStringLiteral("mustChangePassword")).toBool() ? 1 : 0;
    Result<storage::Rows> found = m_db->run(
        QStringLiteral("SELECT display_name, roles, active, hall_hash, password_hash, must_change_password"
                       " FROM accounts WHERE login = ?"),
        {login});
    if (!found)
        return failWith(found.error());
    Result<bool> exists = found->fetch();
    if (!exists)
        return failWith(exists.error());
    Result<storage::Rows> written = fail(Error::Code::Internal, QString());
    if (!*exists) {
        const QString time = timestamp();
        written = m_db->run(
            QStringLiteral("INSERT INTO accounts (login, display_name, role, roles, password_hash,"
                           " active, must_change_password, origin, hall_hash, created, updated)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, 'hall', ?, ?, ?)"),
            {login, name, roleKey(primaryRole(*roles)), roleKeys(*roles), hash, active, mustChange, hash,
                time, time});
    } else {
        // The server's hash replaces ours only when the server changed it (a reset there, or the
        // clerk's own change taken from a counter). A change made here and not yet sent then yields:
        // the administrator's reset is the newer word.
        const bool newHash = found->value(3).toString() != hash;
        const QString keptHash = newHash ? hash : found->value(4).toString();
        const int keptMustChange = newHash ? mustChange : found->value(5).toInt();
        if (found->value(0).toString() == name && found->value(1).toString() == roleKeys(*roles)
            && found->value(2).toInt() == active && !newHash)
            return false;
        const QString pending = newHash ? QStringLiteral(", password_pending = 0") : QString();
        written = m_db->run(QStringLiteral("UPDATE accounts SET display_name = ?, role = ?, roles = ?,"
                                           " password_hash = ?, active = ?, must_change_password = ?,"
                                           " origin = 'hall', hall_hash = ?, updated = ?%1 WHERE login = ?")
                                .arg(pending),
            {name, roleKey(primaryRole(*roles)), roleKeys(*roles), keptHash, active, keptMustChange, hash,
                timestamp(), login});
    }
    if (!written)
        return failWith(written.error());
    Result<void> done = audit(QStringLiteral("account.synced"), login, true);
    if (!done)
        return failWith(done.error());
    return true;
}

Result<bool> AccountStore::applyHallAccount(const QJsonObject &account)
{
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    const ServerActor actor(m_actor);
    Result<bool> changed = applyHallRow(account, nullptr);
    if (!changed)
        return changed;
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return *changed;
}

Result<int> AccountStore::applyHallAccounts(const QJsonArray &accounts)
{
    storage::Transaction transaction(*m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    const ServerActor actor(m_actor);
    int changed = 0;
    QSet<QString> seen;
    for (const QJsonValue &value : accounts) {
        Result<bool> applied = applyHallRow(value.toObject(), &seen);
        if (!applied)
            return failWith(applied.error());
        changed += *applied ? 1 : 0;
    }
    // A hall account the server no longer lists is disabled, never deleted (audit rows name it).
    Result<storage::Rows> hallAccounts
        = m_db->run(QStringLiteral("SELECT login FROM accounts WHERE origin = 'hall' AND active = 1"));
    if (!hallAccounts)
        return failWith(hallAccounts.error());
    QStringList gone;
    while (true) {
        Result<bool> next = hallAccounts->fetch();
        if (!next)
            return failWith(next.error());
        if (!*next)
            break;
        if (!seen.contains(hallAccounts->value(0).toString().toLower()))
            gone.append(hallAccounts->value(0).toString());
    }
    for (const QString &login : gone) {
        done = update(login, QStringLiteral("active = 0"), {});
        if (done)
            done = audit(QStringLiteral("account.synced"), login, true);
        if (!done)
            return failWith(done.error());
        ++changed;
    }
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return changed;
}

Result<QList<AccountStore::PendingPassword>> AccountStore::pendingPasswordChanges() const
{
    Result<storage::Rows> rows = m_db->run(QStringLiteral(
        "SELECT login, hall_hash, password_hash FROM accounts WHERE origin = 'hall' AND password_pending = 1"
        " ORDER BY login"));
    if (!rows)
        return failWith(rows.error());
    QList<PendingPassword> list;
    while (true) {
        Result<bool> next = rows->fetch();
        if (!next)
            return failWith(next.error());
        if (!*next)
            return list;
        list.append({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()});
    }
}

Result<void> AccountStore::confirmPasswordSent(const QString &login, const QString &passwordHash)
{
    Result<storage::Rows> rows = m_db->run(
        QStringLiteral("UPDATE accounts SET hall_hash = ?, password_pending = CASE WHEN password_hash = ?"
                       " THEN 0 ELSE password_pending END, updated = ? WHERE login = ?"),
        {passwordHash, passwordHash, timestamp(), login.trimmed()});
    if (!rows)
        return failWith(rows.error());
    return audit(QStringLiteral("account.password_sent"), login);
}

Result<QString> AccountStore::hallHash(const QString &login) const
{
    Result<QVariant> hash
        = m_db->scalar(QStringLiteral("SELECT hall_hash FROM accounts WHERE login = ? AND origin = 'hall'"),
            {login.trimmed()});
    if (!hash)
        return failWith(hash.error());
    return hash->isNull() ? QString() : hash->toString();
}

Result<void> AccountStore::takeServerPassword(const QString &login, const QString &passwordHash)
{
    if (!PasswordHash::isWellFormed(passwordHash))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::accounts", "The password of %1 is not a password hash.")
                .arg(login));
    Result<void> done = update(login,
        QStringLiteral("password_hash = ?, hall_hash = ?, password_pending = 0, must_change_password = 0,"
                       " password_refused = NULL"),
        {passwordHash, passwordHash});
    if (!done)
        return done;
    return audit(QStringLiteral("account.password_changed"), login);
}

Result<QStringList> AccountStore::refusedPasswordChanges() const
{
    Result<storage::Rows> rows = m_db->run(
        QStringLiteral("SELECT login FROM accounts WHERE password_refused IS NOT NULL ORDER BY login"));
    if (!rows)
        return failWith(rows.error());
    QStringList logins;
    while (true) {
        Result<bool> next = rows->fetch();
        if (!next)
            return failWith(next.error());
        if (!*next)
            return logins;
        logins.append(rows->value(0).toString());
    }
}

Result<void> AccountStore::dropPasswordChange(const QString &login)
{
    // Forgetting the server's last hash makes the next pull (the same round's) put the server's
    // password back here, with its forced change: the counter then agrees with the hall again, and
    // the clerk is told why the password changed here no longer works.
    Result<void> done = update(
        login, QStringLiteral("password_pending = 0, hall_hash = NULL, password_refused = ?"), {timestamp()});
    if (!done)
        return done;
    return audit(QStringLiteral("account.password_refused"), login);
}

Result<void> AccountStore::recordLockedOut(const QString &login)
{
    return audit(QStringLiteral("account.locked_out"), login);
}

Result<void> AccountStore::recordSwitch(const QString &from, const QString &to)
{
    cases::AuditEntry entry;
    entry.clerk = to.trimmed();
    entry.counter = m_counter;
    entry.action = QStringLiteral("account.switched_user");
    entry.target = from.trimmed();
    Result<cases::AuditEntry> recorded = m_audit.record(entry);
    if (!recorded)
        return failWith(recorded.error());
    return {};
}

Result<void> AccountStore::unlock(const QString &login)
{
    Result<void> done = update(login, QStringLiteral("failed_attempts = 0, locked_until = NULL"), {});
    if (!done)
        return done;
    return audit(QStringLiteral("account.unlocked"), login);
}

Result<void> AccountStore::setActive(const QString &login, bool active)
{
    Result<void> done = update(login, QStringLiteral("active = ?"), {active ? 1 : 0});
    if (!done)
        return done;
    return audit(active ? QStringLiteral("account.activated") : QStringLiteral("account.deactivated"), login);
}

Result<void> AccountStore::setRole(const QString &login, Role role)
{
    return setRoles(login, {role});
}

Result<void> AccountStore::update(
    const QString &login, const QString &assignments, const QVariantList &values)
{
    Result<QSqlQuery> query = m_db->prepare(
        QStringLiteral("UPDATE accounts SET %1, updated = ? WHERE login = ?").arg(assignments));
    if (!query)
        return failWith(query.error());
    for (const QVariant &value : values)
        query->addBindValue(value);
    query->addBindValue(timestamp());
    query->addBindValue(login.trimmed());
    Result<void> done = storage::Database::exec(
        *query, QCoreApplication::translate("ow::accounts", "updating the account %1").arg(login));
    if (!done)
        return failWith(done.error());
    if (query->numRowsAffected() == 0)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::accounts", "There is no account %1.").arg(login));
    return {};
}

Result<Account> AccountStore::account(const QString &login) const
{
    Result<QSqlQuery> query
        = m_db->prepare(QStringLiteral("SELECT %1 FROM accounts WHERE login = ?").arg(kColumns));
    if (!query)
        return failWith(query.error());
    query->addBindValue(login.trimmed());
    Result<void> done = storage::Database::exec(*query);
    if (!done)
        return failWith(done.error());
    Result<bool> found = storage::Rows::fetch(*query);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::accounts", "There is no account %1.").arg(login));
    return accountFrom(*query);
}

Result<QList<Account>> AccountStore::accounts() const
{
    Result<QSqlQuery> query
        = m_db->prepare(QStringLiteral("SELECT %1 FROM accounts ORDER BY login").arg(kColumns));
    if (!query)
        return failWith(query.error());
    Result<void> done = storage::Database::exec(*query);
    if (!done)
        return failWith(done.error());
    QList<Account> list;
    while (true) {
        Result<bool> found = storage::Rows::fetch(*query);
        if (!found)
            return failWith(found.error());
        if (!*found)
            return list;
        list.append(accountFrom(*query));
    }
}

} // namespace ow::accounts
