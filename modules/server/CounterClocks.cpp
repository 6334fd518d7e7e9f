#include "server/CounterClocks.h"

#include "cases/CaseJson.h"

namespace ow::server {

Result<void> CounterClocks::record(
    const Credential &workstation, const QDateTime &counterTime, const QDateTime &now)
{
    const qint64 skew = now.msecsTo(counterTime);
    Result<storage::Rows> upsert = m_db.run(
        QStringLiteral(
            "INSERT INTO counter_clocks (credential_id, hall, counter, skew_ms, seen) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (credential_id) DO UPDATE SET skew_ms = excluded.skew_ms, seen = excluded.seen"),
        {workstation.id, workstation.hall, workstation.counter, skew, cases::CaseJson::timeText(now)});
    if (!upsert)
        return failWith(upsert.error());
    return {};
}

Result<QList<CounterClock>> CounterClocks::list() const
{
    Result<storage::Rows> select
        = m_db.run(QStringLiteral("SELECT credential_id, hall, counter, skew_ms, seen FROM counter_clocks "
                                  "ORDER BY hall, counter, credential_id"));
    if (!select)
        return failWith(select.error());
    QList<CounterClock> clocks;
    Result<bool> row = false;
    while ((row = select->fetch()) && *row)
        clocks.append(CounterClock {select->value(0).toString(), select->value(1).toString(),
            select->value(2).toString(), select->value(3).toLongLong(),
            cases::CaseJson::timeFrom(select->value(4).toString())});
    if (!row)
        return failWith(row.error());
    return clocks;
}

} // namespace ow::server
