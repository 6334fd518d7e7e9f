#include "cases/ComplaintLog.h"

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

ComplaintLog::ComplaintLog(const CaseStore &store, Clock clock)
    : ComplaintLog(store.database(), std::move(clock))
{
}

ComplaintLog::ComplaintLog(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

Result<ComplaintRecord> ComplaintLog::record(const ComplaintRecord &given)
{
    ComplaintRecord complaint = given;
    if (complaint.id.isEmpty())
        complaint.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!complaint.receivedAt.isValid())
        complaint.receivedAt = m_clock.nowUtc();
    complaint.receivedAt = complaint.receivedAt.toUTC();
    if (const std::optional<ComplaintRecord::Problem> problem = complaint.problem())
        return fail(Error::Code::Invalid, problem->message);
    complaint.number.clear(); // the server gives it

    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    Result<std::optional<QVariantList>> known
        = m_db.firstRow(u"SELECT detail FROM complaints WHERE id = ?"_s, {complaint.id});
    if (!known)
        return failWith(known.error());
    if (*known) // recorded before (a retry): kept once, sent once
        return ComplaintRecord::fromJson(
            QJsonDocument::fromJson((**known).at(0).toString().toUtf8()).object());
    Result<storage::Rows> inserted
        = m_db.run(u"INSERT INTO complaints (id, recorded_by, received_at, detail) VALUES (?, ?, ?, ?)"_s,
            {complaint.id, complaint.recordedByStaffNumber, CaseJson::timeText(complaint.receivedAt),
                compact(complaint.toJson())});
    if (!inserted)
        return failWith(inserted.error());
    Result<storage::Rows> queued
        = m_db.run(u"INSERT INTO complaint_outbox (complaint_id, payload, created) VALUES (?, ?, ?)"_s,
            {complaint.id, compact(complaint.toSubmission()), CaseJson::timeText(m_clock.nowUtc())});
    if (!queued)
        return failWith(queued.error());
    if (Result<void> committed = transaction.commit(); !committed)
        return failWith(committed.error());
    return complaint;
}

Result<QList<ComplaintLogEntry>> ComplaintLog::list(const QString &staffNumber, int limit) const
{
    QString sql = u"SELECT c.detail, c.number, o.sent, o.failed FROM complaints c"
                  " LEFT JOIN complaint_outbox o ON o.complaint_id = c.id"_s;
    QVariantList values;
    if (!staffNumber.isEmpty()) {
        sql += u" WHERE c.recorded_by = ?"_s;
        values.append(staffNumber);
    }
    sql += u" ORDER BY c.received_at DESC, c.seq DESC LIMIT ?"_s;
    values.append(std::clamp(limit, 1, 100000));
    Result<storage::Rows> rows = m_db.run(sql, values);
    if (!rows)
        return failWith(rows.error());
    QList<ComplaintLogEntry> list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        ComplaintLogEntry recorded;
        recorded.complaint
            = ComplaintRecord::fromJson(QJsonDocument::fromJson(rows->value(0).toString().toUtf8()).object());
        recorded.complaint.number = rows->value(1).toString();
        if (!rows->value(3).isNull()) {
            recorded.sending = ComplaintLogEntry::Sending::Refused;
            recorded.refusal = rows->value(3).toString();
        } else if (!rows->value(2).isNull()) {
            recorded.sending = ComplaintLogEntry::Sending::Sent;
        }
        list.append(recorded);
    }
    if (!row)
        return failWith(row.error());
    return list;
}

Result<QList<ComplaintOutboxEntry>> ComplaintLog::pendingOutbox(int limit, qint64 afterId) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT id, complaint_id, payload FROM complaint_outbox"
                   " WHERE sent IS NULL AND failed IS NULL AND id > ? ORDER BY id LIMIT ?"_s,
            {afterId, std::max(limit, 1)});
    if (!rows)
        return failWith(rows.error());
    QList<ComplaintOutboxEntry> entries;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        entries.append(ComplaintOutboxEntry {
            rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString().toUtf8()});
    if (!row)
        return failWith(row.error());
    return entries;
}

Result<void> ComplaintLog::markSent(const QList<QPair<qint64, QString>> &numbered)
{
    if (numbered.isEmpty())
        return {};
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return begun;
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    for (const auto &[id, number] : numbered) {
        if (Result<storage::Rows> marked
            = m_db.run(u"UPDATE complaint_outbox SET sent = ? WHERE id = ? AND sent IS NULL"_s, {now, id});
            !marked)
            return failWith(marked.error());
        if (number.isEmpty())
            continue;
        if (Result<storage::Rows> kept
            = m_db.run(u"UPDATE complaints SET number = ? WHERE id ="
                       " (SELECT complaint_id FROM complaint_outbox WHERE id = ?)"_s,
                {number.left(64), id});
            !kept)
            return failWith(kept.error());
    }
    return transaction.commit();
}

Result<void> ComplaintLog::markFailed(qint64 id, const QString &message)
{
    Result<storage::Rows> marked = m_db.run(
        u"UPDATE complaint_outbox SET failed = ? WHERE id = ? AND sent IS NULL"_s, {message.left(2000), id});
    if (!marked)
        return failWith(marked.error());
    return {};
}

Result<QPair<qint64, qint64>> ComplaintLog::outboxCounts() const
{
    Result<std::optional<QVariantList>> counts
        = m_db.firstRow(u"SELECT coalesce(sum(sent IS NULL AND failed IS NULL), 0),"
                        " coalesce(sum(failed IS NOT NULL), 0) FROM complaint_outbox"_s);
    if (!counts)
        return failWith(counts.error());
    if (!*counts)
        return QPair<qint64, qint64>(0, 0);
    return QPair<qint64, qint64>((**counts).at(0).toLongLong(), (**counts).at(1).toLongLong());
}

} // namespace ow::cases
