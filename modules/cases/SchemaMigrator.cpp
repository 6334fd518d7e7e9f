#include "cases/SchemaMigrator.h"

#include <QDateTime>

namespace ow::cases {

SchemaMigrator::SchemaMigrator(QString versionTable, Messages messages)
    : m_table(std::move(versionTable))
    , m_messages(std::move(messages))
{
}

Result<int> SchemaMigrator::currentVersion(const SqlDatabase &db) const
{
    Result<QVariant> exists
        = db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                        .arg(m_table));
    if (!exists)
        return failWith(exists.error());
    if (exists->toInt() == 0)
        return 0;
    Result<QVariant> version
        = db.scalar(QStringLiteral("SELECT coalesce(max(version), 0) FROM %1").arg(m_table));
    if (!version)
        return failWith(version.error());
    return version->toInt();
}

Result<void> SchemaMigrator::migrate(const SqlDatabase &db, const QList<Migration> &list, int target) const
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
        const auto failed = [&](const Error &error) {
            return fail(error.code(), m_messages.failed(migration, error.message()));
        };
        Transaction transaction(db);
        Result<void> done = transaction.begin();
        if (!done)
            return failed(done.error());
        QStringList statements {QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (version INTEGER PRIMARY KEY,"
                                               " description TEXT NOT NULL, applied TEXT NOT NULL)")
                                    .arg(m_table)};
        statements += migration.statements;
        for (const QString &sql : std::as_const(statements)) {
            done = db.exec(sql);
            if (!done)
                return failed(done.error());
        }
        if (migration.step) {
            done = migration.step(db);
            if (!done)
                return failed(done.error());
        }
        Result<QSqlQuery> record = db.prepare(
            QStringLiteral("INSERT INTO %1 (version, description, applied) VALUES (?, ?, ?)").arg(m_table));
        if (!record)
            return failed(record.error());
        record->addBindValue(migration.version);
        record->addBindValue(migration.description);
        record->addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        done = SqlDatabase::exec(*record);
        if (!done)
            return failed(done.error());
        done = transaction.commit();
        if (!done)
            return failed(done.error());
    }
    return {};
}

} // namespace ow::cases
