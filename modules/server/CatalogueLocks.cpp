#include "server/CatalogueLocks.h"

#include "cases/CaseJson.h"
#include "storage/Transaction.h"

namespace ow::server {

using namespace Qt::StringLiterals;
using cases::CaseJson;

CatalogueLocks::CatalogueLocks(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

Result<CatalogueLocks::Outcome> CatalogueLocks::acquire(
    const QString &matter, const QString &editor, int minutes)
{
    const QDateTime now = m_clock.nowUtc();
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<std::optional<QVariantList>> held = m_db.firstRow(
        u"SELECT editor, acquired, expires FROM catalogue_locks WHERE matter = ?"_s, {matter});
    if (!held)
        return failWith(held.error());
    // Times are written in one fixed format, so text order is time order.
    const bool someoneElse
        = *held && (*held)->at(0).toString() != editor && (*held)->at(2).toString() > CaseJson::timeText(now);
    if (someoneElse) {
        const QVariantList &row = **held;
        return Outcome {false,
            QJsonObject {{u"matter"_s, matter}, {u"editor"_s, row.at(0).toString()},
                {u"acquired"_s, row.at(1).toString()}, {u"expires"_s, row.at(2).toString()}}};
    }
    const QString acquired = CaseJson::timeText(now);
    const QString expires = CaseJson::timeText(now.addSecs(qint64(minutes) * 60));
    m_db.finishStatements();
    Result<storage::Rows> cleared = m_db.run(u"DELETE FROM catalogue_locks WHERE matter = ?"_s, {matter});
    if (!cleared)
        return failWith(cleared.error());
    Result<storage::Rows> inserted
        = m_db.run(u"INSERT INTO catalogue_locks (matter, editor, acquired, expires) VALUES (?, ?, ?, ?)"_s,
            {matter, editor, acquired, expires});
    if (!inserted)
        return failWith(inserted.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return Outcome {true,
        QJsonObject {{u"matter"_s, matter}, {u"editor"_s, editor}, {u"acquired"_s, acquired},
            {u"expires"_s, expires}}};
}

Result<bool> CatalogueLocks::release(const QString &matter, const QString &editor)
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<storage::Rows> removed
        = m_db.run(u"DELETE FROM catalogue_locks WHERE matter = ? AND editor = ?"_s, {matter, editor});
    if (!removed)
        return failWith(removed.error());
    const int count = removed->numRowsAffected();
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return count > 0;
}

Result<QJsonArray> CatalogueLocks::list() const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT matter, editor, acquired, expires FROM catalogue_locks WHERE expires > ?"
                   u" ORDER BY matter"_s,
            {CaseJson::timeText(m_clock.nowUtc())});
    if (!rows)
        return failWith(rows.error());
    QJsonArray list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        list.append(
            QJsonObject {{u"matter"_s, rows->value(0).toString()}, {u"editor"_s, rows->value(1).toString()},
                {u"acquired"_s, rows->value(2).toString()}, {u"expires"_s, rows->value(3).toString()}});
    if (!row)
        return failWith(row.error());
    return list;
}

} // namespace ow::server
