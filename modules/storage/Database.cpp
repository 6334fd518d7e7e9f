#include "storage/Database.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUrl>

namespace ow::storage {

namespace {

QAtomicInt g_connectionCounter;

} // namespace

Error Database::sqlError(const QSqlError &error, const QString &context)
{
    const QString detail = error.text().trimmed().isEmpty()
        ? QCoreApplication::translate("ow::storage", "unknown database error")
        : error.text();
    if (context.isEmpty())
        return Error(
            Error::Code::Io, QCoreApplication::translate("ow::storage", "Database error: %1").arg(detail));
    return Error(Error::Code::Io,
        QCoreApplication::translate("ow::storage", "Database error while %1: %2").arg(context, detail));
}

std::unique_ptr<Database> Database::create(SqlDialect::Kind kind, const Options &options)
{
    std::unique_ptr<Database> db(new Database);
    db->m_dialect = SqlDialect(kind);
    db->m_options = options;
    db->m_connectionName = QStringLiteral("ow-storage-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    return db;
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path)
{
    return openSqlite(path, Options());
}

Result<std::unique_ptr<Database>> Database::openSqlite(const QString &path, const Options &options)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::storage", "The folder %1 could not be created.")
                .arg(QDir::toNativeSeparators(info.absolutePath())));

    // SQLite takes an empty file for a new database. Ours are never empty once created (the journal
    // mode is written at once), so an empty one was truncated or zeroed by something else: starting
    // afresh on it would hide the loss (a server with no cases, a counter no longer enrolled).
    if (info.exists() && info.isFile() && info.size() == 0)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::storage",
                "The database file %1 is empty (0 bytes): it was truncated or damaged. It is not "
                "started as a new database; restore it from a backup, or delete it if this is a new "
                "installation.")
                .arg(QDir::toNativeSeparators(info.absoluteFilePath())));
    const bool existed = info.exists();
    std::unique_ptr<Database> db = create(SqlDialect::Kind::Sqlite, options);
    db->m_path = info.absoluteFilePath();
    db->m_description = QStringLiteral("sqlite:") + db->m_path;
    {
        QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        if (!handle.isValid())
            return fail(Error::Code::Unsupported,
                QCoreApplication::translate("ow::storage", "The SQLite driver for Qt is not installed."));
        handle.setDatabaseName(db->m_path);
        // Another process (the CLI, a second window) may hold the write lock briefly: wait, don't fail.
        handle.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(options.busyTimeout.count()));
        if (!handle.open())
            return failWith(sqlError(handle.lastError(),
                QCoreApplication::translate("ow::storage", "opening %1")
                    .arg(QDir::toNativeSeparators(db->m_path))));
    }
    Result<void> configured = db->configureSqlite();
    if (!configured && existed)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::storage",
                "The database file %1 is damaged or is not a OneWindow database (%2). Restore it from "
                "a backup.")
                .arg(QDir::toNativeSeparators(db->m_path), configured.error().message()));
    if (!configured)
        return failWith(configured.error());
    if (existed && options.checkIntegrity) {
        // A damaged file answers some queries and fails others: refused whole before it is used,
        // rather than found half-way through a day's work (or a sync round that skips rows).
        Result<QStringList> problems = db->integrityProblems(IntegrityCheck::Quick);
        if (!problems || !problems->isEmpty())
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::storage",
                    "The database file %1 is damaged (%2). It is not used: restore it from a backup (see "
                    "“Recovery” in docs/deployment.md).")
                    .arg(QDir::toNativeSeparators(db->m_path),
                        findingsText(problems ? *problems : QStringList {problems.error().message()})));
    }
    return db;
}

QString Database::findingsText(const QStringList &problems)
{
    QStringList shown = problems.mid(0, 3);
    if (problems.size() > shown.size())
        shown.append(QStringLiteral("…"));
    return shown.join(QStringLiteral("; "));
}

Result<void> Database::configureSqlite() const
{
    Result<QVariant> journal = scalar(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!journal)
        return failWith(journal.error());
    if (journal->toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::storage",
                "The database %1 could not switch to write-ahead logging (journal mode is “%2”).")
                .arg(QDir::toNativeSeparators(m_path), journal->toString()));
    // FULL: every committed row survives a power cut, not only a crash of the program.
    for (const QString &pragma :
        {QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA synchronous=FULL")}) {
        Result<void> done = exec(pragma);
        if (!done)
            return done;
    }
    Result<QVariant> foreignKeys = scalar(QStringLiteral("PRAGMA foreign_keys"));
    if (!foreignKeys || foreignKeys->toInt() != 1)
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::storage", "This SQLite build does not enforce foreign keys."));
    return {};
}

Result<std::unique_ptr<Database>> Database::open(const QString &spec, const Options &options)
{
    if (spec.startsWith(QStringLiteral("sqlite:")))
        return openSqlite(spec.mid(7), options);
    const QUrl url(spec);
    if (!url.isValid()
        || (url.scheme() != QStringLiteral("postgresql") && url.scheme() != QStringLiteral("postgres")))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::storage",
                "The database must be sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME, not “%1”.")
                .arg(spec));
    std::unique_ptr<Database> db = create(SqlDialect::Kind::Postgresql, options);
    QUrl shown = url;
    shown.setPassword(QString());
    db->m_description = shown.toString();
    QSqlDatabase handle = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->m_connectionName);
    if (!handle.isValid())
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate(
                "ow::storage", "The PostgreSQL driver for Qt is not installed (libqt6sql6-psql)."));
    handle.setHostName(url.host());
    handle.setPort(url.port(5432));
    handle.setUserName(url.userName());
    handle.setPassword(url.password());
    handle.setDatabaseName(url.path().mid(1));
    // An unreachable server fails the open (and every reconnect) within seconds, not minutes.
    handle.setConnectOptions(QStringLiteral("connect_timeout=5"));
    if (!handle.open())
        return failWith(sqlError(handle.lastError(),
            QCoreApplication::translate("ow::storage", "opening %1").arg(db->m_description)));
    Result<void> configured = db->configurePostgresql();
    if (!configured)
        return failWith(configured.error());
    return db;
}

Result<void> Database::configurePostgresql() const
{
    // Warnings of the server (e.g. "relation already exists, skipping") are not errors for us.
    return exec(QStringLiteral("SET client_min_messages TO WARNING"));
}

Result<void> Database::reconnect() const
{
    m_statements.clear();
    QSqlDatabase connection = handle();
    connection.close();
    if (!connection.open())
        return failWith(sqlError(connection.lastError(),
            QCoreApplication::translate("ow::storage", "opening %1").arg(m_description)));
    return m_dialect.isSqlite() ? configureSqlite() : configurePostgresql();
}

Result<QStringList> Database::integrityProblems(IntegrityCheck check) const
{
    if (!m_dialect.isSqlite())
        return QStringList();
    // At most 100 findings: a badly damaged file would otherwise list every page.
    Result<QSqlQuery> query
        = prepare(check == IntegrityCheck::Quick ? QStringLiteral("PRAGMA quick_check(100)")
                                                 : QStringLiteral("PRAGMA integrity_check(100)"));
    if (!query)
        return failWith(query.error());
    const QString context = QCoreApplication::translate("ow::storage", "checking the database file");
    Result<void> done = exec(*query, context);
    if (!done)
        return failWith(done.error());
    QStringList problems;
    while (true) {
        Result<bool> row = Rows::fetch(*query, context);
        if (!row)
            return failWith(row.error());
        if (!*row)
            break;
        const QString finding = query->value(0).toString();
        if (finding != QStringLiteral("ok"))
            problems.append(finding);
    }
    return problems;
}

Database::~Database()
{
    close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Database::close()
{
    m_statements.clear();
    QSqlDatabase connection = handle();
    if (connection.isOpen())
        connection.close();
}

Result<QSqlQuery> Database::prepare(const QString &sql) const
{
    QSqlQuery query(handle());
    if (!query.prepare(sql))
        return failWith(
            sqlError(query.lastError(), QCoreApplication::translate("ow::storage", "preparing a statement")));
    return query;
}

Result<void> Database::exec(QSqlQuery &query, const QString &context)
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

Result<void> Database::exec(const QString &sql, const QString &context) const
{
    QSqlQuery query(handle());
    if (!query.exec(sql))
        return failWith(sqlError(query.lastError(), context));
    return {};
}

Result<Rows> Database::run(const QString &sql, const QVariantList &values) const
{
    QSqlQuery *query = nullptr;
    const auto kept = m_statements.constFind(sql);
    if (kept != m_statements.constEnd()) {
        query = kept->get();
        query->finish();
    } else {
        auto made = std::make_shared<QSqlQuery>(handle());
        made->setForwardOnly(true);
        if (!made->prepare(sql))
            return failWith(sqlError(
                made->lastError(), QCoreApplication::translate("ow::storage", "preparing a statement")));
        m_statements.insert(sql, made);
        query = made.get();
    }
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    Result<void> done = exec(*query);
    if (!done)
        return failWith(done.error());
    return Rows(query);
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values) const
{
    Result<std::optional<QVariantList>> row = firstRow(sql, values);
    if (!row)
        return failWith(row.error());
    return *row && !(*row)->isEmpty() ? (*row)->constFirst() : QVariant();
}

Result<std::optional<QVariantList>> Database::firstRow(const QString &sql, const QVariantList &values) const
{
    Result<Rows> rows = run(sql, values);
    if (!rows)
        return failWith(rows.error());
    Result<bool> found = rows->fetch();
    std::optional<QVariantList> row;
    if (found && *found)
        row = rows->row();
    // Done with it: a statement left mid-result would keep SQLite's read snapshot open.
    m_statements.value(sql)->finish();
    if (!found)
        return failWith(found.error());
    return row;
}

void Database::finishStatements() const
{
    for (const std::shared_ptr<QSqlQuery> &query : std::as_const(m_statements))
        query->finish();
}

Result<void> Database::beginWrite() const
{
    // A write must start from the newest data: no statement of this connection may still hold an
    // older read snapshot (SQLite would refuse the write lock with SQLITE_BUSY_SNAPSHOT).
    finishStatements();
    Result<void> begun
        = exec(m_dialect.beginWrite(), QCoreApplication::translate("ow::storage", "starting a transaction"));
    if (!begun || m_dialect.isSqlite() || m_options.writeLockTable.isEmpty())
        return begun;
    // Before the first migration the table does not exist yet; a missing table is then no reason
    // to fail.
    if (!m_writeLockTableSeen) {
        Result<QVariant> exists = scalar(m_dialect.tableExists(m_options.writeLockTable));
        if (!exists) {
            rollback();
            return failWith(exists.error());
        }
        m_writeLockTableSeen = exists->toBool();
    }
    if (!m_writeLockTableSeen)
        return {};
    Result<void> locked
        = exec(QStringLiteral("LOCK TABLE %1 IN EXCLUSIVE MODE").arg(m_options.writeLockTable),
            QCoreApplication::translate("ow::storage", "starting a transaction"));
    if (!locked)
        rollback();
    return locked;
}

Result<void> Database::commit() const
{
    return exec(
        QStringLiteral("COMMIT"), QCoreApplication::translate("ow::storage", "committing a transaction"));
}

void Database::rollback() const
{
    // Nothing useful to do if the rollback fails: the database has already rolled back on the error
    // that brought us here, or the connection is gone.
    (void)exec(QStringLiteral("ROLLBACK"));
}

} // namespace ow::storage
