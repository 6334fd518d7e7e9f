#pragma once

#include "cases/SqlDatabase.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace ow::cases {

/// One step of a schema: statements, then optionally code (e.g. to fill a new column from JSON).
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
    std::function<Result<void>(const SqlDatabase &)> step;
};

/// Applies ordered migrations to one schema of a database. The applied versions are rows of the
/// schema's own version table; each migration runs in one transaction with its row, so a failed
/// migration leaves the database at the previous version. The case store and the accounts share a
/// database file, each with its own version table.
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
    Result<int> currentVersion(const SqlDatabase &db) const;
    /// Applies the migrations of `list` above the current version up to `target` (-1: all).
    Result<void> migrate(const SqlDatabase &db, const QList<Migration> &list, int target = -1) const;

private:
    QString m_table;
    Messages m_messages;
};

} // namespace ow::cases
