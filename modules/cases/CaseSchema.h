#pragma once

#include "storage/SchemaMigrator.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace ow::cases {

/// The ordered migrations of the local case database and the code that applies them. The applied
/// versions are rows of `schema_version`; each migration runs in one transaction with its row, so
/// a failed migration leaves the database at the previous version.
class CaseSchema
{
public:
    static const QList<storage::Migration> &migrations();
    static int latestVersion();

    /// The highest applied version; 0 for an empty database.
    static Result<int> currentVersion(const storage::Database &db);
    /// Applies the migrations above the current version up to `target` (default: all).
    static Result<void> migrate(const storage::Database &db, int target = -1);
    /// The same, with a given list (tests use it to inject a failing step).
    static Result<void> migrate(
        const storage::Database &db, const QList<storage::Migration> &migrations, int target);

    /// The text `case list --text` searches: number, matter code and name, masked applicant;
    /// lower case. Only masked personal data is ever searchable.
    static QString searchText(const QString &number, const QString &matterCode, const QString &matterName,
        const QString &maskedApplicant);
};

} // namespace ow::cases
