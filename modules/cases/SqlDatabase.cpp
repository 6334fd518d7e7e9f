#include "cases/SqlDatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>

namespace ow::cases {

namespace {

QAtomicInt g_connectionCounter;

} // namespace

Error SqlDatabase::sqlError(const QSqlError &error, const QString &context)
{
    const QString detail = error.text().trimmed().isEmpty()
        ? QCoreApplication::translate("ow::cases", "unknown database error")
        : error.text();
    if (context.isEmpty())
        return Error(
            Error::Code::Io, QCoreApplication::translate("ow::cases", "Database error: %1").arg(detail));
    return Error(Error::Code::Io,
        QCoreApplication::translate("ow::cases", "Database error while %1: %2").arg(context, detail));
}

Result<std::unique_ptr<SqlDatabase>> SqlDatabase::open(const QString &path, OpenMode mode)
{
    const QFileInfo info(path);
    if (mode == OpenMode::MustExist && !info.exists())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::cases", "There is no case database at %1.")
                .arg(QDir::toNativeSeparators(path)));
    if (!QDir().mkpath(info.absolutePath()))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::cases", "The folder %1 could not be created.")
                .arg(QDir::toNativeSeparators(info.absolutePath())));

    std::unique_ptr<SqlDatabase> db(new SqlDatabase);
    db->m_path = info.absoluteFilePath();
    db->m_connectionName = QStringLiteral("ow-cases-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        if (!handle.isValid())
            return fail(Error::Code::Unsupported,
                QCoreApplication::translate("ow::cases", "The SQLite driver for Qt is not installed."));
        handle.setDatabaseName(db->m_path);
        // Another process (the CLI, a second window) may hold the write lock briefly: wait, don't fail.
        handle.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!handle.open())
            return failWith(sqlError(handle.lastError(),
                QCoreApplication::translate("ow::cases", "opening %1")
                    .arg(QDir::toNativeSeparators(db->m_path))));
    }

    Result<QVariant> journal = db->scalar(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!journal)
        return failWith(journal.error());
    if (journal->toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::cases",
                "The case database could not switch to write-ahead logging (journal mode is “%1”).")
                .arg(journal->toString()));
    // FULL: every committed case survives a power cut, not only a crash of the program.
    for (const QString &pragma :
        {QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA synchronous=FULL")}) {
        Result<void> done = db->exec(pragma);
        if (!done)
            return failWith(done.error());
    }
    Result<QVariant> foreignKeys = db->scalar(QStringLiteral("PRAGMA foreign_keys"));
    if (!foreignKeys || foreignKeys->toInt() != 1)
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::cases", "This SQLite build does not enforce foreign keys."));
    return db;
}

SqlDatabase::~SqlDatabase()
{
    {
        QSqlDatabase handle = QSqlDatabase::database(m_connectionName, false);
        if (handle.isOpen())
            handle.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<QSqlQuery> SqlDatabase::prepare(const QString &sql) const
{
    QSqlQuery query(handle());
    if (!query.prepare(sql))
        return failWith(
            sqlError(query.lastError(), QCoreApplication::translate("ow::cases", "preparing a statement")));
    return query;
}

Result<void> SqlDatabase::exec(QSqlQuery &query, const QString &context)
{
    // Qt binds a null QString as SQL NULL; our text columns are NOT NULL and "no text" is ''. Only
    // a QVariant without a type stands for NULL.
    const QVariantList bound = query.boundValues();
    for (qsizetype i = 0; i < bound.size(); ++i)
        if (bound.at(i).typeId() == QMetaType::QString && bound.at(i).toString().isNull())
            query.bindValue(int(i), QString(QLatin1StringView("")));
    if (!query.exec())
        return failWith(sqlError(query.lastError(), context));
    return {};
}

Result<void> SqlDatabase::exec(const QString &sql, const QString &context) const
{
    QSqlQuery query(handle());
    if (!query.exec(sql))
        return failWith(sqlError(query.lastError(), context));
    return {};
}

Result<QVariant> SqlDatabase::scalar(const QString &sql, const QVariantList &values) const
{
    Result<QSqlQuery> query = prepare(sql);
    if (!query)
        return failWith(query.error());
    for (const QVariant &value : values)
        query->addBindValue(value);
    Result<void> done = exec(*query);
    if (!done)
        return failWith(done.error());
    return query->next() ? query->value(0) : QVariant();
}

Result<void> SqlDatabase::begin() const
{
    return exec(QStringLiteral("BEGIN IMMEDIATE"),
        QCoreApplication::translate("ow::cases", "starting a transaction"));
}

Result<void> SqlDatabase::commit() const
{
    return exec(
        QStringLiteral("COMMIT"), QCoreApplication::translate("ow::cases", "committing a transaction"));
}

void SqlDatabase::rollback() const
{
    // Nothing useful to do if the rollback fails: SQLite has already rolled back on the error that
    // brought us here, or the connection is gone.
    (void)exec(QStringLiteral("ROLLBACK"));
}

Transaction::~Transaction()
{
    if (m_active)
        m_db.rollback();
}

Result<void> Transaction::begin()
{
    Result<void> done = m_db.begin();
    m_active = done.has_value();
    return done;
}

Result<void> Transaction::commit()
{
    Result<void> done = m_db.commit();
    if (done)
        m_active = false;
    return done;
}

} // namespace ow::cases
