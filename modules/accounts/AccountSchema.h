#pragma once

#include "storage/Database.h"

#include <QStringList>

namespace ow::accounts {

/// The accounts tables in the workstation database. They are versioned in `accounts_schema_version`,
/// apart from the case schema's `schema_version`, so either schema can grow without renumbering the
/// other; each step runs in one transaction with its version row.
class AccountSchema
{
public:
    static int latestVersion();
    /// The highest applied version; 0 when the accounts tables were never created.
    static Result<int> currentVersion(const storage::Database &db);
    /// Applies the missing steps; fails for a database written by a newer program.
    static Result<void> migrate(const storage::Database &db);
};

} // namespace ow::accounts
