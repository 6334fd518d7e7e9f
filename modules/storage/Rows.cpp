#include "storage/Rows.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace ow::storage {

Result<bool> Rows::fetch()
{
    return fetch(*m_query);
}

QVariant Rows::value(int column) const
{
    return m_query->value(column);
}

int Rows::columnCount() const
{
    return m_query->record().count();
}

QVariantList Rows::row() const
{
    QVariantList columns;
    for (int column = 0; column < columnCount(); ++column)
        columns.append(value(column));
    return columns;
}

int Rows::numRowsAffected() const
{
    return m_query->numRowsAffected();
}

Result<bool> Rows::fetch(QSqlQuery &query, const QString &context)
{
    if (query.next())
        return true;
    // exec() cleared the error; one set now came from reading the rows (a damaged file, a lost
    // connection), not from reaching their end.
    if (query.lastError().isValid())
        return failWith(Database::sqlError(query.lastError(), context));
    return false;
}

} // namespace ow::storage
