#include "accounts/AccountSchema.h"

#include "storage/SchemaMigrator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace ow::accounts {

namespace {

const QList<storage::Migration> &steps()
{
    static const QList<storage::Migration> list {
        {1, QStringLiteral("workstation accounts"),
            {
                QStringLiteral("CREATE TABLE accounts ("
                               " id INTEGER PRIMARY KEY,"
                               " login TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                               " display_name TEXT NOT NULL,"
                               " role TEXT NOT NULL,"
                               " password_hash TEXT NOT NULL,"
                               " active INTEGER NOT NULL DEFAULT 1,"
                               " created TEXT NOT NULL,"
                               " updated TEXT NOT NULL,"
                               " last_login TEXT)"),
            },
            {}},
        // Hall-wide accounts: several roles per clerk, a forced password change after a reset, and
        // the lockout after wrong passwords. `role` stays as the role that decides the screens.
        {2, QStringLiteral("roles, password reset and lockout"),
            {
                QStringLiteral("ALTER TABLE accounts ADD COLUMN roles TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("UPDATE accounts SET roles = role"),
                QStringLiteral(
                    "ALTER TABLE accounts ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE accounts ADD COLUMN failed_attempts INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE accounts ADD COLUMN locked_until TEXT"),
            },
            {}},
        // Accounts pulled from the hall's server: `origin` tells them from the workstation's own, and
        // `hall_hash` is the hash the server last sent, so a password the clerk changed here is kept
        // until the server's hash changes (a reset by the hall administrator).
        {3, QStringLiteral("accounts pulled from the hall's server"),
            {
                QStringLiteral("ALTER TABLE accounts ADD COLUMN origin TEXT NOT NULL DEFAULT 'local'"),
                QStringLiteral("ALTER TABLE accounts ADD COLUMN hall_hash TEXT"),
            },
            {}},
        // A password a clerk of the hall changed at this workstation and the server has not taken yet:
        // the sync sends it (its hash) at the next round, also after a time offline.
        {4, QStringLiteral("hall passwords waiting for the server"),
            {
                QStringLiteral("ALTER TABLE accounts ADD COLUMN password_pending INTEGER NOT NULL DEFAULT 0"),
            },
            {}},
        // When the server refused a password changed here for good (a hall administrator's change
        // made offline, a reset since): the counter went back to the server's password, and the next
        // wrong-password refusal and the sync's status say why.
        {5, QStringLiteral("password changes the server refused"),
            {
                QStringLiteral("ALTER TABLE accounts ADD COLUMN password_refused TEXT"),
            },
            {}},
    };
    return list;
}

storage::SchemaMigrator migrator(const storage::Database &db)
{
    return storage::SchemaMigrator(QStringLiteral("accounts_schema_version"),
        {[&db](int found, int known) {
             return QCoreApplication::translate("ow::accounts",
                 "The accounts in %1 were written by a newer OneWindow (accounts schema version %2; this "
                 "program knows up to %3).")
                 .arg(db.path())
                 .arg(found)
                 .arg(known);
         },
            [](const storage::Migration &migration, const QString &reason) {
                return QCoreApplication::translate(
                    "ow::accounts", "Migration %1 of the accounts (%2) failed and was rolled back: %3")
                    .arg(migration.version)
                    .arg(migration.description, reason);
            }});
}

} // namespace

int AccountSchema::latestVersion()
{
    return steps().constLast().version;
}

Result<int> AccountSchema::currentVersion(const storage::Database &db)
{
    return migrator(db).currentVersion(db);
}

Result<void> AccountSchema::migrate(const storage::Database &db)
{
    return migrator(db).migrate(db, steps());
}

} // namespace ow::accounts
