#pragma once

#include "core/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <memory>

class QSqlError;

namespace ow::cases {

/// One SQLite connection with OneWindow's settings (WAL, foreign keys, synchronous=FULL, busy
/// timeout) under a connection name of its own, so several stores can be open at once.
/// Every statement goes through exec(), which turns a failure into an ow::Error.
class SqlDatabase
{
public:
    enum class OpenMode
    {
        CreateIfMissing,
        MustExist
    };

    static Result<std::unique_ptr<SqlDatabase>> open(
        const QString &path, OpenMode mode = OpenMode::CreateIfMissing);
    ~SqlDatabase();
    SqlDatabase(const SqlDatabase &) = delete;
    SqlDatabase &operator=(const SqlDatabase &) = delete;

    const QString &path() const { return m_path; }
    const QString &connectionName() const { return m_connectionName; }
    QSqlDatabase handle() const { return QSqlDatabase::database(m_connectionName, false); }

    /// A query bound to this connection, prepared; fails with the driver's message.
    Result<QSqlQuery> prepare(const QString &sql) const;
    /// Runs a prepared query; `context` says what was being done, for the error message. A bound
    /// null QString is stored as '' (bind QVariant() for SQL NULL).
    static Result<void> exec(QSqlQuery &query, const QString &context = QString());
    /// Runs one statement without parameters.
    Result<void> exec(const QString &sql, const QString &context = QString()) const;
    /// The first column of the first row of a statement, or a null QVariant when it returns no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {}) const;

    /// BEGIN IMMEDIATE: takes the write lock now, so two writers wait instead of failing half-way.
    Result<void> begin() const;
    Result<void> commit() const;
    void rollback() const;

    static Error sqlError(const QSqlError &error, const QString &context);

private:
    SqlDatabase() = default;

    QString m_path;
    QString m_connectionName;
};

/// A write transaction that rolls back unless commit() succeeded: early returns leave nothing behind.
class Transaction
{
public:
    explicit Transaction(const SqlDatabase &db)
        : m_db(db)
    {
    }
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Result<void> begin();
    Result<void> commit();

private:
    const SqlDatabase &m_db;
    bool m_active = false;
};

} // namespace ow::cases
