#pragma once

#include "storage/Database.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace ow::storage {

/// One step of a schema: statements (with the placeholders of SqlDialect::translate), then
/// optionally code (e.g. to fill a new column from JSON).
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
    std::function<Result<void>(const Database &)> step;
};

/// Applies ordered migrations to one schema of a database. The applied versions are rows of the
/// schema's own version table; each migration runs in one write transaction with its row, so a
/// failed migration leaves the database at the previous version, and a migration another program
/// applied while this one waited for the lock is not applied twice. Several schemas may share a
/// database (the case store and the accounts do), each with its own version table.
class SchemaMigrator
{
public:
    /// What the user is told, in the words of the schema's owner.
    struct Messages
    {
        /// The database was written by a newer program: the version found, the newest known.
        std::function<QString(int found, int known)> newer;
        /// A migration failed and was rolled back, for the reason given.
        std::function<QString(const Migration &migration, const QString &reason)> failed;
    };

    SchemaMigrator(QString versionTable, Messages messages);

    /// The highest applied version; 0 when the version table does not exist yet.
    Result<int> currentVersion(const Database &db) const;
    /// Applies the migrations of `list` above the current version up to `target` (-1: all).
    Result<void> migrate(const Database &db, const QList<Migration> &list, int target = -1) const;

private:
    Result<void> apply(const Database &db, const Migration &migration) const;

    QString m_table;
    Messages m_messages;
};

} // namespace ow::storage
