#pragma once

#include <QString>

namespace ow::storage {

/// What differs between SQLite and PostgreSQL, answered in one place so that every statement
/// elsewhere is written once: column types, auto-increasing keys, how a write transaction starts
/// and how to ask whether a table exists. Both understand `INSERT … ON CONFLICT … DO UPDATE/NOTHING`
/// with `excluded.column`, so upserts need no translation.
class SqlDialect
{
public:
    enum class Kind
    {
        Sqlite,
        Postgresql
    };

    explicit SqlDialect(Kind kind = Kind::Sqlite)
        : m_kind(kind)
    {
    }

    Kind kind() const { return m_kind; }
    bool isSqlite() const { return m_kind == Kind::Sqlite; }
    /// "sqlite" or "postgresql", as the server's /health reports it.
    QString name() const;

    /// Replaces the placeholders of a schema statement: {serial} (an auto-increasing 64-bit primary
    /// key) and {bigint}.
    QString translate(QString sql) const;
    /// The statement that starts a write transaction: SQLite's BEGIN IMMEDIATE takes the write lock
    /// at once, so two writers wait for each other instead of failing half-way.
    QString beginWrite() const;
    /// A statement whose one value is true when the table `name` exists (`name` is ours, never input).
    QString tableExists(const QString &name) const;

private:
    Kind m_kind;
};

} // namespace ow::storage
