#include "server/DepartmentLogChain.h"

#include "cases/AuditLog.h"
#include "cases/CaseJson.h"
#include "cases/CaseState.h"
#include "storage/Rows.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView kColumns {"seq, time, hall, department, key_id, action, kind, subject, clerk,"
                                      " detail, ref, prev_hash, hash"};

DepartmentAction rowOf(const storage::Rows &r)
{
    DepartmentAction a;
    a.seq = r.value(0).toLongLong();
    a.time = r.value(1).toString();
    a.hall = r.value(2).toString();
    a.department = r.value(3).toString();
    a.keyId = r.value(4).toString();
    a.action = r.value(5).toString();
    a.kind = r.value(6).toString();
    a.subject = r.value(7).toString();
    a.clerk = r.value(8).toString();
    a.detail = r.value(9).toString();
    a.ref = r.value(10).toString();
    a.prevHash = r.value(11).toString();
    a.hash = r.value(12).toString();
    return a;
}

} // namespace

QByteArray DepartmentAction::canonicalContent() const
{
    return cases::AuditLog::canonicalFields(
        {QString::number(seq), time, hall, department, keyId, action, kind, subject, clerk, detail, ref});
}

QJsonObject DepartmentLogChain::Verification::toJson() const
{
    QJsonObject o {{u"intact"_s, intact}, {u"rows"_s, rowsChecked}};
    if (!intact) {
        o.insert(u"brokenRow"_s, brokenSeq);
        o.insert(u"reason"_s, reason);
    }
    return o;
}

DepartmentLogChain::DepartmentLogChain(const storage::Database &db)
    : m_db(db)
{
}

QString DepartmentLogChain::detailOf(const QJsonObject &payload)
{
    QStringList parts;
    for (const QString &key : {u"note"_s, u"reason"_s, u"reasons"_s, u"problem"_s, u"list"_s}) {
        const QJsonValue value = payload.value(key);
        if (value.isString() && !value.toString().isEmpty())
            parts.append(value.toString());
        else if (value.isArray())
            for (const QJsonValue &item : value.toArray())
                if (item.isString())
                    parts.append(item.toString());
    }
    // Machine fields alone (the department's id) say nothing a reader needs here.
    return parts.join(u"；"_s);
}

DepartmentAction DepartmentLogChain::ofEvent(const Credential &department, const QString &hall,
    const cases::CaseEvent &event, QLatin1StringView action)
{
    DepartmentAction a;
    a.time = cases::CaseJson::timeText(event.time);
    a.hall = hall;
    a.department = department.department;
    a.keyId = department.id;
    a.action = action;
    a.kind = cases::keyword(event.kind);
    a.subject = event.caseNumber;
    a.clerk = event.clerk;
    a.detail = detailOf(event.payload);
    a.ref = event.id;
    return a;
}

Result<DepartmentAction> DepartmentLogChain::append(const DepartmentAction &action) const
{
    // Chained onto the recorded head, not onto max(seq): a removed tail must not be re-grown
    // silently. The caller's write transaction holds the writer's lock, so no other row can take
    // the same number.
    Result<std::optional<QVariantList>> head
        = m_db.firstRow(u"SELECT seq, hash FROM department_log_head WHERE id = 1"_s);
    if (!head)
        return failWith(head.error());
    DepartmentAction row = action;
    row.seq = *head ? (*head)->at(0).toLongLong() + 1 : 1;
    row.prevHash = *head ? (*head)->at(1).toString() : cases::AuditLog::genesisHash();
    row.hash = cases::AuditLog::chainHash(row.prevHash, row.canonicalContent());
    Result<storage::Rows> inserted = m_db.run(u"INSERT INTO department_log (%1) VALUES "
                                              "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(kColumns),
        {row.seq, row.time, row.hall, row.department, row.keyId, row.action, row.kind, row.subject, row.clerk,
            row.detail, row.ref, row.prevHash, row.hash});
    if (!inserted)
        return failWith(inserted.error());
    Result<storage::Rows> moved = m_db.run(u"INSERT INTO department_log_head (id, seq, hash) VALUES (1, ?, ?)"
                                           " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq,"
                                           " hash = excluded.hash"_s,
        {row.seq, row.hash});
    if (!moved)
        return failWith(moved.error());
    return row;
}

Result<DepartmentLogChain::Verification> DepartmentLogChain::verify() const
{
    Result<storage::Rows> rows = m_db.run(u"SELECT %1 FROM department_log ORDER BY seq"_s.arg(kColumns));
    if (!rows)
        return failWith(rows.error());
    Verification result;
    QString previous = cases::AuditLog::genesisHash();
    qint64 expected = 1;
    const auto broken = [&result](qint64 seq, const QString &reason) {
        result.intact = false;
        result.brokenSeq = seq;
        result.reason = reason;
        return result;
    };
    Result<bool> next = false;
    while ((next = rows->fetch()) && *next) {
        const DepartmentAction row = rowOf(*rows);
        if (row.seq != expected)
            return broken(row.seq,
                QCoreApplication::translate(
                    "ow::server", "Row %1 follows row %2: the rows between were removed.")
                    .arg(row.seq)
                    .arg(expected - 1));
        if (row.prevHash != previous)
            return broken(row.seq,
                QCoreApplication::translate("ow::server", "Row %1 does not link to the row before it.")
                    .arg(row.seq));
        if (cases::AuditLog::chainHash(previous, row.canonicalContent()) != row.hash)
            return broken(row.seq,
                QCoreApplication::translate("ow::server", "Row %1 was changed after it was written.")
                    .arg(row.seq));
        previous = row.hash;
        ++expected;
        ++result.rowsChecked;
    }
    if (!next)
        return failWith(next.error());
    const qint64 last = expected - 1;
    Result<std::optional<QVariantList>> head
        = m_db.firstRow(u"SELECT seq, hash FROM department_log_head WHERE id = 1"_s);
    if (!head)
        return failWith(head.error());
    if (*head) {
        const qint64 headSeq = (*head)->at(0).toLongLong();
        if (headSeq != last)
            return broken(std::min(headSeq, last) + 1,
                QCoreApplication::translate("ow::server",
                    "The log ends at row %1 but its head records row %2: rows were removed or added.")
                    .arg(last)
                    .arg(headSeq));
        if ((*head)->at(1).toString() != previous)
            return broken(last,
                QCoreApplication::translate(
                    "ow::server", "Row %1 does not match the recorded head of the log.")
                    .arg(last));
    } else if (last > 0) {
        return broken(
            1, QCoreApplication::translate("ow::server", "The head of the departments' log is missing."));
    }
    return result;
}

} // namespace ow::server
