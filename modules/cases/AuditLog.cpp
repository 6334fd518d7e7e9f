#include "cases/AuditLog.h"

#include "cases/CaseJson.h"
#include "storage/Transaction.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace ow::cases {

AuditLog::AuditLog(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

QByteArray AuditLog::canonicalFields(const QStringList &fields)
{
    QByteArray out;
    for (const QString &field : fields) {
        const QByteArray utf8 = field.toUtf8();
        out += QByteArray::number(utf8.size());
        out += ':';
        out += utf8;
    }
    return out;
}

QByteArray AuditLog::canonicalContent(const AuditEntry &entry)
{
    return canonicalFields({QString::number(entry.seq), CaseJson::timeText(entry.time), entry.clerk,
        entry.counter, entry.action, entry.target, entry.detail});
}

QString AuditLog::chainHash(const QString &prevHash, const QByteArray &content)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prevHash.toLatin1());
    hash.addData(content);
    return QString::fromLatin1(hash.result().toHex());
}

QString AuditLog::chainHash(const QString &prevHash, const AuditEntry &entry)
{
    return chainHash(prevHash, canonicalContent(entry));
}

Result<AuditEntry> AuditLog::record(const AuditEntry &entry) const
{
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    Result<AuditEntry> written = recordInTransaction(entry);
    if (!written)
        return written;
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return written;
}

Result<AuditEntry> AuditLog::recordInTransaction(const AuditEntry &entry) const
{
    const QString context = QCoreApplication::translate("ow::cases", "writing the audit log");
    AuditEntry row = entry;
    row.time = m_clock.nowUtc();
    // Chain onto the recorded head, not onto max(seq): a deleted tail must not be silently re-grown.
    Result<QSqlQuery> head = m_db.prepare(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"));
    if (!head)
        return failWith(head.error());
    Result<void> done = storage::Database::exec(*head, context);
    if (!done)
        return failWith(done.error());
    Result<bool> found = storage::Rows::fetch(*head, context);
    if (!found)
        return failWith(found.error());
    if (*found) {
        row.seq = head->value(0).toLongLong() + 1;
        row.prevHash = head->value(1).toString();
    } else {
        row.seq = 1;
        row.prevHash = genesisHash();
    }
    head->finish();
    row.hash = chainHash(row.prevHash, row);

    Result<QSqlQuery> insert = m_db.prepare(QStringLiteral(
        "INSERT INTO audit_log (seq, time, clerk, counter, action, target, detail, prev_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return failWith(insert.error());
    for (const QVariant &value : {QVariant(row.seq), QVariant(CaseJson::timeText(row.time)),
             QVariant(row.clerk), QVariant(row.counter), QVariant(row.action), QVariant(row.target),
             QVariant(row.detail), QVariant(row.prevHash), QVariant(row.hash)})
        insert->addBindValue(value);
    done = storage::Database::exec(*insert, context);
    if (!done)
        return failWith(done.error());

    Result<QSqlQuery> moveHead
        = m_db.prepare(QStringLiteral("INSERT OR REPLACE INTO audit_head (id, seq, hash) VALUES (1, ?, ?)"));
    if (!moveHead)
        return failWith(moveHead.error());
    moveHead->addBindValue(row.seq);
    moveHead->addBindValue(row.hash);
    done = storage::Database::exec(*moveHead, context);
    if (!done)
        return failWith(done.error());
    return row;
}

Result<AuditLog::Verification> AuditLog::verify() const
{
    const QString context = QCoreApplication::translate("ow::cases", "reading the audit log");
    Result<QSqlQuery> query
        = m_db.prepare(QStringLiteral("SELECT seq, time, clerk, counter, action, target, detail, prev_hash, "
                                      "hash FROM audit_log ORDER BY seq"));
    if (!query)
        return failWith(query.error());
    query->setForwardOnly(true);
    Result<void> done = storage::Database::exec(*query, context);
    if (!done)
        return failWith(done.error());

    Verification result;
    QString previous = genesisHash();
    qint64 expectedSeq = 1;
    const auto broken = [&](qint64 seq, const QString &reason) {
        result.intact = false;
        result.brokenSeq = seq;
        result.reason = reason;
        return result;
    };
    Result<bool> next = false;
    while ((next = storage::Rows::fetch(*query, context)) && *next) {
        AuditEntry row;
        row.seq = query->value(0).toLongLong();
        row.time = CaseJson::timeFrom(query->value(1).toString());
        row.clerk = query->value(2).toString();
        row.counter = query->value(3).toString();
        row.action = query->value(4).toString();
        row.target = query->value(5).toString();
        row.detail = query->value(6).toString();
        row.prevHash = query->value(7).toString();
        row.hash = query->value(8).toString();
        if (row.seq != expectedSeq)
            return broken(row.seq,
                QCoreApplication::translate(
                    "ow::cases", "Row %1 follows row %2: the rows between were removed.")
                    .arg(row.seq)
                    .arg(expectedSeq - 1));
        if (row.prevHash != previous)
            return broken(row.seq,
                QCoreApplication::translate("ow::cases", "Row %1 does not link to the row before it.")
                    .arg(row.seq));
        if (chainHash(previous, row) != row.hash)
            return broken(row.seq,
                QCoreApplication::translate("ow::cases", "Row %1 was changed after it was written.")
                    .arg(row.seq));
        previous = row.hash;
        ++expectedSeq;
        ++result.rowsChecked;
    }
    if (!next)
        return failWith(next.error());
    query->finish();

    Result<QSqlQuery> head = m_db.prepare(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"));
    if (!head)
        return failWith(head.error());
    done = storage::Database::exec(*head, context);
    if (!done)
        return failWith(done.error());
    const qint64 lastSeq = expectedSeq - 1;
    Result<bool> found = storage::Rows::fetch(*head, context);
    if (!found)
        return failWith(found.error());
    if (*found) {
        const qint64 headSeq = head->value(0).toLongLong();
        if (headSeq != lastSeq)
            return broken(std::min(headSeq, lastSeq) + 1,
                QCoreApplication::translate("ow::cases",
                    "The log ends at row %1 but its head records row %2: rows were removed or added.")
                    .arg(lastSeq)
                    .arg(headSeq));
        if (head->value(1).toString() != previous)
            return broken(lastSeq,
                QCoreApplication::translate(
                    "ow::cases", "Row %1 does not match the recorded head of the log.")
                    .arg(lastSeq));
    } else if (lastSeq > 0) {
        return broken(1, QCoreApplication::translate("ow::cases", "The head of the audit log is missing."));
    }
    return result;
}

Result<QList<AuditEntry>> AuditLog::entries(qint64 fromSeq, int limit) const
{
    Result<QSqlQuery> query = m_db.prepare(QStringLiteral(
        "SELECT seq, time, clerk, counter, action, target, detail, prev_hash, hash FROM audit_log"
        " WHERE seq >= ? ORDER BY seq LIMIT ?"));
    if (!query)
        return failWith(query.error());
    query->addBindValue(fromSeq);
    query->addBindValue(limit);
    Result<void> done
        = storage::Database::exec(*query, QCoreApplication::translate("ow::cases", "reading the audit log"));
    if (!done)
        return failWith(done.error());
    QList<AuditEntry> rows;
    Result<bool> next = false;
    while ((next = storage::Rows::fetch(*query)) && *next)
        rows.append(AuditEntry {query->value(0).toLongLong(), CaseJson::timeFrom(query->value(1).toString()),
            query->value(2).toString(), query->value(3).toString(), query->value(4).toString(),
            query->value(5).toString(), query->value(6).toString(), query->value(7).toString(),
            query->value(8).toString()});
    if (!next)
        return failWith(next.error());
    return rows;
}

} // namespace ow::cases
