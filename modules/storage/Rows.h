#pragma once

#include "core/Result.h"

#include <QString>
#include <QVariant>

class QSqlQuery;

namespace ow::storage {

/// What a statement run by Database::run() gave: its rows, or the count of rows it changed. Valid
/// until the same statement runs again.
class Rows
{
public:
    explicit Rows(QSqlQuery *query)
        : m_query(query)
    {
    }

    /// Moves to the next row: true, false after the last one, or the error that stopped the reading
    /// (a damaged page, a lost connection). There is deliberately no bool next(): a failed read must
    /// never pass for the end of the rows.
    Result<bool> fetch();
    QVariant value(int column) const;
    int columnCount() const;
    /// Every column of the current row.
    QVariantList row() const;
    int numRowsAffected() const;

    /// The same for a QSqlQuery run by Database::exec(): false at the end, an error when reading
    /// failed; `context` says what was being read, for the message.
    static Result<bool> fetch(QSqlQuery &query, const QString &context = QString());

private:
    QSqlQuery *m_query;
};

} // namespace ow::storage
