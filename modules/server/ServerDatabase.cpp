#include "server/ServerDatabase.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>

namespace ow::server {

namespace {

QAtomicInt g_connectionCounter;

} // namespace

Error ServerDatabase::sqlError(const QSqlError &error)
{
    const QString detail = error.text().trimmed().isEmpty()
        ? QCoreApplication::translate("ow::server", "unknown database error")
        : error.text();
    return Error(
        Error::Code::Io, QCoreApplication::translate("ow::server", "Database error: %1").arg(detail));
}

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const QString &spec)
{
    std::unique_ptr<ServerDatabase> db(new ServerDatabase);
    db->m_connectionName = QStringLiteral("ow-server-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    if (spec.startsWith(QStringLiteral("sqlite:"))) {
        const QFileInfo info(spec.mid(7));
        if (!QDir().mkpath(info.absolutePath()))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::server", "The folder %1 could not be created.")
                    .arg(QDir::toNativeSeparators(info.absolutePath())));
        db->m_dialect = Dialect::Sqlite;
        db->m_description = QStringLiteral("sqlite:") + info.absoluteFilePath();
        QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        if (!handle.isValid())
            return fail(Error::Code::Unsupported,
                QCoreApplication::translate("ow::server", "The SQLite driver for Qt is not installed."));
        handle.setDatabaseName(info.absoluteFilePath());
        handle.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!handle.open())
            return failWith(sqlError(handle.lastError()));
        for (const char *pragma :
            {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            Result<void> done = db->exec(QString::fromLatin1(pragma));
            if (!done)
                return failWith(done.error());
        }
        return db;
    }
    const QUrl url(spec);
    if (!url.isValid()
        || (url.scheme() != QStringLiteral("postgresql") && url.scheme() != QStringLiteral("postgres")))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server",
                "The database must be sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME, not “%1”.")
                .arg(spec));
    db->m_dialect = Dialect::Postgresql;
    QUrl shown = url;
    shown.setPassword(QString());
    db->m_description = shown.toString();
    QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connectionName);
    if (!handle.isValid())
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate(
                "ow::server", "The PostgreSQL driver for Qt is not installed (libqt6sql6-psql)."));
    handle.setHostName(url.host());
    handle.setPort(url.port(5432));
    handle.setUserName(url.userName());
    handle.setPassword(url.password());
    handle.setDatabaseName(url.path().mid(1));
    if (!handle.open())
        return failWith(sqlError(handle.lastError()));
    // Warnings of the server (e.g. "relation already exists, skipping") are not errors for us.
    Result<void> quiet = db->exec(QStringLiteral("SET client_min_messages TO WARNING"));
    if (!quiet)
        return failWith(quiet.error());
    return db;
}

ServerDatabase::~ServerDatabase()
{
    close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void ServerDatabase::close()
{
    m_statements.clear();
    QSqlDatabase connection = handle();
    if (connection.isOpen())
        connection.close();
}

QString ServerDatabase::dialectName() const
{
    return m_dialect == Dialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

QString ServerDatabase::translate(QString sql) const
{
    const bool sqlite = m_dialect == Dialect::Sqlite;
    // SQLite's rowid alias is 64-bit already; AUTOINCREMENT keeps numbers of deleted rows unused.
    sql.replace(QStringLiteral("{serial}"),
        sqlite ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
               : QStringLiteral("BIGSERIAL PRIMARY KEY"));
    sql.replace(QStringLiteral("{bigint}"), sqlite ? QStringLiteral("INTEGER") : QStringLiteral("BIGINT"));
    return sql;
}

Result<QSqlQuery *> ServerDatabase::prepare(const QString &sql) const
{
    const auto kept = m_statements.constFind(sql);
    if (kept != m_statements.constEnd()) {
        (*kept)->finish();
        return kept->get();
    }
    auto query = std::make_shared<QSqlQuery>(handle());
    query->setForwardOnly(true);
    if (!query->prepare(sql))
        return failWith(sqlError(query->lastError()));
    m_statements.insert(sql, query);
    return query.get();
}

void ServerDatabase::finishStatements() const
{
    for (const std::shared_ptr<QSqlQuery> &query : std::as_const(m_statements))
        query->finish();
}

Result<Statement> ServerDatabase::run(const QString &sql, const QVariantList &values) const
{
    Result<QSqlQuery *> prepared = prepare(sql);
    if (!prepared)
        return failWith(prepared.error());
    QSqlQuery *query = *prepared;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // Our text columns are NOT NULL and "no text" is ''; only a QVariant without a type is NULL.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query->bindValue(int(i), QString(QLatin1StringView("")));
        else
            query->bindValue(int(i), value);
    }
    if (!query->exec())
        return failWith(sqlError(query->lastError()));
    return Statement(query);
}

Result<void> ServerDatabase::exec(const QString &sql) const
{
    QSqlQuery query(handle());
    if (!query.exec(sql))
        return failWith(sqlError(query.lastError()));
    return {};
}

Result<QVariant> ServerDatabase::scalar(const QString &sql, const QVariantList &values) const
{
    Result<Statement> rows = run(sql, values);
    if (!rows)
        return failWith(rows.error());
    const QVariant value = rows->next() ? rows->value(0) : QVariant();
    // Done with it: a statement left mid-result would keep SQLite's read snapshot open.
    m_statements.value(sql)->finish();
    return value;
}

Result<void> ServerDatabase::beginWrite() const
{
    // A write must start from the newest data: no statement of this connection may still hold an
    // older read snapshot (SQLite would refuse the write lock with SQLITE_BUSY_SNAPSHOT).
    finishStatements();
    if (m_dialect == Dialect::Sqlite)
        return exec(QStringLiteral("BEGIN IMMEDIATE"));
    Result<void> begun = exec(QStringLiteral("BEGIN"));
    if (!begun)
        return begun;
    // EXCLUSIVE blocks other writers of the table but not readers. Before the first migration
    // the table does not exist yet; a missing table is then no reason to fail.
    if (!m_eventsTableSeen) {
        Result<QVariant> exists = scalar(QStringLiteral("SELECT to_regclass('events') IS NOT NULL"));
        if (!exists)
            return failWith(exists.error());
        m_eventsTableSeen = exists->toBool();
    }
    if (m_eventsTableSeen)
        return exec(QStringLiteral("LOCK TABLE events IN EXCLUSIVE MODE"));
    return {};
}

Result<void> ServerDatabase::commit() const
{
    return exec(QStringLiteral("COMMIT"));
}

void ServerDatabase::rollback() const
{
    // Nothing to do if this fails: the connection has already rolled back or is gone.
    (void)exec(QStringLiteral("ROLLBACK"));
}

WriteTransaction::~WriteTransaction()
{
    if (m_active)
        m_db.rollback();
}

Result<void> WriteTransaction::begin()
{
    Result<void> done = m_db.beginWrite();
    m_active = done.has_value();
    if (!done)
        m_db.rollback();
    return done;
}

Result<void> WriteTransaction::commit()
{
    Result<void> done = m_db.commit();
    if (done)
        m_active = false;
    return done;
}

} // namespace ow::server
