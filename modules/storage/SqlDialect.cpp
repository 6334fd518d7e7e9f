#include "storage/SqlDialect.h"

namespace ow::storage {

QString SqlDialect::name() const
{
    return isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

QString SqlDialect::translate(QString sql) const
{
    // SQLite's rowid alias is 64-bit already; AUTOINCREMENT keeps numbers of deleted rows unused.
    sql.replace(QStringLiteral("{serial}"),
        isSqlite() ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                   : QStringLiteral("BIGSERIAL PRIMARY KEY"));
    sql.replace(
        QStringLiteral("{bigint}"), isSqlite() ? QStringLiteral("INTEGER") : QStringLiteral("BIGINT"));
    return sql;
}

QString SqlDialect::beginWrite() const
{
    return isSqlite() ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
}

QString SqlDialect::tableExists(const QString &name) const
{
    if (isSqlite())
        return QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
            .arg(name);
    return QStringLiteral("SELECT to_regclass('%1') IS NOT NULL").arg(name);
}

} // namespace ow::storage
