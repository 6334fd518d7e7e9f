#include "cases/ClerkActivityLog.h"

#include "cases/CaseJson.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QUuid>

namespace ow::cases {

using namespace Qt::StringLiterals;

namespace {

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

ClerkActivityLog::ClerkActivityLog(const CaseStore &store, Clock clock)
    : ClerkActivityLog(store.database(), std::move(clock))
{
}

ClerkActivityLog::ClerkActivityLog(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

Result<void> ClerkActivityLog::record(const ClerkActivity &given)
{
    ClerkActivity activity = given;
    if (activity.id.isEmpty())
        activity.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!activity.at.isValid())
        activity.at = m_clock.nowUtc();
    activity.at = activity.at.toUTC();
    if (const QString problem = activity.problem(); !problem.isEmpty())
        return fail(Error::Code::Invalid, problem);

    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    Result<std::optional<QVariantList>> known
        = m_db.firstRow(u"SELECT seq FROM clerk_activities WHERE id = ?"_s, {activity.id});
    if (!known)
        return failWith(known.error());
    if (*known)
        return {}; // recorded before (a caller's retry): kept once, sent once
    const QString at = CaseJson::timeText(activity.at);
    Result<storage::Rows> inserted
        = m_db.run(u"INSERT INTO clerk_activities (id, kind, staff_number, clerk_name, at, matter, detail)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
            {activity.id, activity.kind, activity.staffNumber, activity.clerkName, at, activity.matter,
                compact(activity.detail)});
    if (!inserted)
        return failWith(inserted.error());
    Result<storage::Rows> queued
        = m_db.run(u"INSERT INTO activity_outbox (activity_id, payload, created) VALUES (?, ?, ?)"_s,
            {activity.id, compact(activity.toJson()), CaseJson::timeText(m_clock.nowUtc())});
    if (!queued)
        return failWith(queued.error());
    return transaction.commit();
}

Result<QList<ClerkActivity>> ClerkActivityLog::list(const ClerkActivityFilter &filter) const
{
    QString sql = u"SELECT id, kind, staff_number, clerk_name, at, matter, detail FROM clerk_activities"
                  " WHERE 1 = 1"_s;
    QVariantList values;
    if (!filter.kind.isEmpty()) {
        sql += u" AND kind = ?"_s;
        values.append(filter.kind);
    }
    if (!filter.staffNumber.isEmpty()) {
        sql += u" AND staff_number = ?"_s;
        values.append(filter.staffNumber);
    }
    if (filter.from.isValid()) {
        sql += u" AND at >= ?"_s;
        values.append(CaseJson::timeText(filter.from));
    }
    if (filter.to.isValid()) {
        sql += u" AND at < ?"_s;
        values.append(CaseJson::timeText(filter.to));
    }
    sql += u" ORDER BY at, seq LIMIT ?"_s;
    values.append(std::clamp(filter.limit, 1, 100000));
    Result<storage::Rows> rows = m_db.run(sql, values);
    if (!rows)
        return failWith(rows.error());
    return ClerkActivity::readAll(*rows);
}

Result<QList<ActivityOutboxEntry>> ClerkActivityLog::pendingOutbox(int limit, qint64 afterId) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT id, activity_id, payload FROM activity_outbox"
                   " WHERE sent IS NULL AND failed IS NULL AND id > ? ORDER BY id LIMIT ?"_s,
            {afterId, std::max(limit, 1)});
    if (!rows)
        return failWith(rows.error());
    QList<ActivityOutboxEntry> entries;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        entries.append(ActivityOutboxEntry {
            rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString().toUtf8()});
    if (!row)
        return failWith(row.error());
    return entries;
}

Result<void> ClerkActivityLog::markSent(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    for (qint64 id : ids)
        if (Result<storage::Rows> marked
            = m_db.run(u"UPDATE activity_outbox SET sent = ? WHERE id = ? AND sent IS NULL"_s, {now, id});
            !marked)
            return failWith(marked.error());
    return transaction.commit();
}

Result<void> ClerkActivityLog::markFailed(qint64 id, const QString &message)
{
    Result<storage::Rows> marked = m_db.run(
        u"UPDATE activity_outbox SET failed = ? WHERE id = ? AND sent IS NULL"_s, {message.left(2000), id});
    if (!marked)
        return failWith(marked.error());
    return {};
}

Result<QPair<qint64, qint64>> ClerkActivityLog::outboxCounts() const
{
    Result<std::optional<QVariantList>> counts
        = m_db.firstRow(u"SELECT coalesce(sum(sent IS NULL AND failed IS NULL), 0),"
                        " coalesce(sum(failed IS NOT NULL), 0) FROM activity_outbox"_s);
    if (!counts)
        return failWith(counts.error());
    if (!*counts)
        return QPair<qint64, qint64>(0, 0);
    return QPair<qint64, qint64>((**counts).at(0).toLongLong(), (**counts).at(1).toLongLong());
}

} // namespace ow::cases
