#pragma once

#include "core/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <memory>

class QSqlError;

namespace ow::server {

/// The rows of a statement run by ServerDatabase::run(); valid until the same statement runs again.
class Statement
{
public:
    explicit Statement(QSqlQuery *query)
        : m_query(query)
    {
    }
    bool next() { return m_query->next(); }
    QVariant value(int column) const { return m_query->value(column); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }

private:
    QSqlQuery *m_query;
};

/// The server's connection to SQLite or PostgreSQL. Every difference between the two SQL dialects
/// is answered here (column types, locking), so the statements elsewhere are written once.
class ServerDatabase
{
public:
    enum class Dialect
    {
        Sqlite,
        Postgresql
    };

    /// `spec` is "sqlite:PATH" or a "postgresql://user:password@host:port/name" URL.
    static Result<std::unique_ptr<ServerDatabase>> open(const QString &spec);
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase &) = delete;
    ServerDatabase &operator=(const ServerDatabase &) = delete;

    Dialect dialect() const { return m_dialect; }
    /// "sqlite" or "postgresql", as /health reports it.
    QString dialectName() const;
    /// The spec without a password, for logs.
    const QString &description() const { return m_description; }
    QSqlDatabase handle() const { return QSqlDatabase::database(m_connectionName, false); }

    /// Replaces the dialect placeholders of a schema statement: {serial} (an auto-increasing
    /// 64-bit primary key) and {bigint}.
    QString translate(QString sql) const;

    /// A prepared statement, kept and reused for the same text: preparing costs a round trip to
    /// PostgreSQL, which would otherwise double the cost of every statement.
    Result<QSqlQuery *> prepare(const QString &sql) const;
    /// Resets every kept statement. Call after each request: on SQLite a statement left mid-result
    /// keeps its read snapshot, and the connection would not see what other connections commit.
    void finishStatements() const;
    /// Prepares and runs a statement with positional values.
    Result<Statement> run(const QString &sql, const QVariantList &values = {}) const;
    Result<void> exec(const QString &sql) const;
    /// The first column of the first row, or a null QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;

    /// Starts a write transaction that holds the writer's lock at once: SQLite's BEGIN IMMEDIATE;
    /// on PostgreSQL the event table is locked against other writers, so server sequences commit
    /// in order and a change cursor never skips an event committed late.
    Result<void> beginWrite() const;
    Result<void> commit() const;
    void rollback() const;
    void close();

    static Error sqlError(const QSqlError &error);

private:
    ServerDatabase() = default;

    Dialect m_dialect = Dialect::Sqlite;
    mutable QHash<QString, std::shared_ptr<QSqlQuery>> m_statements;
    mutable bool m_eventsTableSeen = false;
    QString m_connectionName;
    QString m_description;
};

/// A write transaction that rolls back unless commit() succeeded.
class WriteTransaction
{
public:
    explicit WriteTransaction(const ServerDatabase &db)
        : m_db(db)
    {
    }
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    Result<void> begin();
    Result<void> commit();

private:
    const ServerDatabase &m_db;
    bool m_active = false;
};

} // namespace ow::server
