#pragma once

#include "core/Result.h"
#include "storage/Rows.h"
#include "storage/SqlDialect.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <chrono>
#include <memory>
#include <optional>

class QSqlError;

namespace ow::storage {

/// One connection to SQLite or PostgreSQL, under a connection name of its own so several can be
/// open at once. SQLite runs with write-ahead logging, foreign keys and synchronous=FULL (every
/// committed row survives a power cut). Every statement goes through exec() or run(), which turn a
/// failure into an ow::Error with a readable message.
class Database
{
public:
    struct Options
    {
        /// SQLite: how long to wait while another connection holds the write lock, before failing.
        std::chrono::milliseconds busyTimeout {5000};
        /// PostgreSQL: a table every write transaction locks against other writers (EXCLUSIVE mode,
        /// readers pass) once it exists, so writers commit in the order they started. SQLite's
        /// write transactions are serial already.
        QString writeLockTable;
        /// SQLite: read the whole existing file (PRAGMA quick_check) before it is used, and refuse
        /// it when damaged, naming the file and the recovery section of docs/deployment.md. The
        /// server turns it off and checks with its own message (ServerSchema::open).
        bool checkIntegrity = true;
    };

    /// Opens (creating it and its folder if needed) the SQLite database file at `path`. A file that
    /// exists but is empty, or is not an SQLite database, is refused: it is never taken for a new
    /// database, so a damaged file does not silently become an empty one.
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path, const Options &options);
    static Result<std::unique_ptr<Database>> openSqlite(const QString &path);
    /// `spec` is "sqlite:PATH" or a "postgresql://user:password@host:port/name" URL.
    static Result<std::unique_ptr<Database>> open(const QString &spec, const Options &options);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const SqlDialect &dialect() const { return m_dialect; }
    /// The absolute path of an SQLite file; empty for PostgreSQL.
    const QString &path() const { return m_path; }
    /// "sqlite:PATH" or the URL without its password, for logs.
    const QString &description() const { return m_description; }
    const QString &connectionName() const { return m_connectionName; }
    QSqlDatabase handle() const { return QSqlDatabase::database(m_connectionName, false); }

    /// A new query bound to this connection, prepared; fails with the driver's message.
    Result<QSqlQuery> prepare(const QString &sql) const;
    /// Runs a prepared query; `context` says what was being done, for the error message. A bound
    /// null QString is stored as '' (bind QVariant() for SQL NULL).
    static Result<void> exec(QSqlQuery &query, const QString &context = QString());
    /// Runs one statement without parameters.
    Result<void> exec(const QString &sql, const QString &context = QString()) const;
    /// Runs a statement with positional values through a prepared statement kept for the same text:
    /// preparing costs a round trip to PostgreSQL, which would otherwise double the cost of every
    /// statement. Values are bound as exec() binds them.
    Result<Rows> run(const QString &sql, const QVariantList &values = {}) const;
    /// The first column of the first row, or a null QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;
    /// The first row's columns, or nullopt when there is no row; a failed read is an error, never
    /// "no row". The statement is finished at once, as scalar() does.
    Result<std::optional<QVariantList>> firstRow(const QString &sql, const QVariantList &values = {}) const;
    /// Resets every kept statement. A server calls it after each request: on SQLite a statement left
    /// mid-result keeps its read snapshot, and the connection would not see what others commit.
    void finishStatements() const;

    /// How thoroughly integrityProblems() reads the file.
    enum class IntegrityCheck
    {
        Quick, ///< SQLite's quick_check: every page and row read, indexes not compared (start-up)
        Full ///< integrity_check: indexes compared with their tables too (`server check`)
    };
    /// What SQLite finds wrong with the file (empty when it is sound); always empty on PostgreSQL,
    /// which checks its own pages.
    Result<QStringList> integrityProblems(IntegrityCheck check) const;
    /// The first findings of integrityProblems() on one line, for a message.
    static QString findingsText(const QStringList &problems);

    /// Drops the connection and opens it again with the same settings (kept statements are
    /// forgotten): after the database server restarted, the old connection is dead for good.
    Result<void> reconnect() const;

    /// Starts a write transaction that holds the writer's lock at once (see SqlDialect::beginWrite
    /// and Options::writeLockTable). Transaction is the guard to use.
    Result<void> beginWrite() const;
    Result<void> commit() const;
    void rollback() const;
    void close();

    /// The driver's error as an ow::Error; `context` (e.g. "saving a case") says what was being done.
    static Error sqlError(const QSqlError &error, const QString &context = QString());

private:
    Database() = default;
    static std::unique_ptr<Database> create(SqlDialect::Kind kind, const Options &options);
    Result<void> configureSqlite() const;
    Result<void> configurePostgresql() const;

    SqlDialect m_dialect;
    Options m_options;
    QString m_path;
    QString m_description;
    QString m_connectionName;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    mutable bool m_writeLockTableSeen = false;
};

} // namespace ow::storage
