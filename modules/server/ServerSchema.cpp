#include "server/ServerSchema.h"

#include <QCoreApplication>
#include <QDateTime>

namespace ow::server {

namespace {

QList<ServerSchema::Migration> buildMigrations()
{
    QList<ServerSchema::Migration> list;
    list.append({1, QStringLiteral("credentials, cases, events, attachments, catalogues, conflicts"),
        {
            // Secrets are kept as SHA-256 hex only; the id is what logs and the CLI show.
            QStringLiteral("CREATE TABLE enrol_codes ("
                           " id TEXT PRIMARY KEY,"
                           " code_hash TEXT NOT NULL UNIQUE,"
                           " hall TEXT NOT NULL,"
                           " counter TEXT NOT NULL,"
                           " counter_number INTEGER NOT NULL,"
                           " created TEXT NOT NULL,"
                           " expires TEXT NOT NULL,"
                           " used TEXT NOT NULL DEFAULT '',"
                           " credential_id TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE credentials ("
                           " id TEXT PRIMARY KEY,"
                           " kind TEXT NOT NULL,"
                           " secret_hash TEXT NOT NULL UNIQUE,"
                           " hall TEXT NOT NULL DEFAULT '',"
                           " counter TEXT NOT NULL DEFAULT '',"
                           " counter_number INTEGER NOT NULL DEFAULT 0,"
                           " department TEXT NOT NULL DEFAULT '',"
                           " name TEXT NOT NULL DEFAULT '',"
                           " created TEXT NOT NULL,"
                           " revoked TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE TABLE cases ("
                           " number TEXT PRIMARY KEY,"
                           " hall TEXT NOT NULL,"
                           " department TEXT NOT NULL,"
                           " qr_token TEXT NOT NULL,"
                           " state TEXT NOT NULL,"
                           " snapshot TEXT NOT NULL,"
                           " snapshot_time TEXT NOT NULL,"
                           " created TEXT NOT NULL,"
                           " updated TEXT NOT NULL,"
                           " conflicted INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX cases_department ON cases(department, state)"),
            QStringLiteral("CREATE INDEX cases_qr_token ON cases(qr_token)"),
            QStringLiteral("CREATE TABLE events ("
                           " seq {serial},"
                           " event_id TEXT NOT NULL UNIQUE,"
                           " case_number TEXT NOT NULL REFERENCES cases(number),"
                           " hall TEXT NOT NULL,"
                           " kind TEXT NOT NULL,"
                           " time TEXT NOT NULL,"
                           " origin TEXT NOT NULL,"
                           " state_after TEXT NOT NULL,"
                           " received TEXT NOT NULL,"
                           " body TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX events_hall ON events(hall, seq)"),
            QStringLiteral("CREATE INDEX events_case ON events(case_number, seq)"),
            QStringLiteral("CREATE TABLE case_attachments ("
                           " case_number TEXT NOT NULL REFERENCES cases(number),"
                           " sha256 TEXT NOT NULL,"
                           " PRIMARY KEY (case_number, sha256))"),
            QStringLiteral("CREATE INDEX case_attachments_sha256 ON case_attachments(sha256)"),
            QStringLiteral("CREATE TABLE attachments ("
                           " sha256 TEXT PRIMARY KEY,"
                           " size {bigint} NOT NULL,"
                           " total {bigint},"
                           " received TEXT NOT NULL,"
                           " complete INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE catalogues ("
                           " version TEXT PRIMARY KEY,"
                           " id TEXT NOT NULL,"
                           " package_sha256 TEXT NOT NULL,"
                           " path TEXT NOT NULL,"
                           " published TEXT NOT NULL,"
                           " is_current INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE conflicts ("
                           " id {serial},"
                           " case_number TEXT NOT NULL REFERENCES cases(number),"
                           " hall TEXT NOT NULL,"
                           " first_event TEXT NOT NULL,"
                           " second_event TEXT NOT NULL,"
                           " first_kind TEXT NOT NULL,"
                           " second_kind TEXT NOT NULL,"
                           " detected TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX conflicts_hall ON conflicts(hall, id)"),
        }});
    return list;
}

} // namespace

const QList<ServerSchema::Migration> &ServerSchema::migrations()
{
    static const QList<Migration> list = buildMigrations();
    return list;
}

int ServerSchema::latestVersion()
{
    return migrations().constLast().version;
}

Result<int> ServerSchema::currentVersion(const ServerDatabase &db)
{
    Result<void> made
        = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY "
                                 "KEY, description TEXT NOT NULL, applied TEXT NOT NULL)"));
    if (!made)
        return failWith(made.error());
    Result<QVariant> version
        = db.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"));
    if (!version)
        return failWith(version.error());
    return version->toInt();
}

Result<void> ServerSchema::migrate(const ServerDatabase &db)
{
    Result<int> current = currentVersion(db);
    if (!current)
        return failWith(current.error());
    if (*current > latestVersion())
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::server",
                "The server database was written by a newer OneWindow (schema version %1; this program knows "
                "up "
                "to %2).")
                .arg(*current)
                .arg(latestVersion()));
    for (const Migration &migration : migrations()) {
        if (migration.version <= *current)
            continue;
        const auto failed = [&](const Error &error) {
            return fail(error.code(),
                QCoreApplication::translate(
                    "ow::server", "Migration %1 of the server database (%2) failed and was rolled back: %3")
                    .arg(migration.version)
                    .arg(migration.description, error.message()));
        };
        WriteTransaction transaction(db);
        Result<void> done = transaction.begin();
        if (!done)
            return failed(done.error());
        // Another instance may have migrated while this one waited for the lock.
        Result<QVariant> applied = db.scalar(
            QStringLiteral("SELECT count(*) FROM schema_version WHERE version = ?"), {migration.version});
        if (!applied)
            return failed(applied.error());
        if (applied->toInt() > 0)
            continue;
        for (const QString &sql : migration.statements) {
            done = db.exec(db.translate(sql));
            if (!done)
                return failed(done.error());
        }
        Result<Statement> record = db.run(
            QStringLiteral("INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)"),
            {migration.version, migration.description,
                QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
        if (!record)
            return failed(record.error());
        done = transaction.commit();
        if (!done)
            return failed(done.error());
    }
    return {};
}

} // namespace ow::server
