#include "storage/SchemaMigrator.h"

#include "core/Clock.h"
#include "storage/Transaction.h"

#include <QDateTime>

namespace ow::storage {

SchemaMigrator::SchemaMigrator(QString versionTable, Messages messages)
    : m_table(std::move(versionTable))
    , m_messages(std::move(messages))
{
}

Result<int> SchemaMigrator::currentVersion(const Database &db) const
{
    Result<QVariant> exists = db.scalar(db.dialect().tableExists(m_table));
    if (!exists)
        return failWith(exists.error());
    if (!exists->toBool())
        return 0;
    Result<QVariant> version
        = db.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM %1").arg(m_table));
    if (!version)
        return failWith(version.error());
    return version->toInt();
}

Result<void> SchemaMigrator::migrate(const Database &db, const QList<Migration> &list, int target) const
{
    const int latest = list.isEmpty() ? 0 : list.constLast().version;
    if (target < 0)
        target = latest;
    Result<int> current = currentVersion(db);
    if (!current)
        return failWith(current.error());
    if (*current > latest)
        return fail(Error::Code::Unsupported, m_messages.newer(*current, latest));

    for (const Migration &migration : list) {
        if (migration.version <= *current || migration.version > target)
            continue;
        Result<void> done = apply(db, migration);
        if (!done)
            return fail(done.error().code(), m_messages.failed(migration, done.error().message()));
    }
    return {};
}

Result<void> SchemaMigrator::apply(const Database &db, const Migration &migration) const
{
    Transaction transaction(db);
    Result<void> done = transaction.begin();
    if (!done)
        return done;
    done = db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (version INTEGER PRIMARY KEY,"
                                  " description TEXT NOT NULL, applied TEXT NOT NULL)")
                       .arg(m_table));
    if (!done)
        return done;
    // Another program may have applied it while this one waited for the lock.
    Result<QVariant> applied = db.scalar(
        QStringLiteral("SELECT count(*) FROM %1 WHERE version = ?").arg(m_table), {migration.version});
    if (!applied)
        return failWith(applied.error());
    if (applied->toInt() > 0)
        return {};
    for (const QString &sql : migration.statements) {
        done = db.exec(db.dialect().translate(sql));
        if (!done)
            return done;
    }
    if (migration.step) {
        done = migration.step(db);
        if (!done)
            return done;
    }
    Result<Rows> recorded = db.run(
        QStringLiteral("INSERT INTO %1 (version, description, applied) VALUES (?, ?, ?)").arg(m_table),
        {migration.version, migration.description, Clock::system().nowUtc().toString(Qt::ISODateWithMs)});
    if (!recorded)
        return failWith(recorded.error());
    return transaction.commit();
}

} // namespace ow::storage
