#include "cases/ScanFailures.h"

#include "cases/CaseJson.h"

namespace ow::cases {

Result<void> ScanFailures::record(const QString &sha256, const QString &reason, const QDateTime &now) const
{
    Result<storage::Rows> upsert = m_db.run(
        QStringLiteral(
            "INSERT INTO scan_failures (sha256, reason, detected) VALUES (?, ?, ?)"
            " ON CONFLICT (sha256) DO UPDATE SET reason = excluded.reason, detected = excluded.detected,"
            " discarded = NULL"),
        {sha256, reason.left(1000), CaseJson::timeText(now)});
    if (!upsert)
        return failWith(upsert.error());
    return {};
}

Result<QList<ScanFailure>> ScanFailures::list() const
{
    Result<storage::Rows> select = m_db.run(QStringLiteral(
        "SELECT f.sha256, f.reason, f.detected, f.discarded, (SELECT group_concat(number, ' ') FROM"
        " (SELECT DISTINCT c.number FROM case_attachments a JOIN cases c ON c.id = a.case_id"
        " WHERE a.sha256 = f.sha256 ORDER BY c.number)) FROM scan_failures f ORDER BY f.detected DESC, "
        "f.sha256"));
    if (!select)
        return failWith(select.error());
    QList<ScanFailure> list;
    Result<bool> row = false;
    while ((row = select->fetch()) && *row)
        list.append(ScanFailure {select->value(0).toString(), select->value(1).toString(),
            CaseJson::timeFrom(select->value(2).toString()), CaseJson::timeFrom(select->value(3).toString()),
            select->value(4).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts)});
    if (!row)
        return failWith(row.error());
    return list;
}

Result<std::optional<ScanFailure>> ScanFailures::find(const QString &sha256) const
{
    Result<QList<ScanFailure>> all = list();
    if (!all)
        return failWith(all.error());
    for (const ScanFailure &failure : std::as_const(*all))
        if (failure.sha256 == sha256)
            return std::optional<ScanFailure>(failure);
    return std::optional<ScanFailure>();
}

Result<qint64> ScanFailures::openCount() const
{
    Result<QVariant> count
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM scan_failures WHERE discarded IS NULL"));
    if (!count)
        return failWith(count.error());
    return count->toLongLong();
}

Result<bool> ScanFailures::retry(const QString &sha256) const
{
    Result<QVariant> count
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM scan_failures WHERE sha256 = ?"), {sha256});
    if (!count)
        return failWith(count.error());
    if (count->toInt() == 0)
        return false;
    Result<storage::Rows> drop
        = m_db.run(QStringLiteral("DELETE FROM scan_failures WHERE sha256 = ?"), {sha256});
    if (!drop)
        return failWith(drop.error());
    return true;
}

Result<bool> ScanFailures::discard(const QString &sha256, const QDateTime &now) const
{
    Result<QVariant> count = m_db.scalar(
        QStringLiteral("SELECT count(*) FROM scan_failures WHERE sha256 = ? AND discarded IS NULL"),
        {sha256});
    if (!count)
        return failWith(count.error());
    if (count->toInt() == 0)
        return false;
    Result<storage::Rows> mark
        = m_db.run(QStringLiteral("UPDATE scan_failures SET discarded = ? WHERE sha256 = ?"),
            {CaseJson::timeText(now), sha256});
    if (!mark)
        return failWith(mark.error());
    return true;
}

} // namespace ow::cases
