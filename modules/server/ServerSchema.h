#pragma once

#include "storage/SchemaMigrator.h"

#include <QList>
#include <memory>

namespace ow::server {

/// The server's database (SQLite or PostgreSQL): how it is opened and its ordered migrations.
/// Statements use the placeholders of storage::SqlDialect::translate for the few types the dialects
/// name differently; each migration and its schema_version row commit together.
class ServerSchema
{
public:
    /// Opens `spec` ("sqlite:PATH" or a postgresql:// URL) with the server's settings: SQLite waits
    /// up to 10 s for the write lock; on PostgreSQL every write transaction locks the event table
    /// against other writers, so server sequences commit in order and a change cursor never skips
    /// an event committed late. An SQLite file is checked first (quick_check) and refused when
    /// damaged, unless `checkIntegrity` is false (`server check` runs the full check itself). Does not
    /// migrate.
    static Result<std::unique_ptr<storage::Database>> open(const QString &spec, bool checkIntegrity = true);
    /// The refusal of a damaged database: what SQLite found (at most a few findings) and what to do.
    static Error damaged(const storage::Database &db, const QStringList &problems);

    static const QList<storage::Migration> &migrations();
    static int latestVersion();
    /// Every table the migrations create, for tests and tools that start from an empty database.
    static QStringList tables();
    static Result<int> currentVersion(const storage::Database &db);
    static Result<void> migrate(const storage::Database &db);
};

} // namespace ow::server
