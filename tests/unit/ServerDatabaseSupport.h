#pragma once

// The server database of an in-process server test: a SQLite file in the test's temporary folder,
// or, as a CTest entry *_postgres (OW_SERVER_TEST_BACKEND=postgresql), the throwaway cluster of
// scripts/with-postgres (OW_TEST_POSTGRES), emptied before each test.

#include "server/ServerSchema.h"

#include <QTemporaryDir>

namespace ow::server::testing {

inline bool onPostgres()
{
    return qEnvironmentVariable("OW_SERVER_TEST_BACKEND") == QLatin1StringView("postgresql");
}

/// A *_postgres entry run without the cluster: the test skips, saying how to run it.
inline bool postgresMissing()
{
    return onPostgres() && qEnvironmentVariableIsEmpty("OW_TEST_POSTGRES");
}

inline QString serverDatabaseSpec(const QTemporaryDir &dir)
{
    return onPostgres() ? qEnvironmentVariable("OW_TEST_POSTGRES")
                        : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.db"));
}

/// The server schema, migrated, with no rows left by an earlier test.
inline Result<std::unique_ptr<storage::Database>> freshServerDatabase(const QTemporaryDir &dir)
{
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(serverDatabaseSpec(dir));
    if (!db)
        return db;
    if (onPostgres()) {
        const Result<void> dropped = (*db)->exec(QStringLiteral("DROP TABLE IF EXISTS ")
            + ServerSchema::tables().join(QStringLiteral(", ")) + QStringLiteral(" CASCADE"));
        if (!dropped)
            return failWith(dropped.error());
    }
    const Result<void> migrated = ServerSchema::migrate(**db);
    if (!migrated)
        return failWith(migrated.error());
    return db;
}

} // namespace ow::server::testing
