#include "server/DepartmentLog.h"

#include "cases/CaseJson.h"
#include "storage/Rows.h"

#include <QHash>
#include <QJsonDocument>

namespace ow::server {

using namespace Qt::StringLiterals;
using cases::CaseJson;

namespace {

QString startOf(QDate day)
{
    return CaseJson::timeText(day.startOfDay());
}

QJsonObject parsed(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// What a department said with its report: the payload's words, not its machine fields.
QString detailOf(const QJsonObject &payload)
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
    // Machine fields alone (the department's id, a list's id) say nothing a reader needs here.
    return parts.join(u"；"_s);
}

} // namespace

QJsonObject DepartmentLog::Filter::toJson() const
{
    QJsonObject o;
    if (from.isValid())
        o.insert(u"from"_s, from.toString(Qt::ISODate));
    if (to.isValid())
        o.insert(u"to"_s, to.toString(Qt::ISODate));
    if (!department.isEmpty())
        o.insert(u"department"_s, department);
    if (!kind.isEmpty())
        o.insert(u"kind"_s, kind);
    if (!caseNumber.isEmpty())
        o.insert(u"case"_s, caseNumber);
    o.insert(u"limit"_s, limit);
    o.insert(u"offset"_s, offset);
    return o;
}

DepartmentLog::DepartmentLog(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

Result<QJsonObject> DepartmentLog::read(const QString &hall, const Filter &filter) const
{
    // The department is the key's, not what the event says about itself: a key speaks only for its
    // own department, so the credential row is the record of who acted.
    QString where = u" FROM events e JOIN credentials k ON k.id = e.origin AND k.kind = 'department'"
                    " JOIN cases c ON c.number = e.case_number WHERE e.hall = ?"_s;
    QVariantList values {hall};
    if (filter.from.isValid()) {
        where += u" AND e.time >= ?"_s;
        values.append(startOf(filter.from));
    }
    if (filter.to.isValid()) {
        where += u" AND e.time < ?"_s;
        values.append(startOf(filter.to.addDays(1)));
    }
    if (!filter.department.isEmpty()) {
        where += u" AND k.department = ?"_s;
        values.append(filter.department);
    }
    if (!filter.kind.isEmpty()) {
        where += u" AND e.kind = ?"_s;
        values.append(filter.kind);
    }
    if (!filter.caseNumber.isEmpty()) {
        where += u" AND e.case_number = ?"_s;
        values.append(filter.caseNumber);
    }
    qint64 total = 0;
    {
        Result<storage::Rows> counted = m_db.run(u"SELECT COUNT(*)"_s + where, values);
        if (!counted)
            return failWith(counted.error());
        Result<bool> row = counted->fetch();
        if (!row)
            return failWith(row.error());
        if (*row)
            total = counted->value(0).toLongLong();
    }
    QVariantList paged = values;
    paged.append(filter.limit);
    paged.append(filter.offset);
    Result<storage::Rows> rows = m_db.run(u"SELECT e.time, k.department, e.kind, e.case_number, e.body,"
                                          " k.id, k.name, c.snapshot"_s
            + where + u" ORDER BY e.time, e.seq LIMIT ? OFFSET ?"_s,
        paged);
    if (!rows)
        return failWith(rows.error());
    QJsonArray list;
    QHash<QString, QString> names;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        const storage::Rows &r = *rows;
        const QString department = r.value(1).toString();
        if (!names.contains(department))
            names.insert(department,
                parsed(r.value(7).toString())
                    .value(u"matter"_s)
                    .toObject()
                    .value(u"departmentName"_s)
                    .toString());
        const QJsonObject body = parsed(r.value(4).toString());
        list.append(QJsonObject {{u"at"_s, r.value(0).toString()}, {u"department"_s, department},
            {u"departmentName"_s, names.value(department)}, {u"kind"_s, r.value(2).toString()},
            {u"case"_s, r.value(3).toString()}, {u"clerk"_s, body.value(u"clerk"_s).toString()},
            {u"detail"_s, detailOf(body.value(u"payload"_s).toObject())}, {u"keyId"_s, r.value(5).toString()},
            {u"keyName"_s, r.value(6).toString()}});
    }
    if (!row)
        return failWith(row.error());
    return QJsonObject {{u"hall"_s, hall}, {u"total"_s, total}, {u"rows"_s, list}};
}

Result<void> DepartmentLog::recordLook(
    const QString &hall, const QString &who, const QString &action, const Filter &filter)
{
    Result<storage::Rows> inserted = m_db.run(
        u"INSERT INTO supervision_audit (hall, time, who, action, filter) VALUES (?, ?, ?, ?, ?)"_s,
        {hall, CaseJson::timeText(m_clock.nowUtc()), who, action,
            QString::fromUtf8(QJsonDocument(filter.toJson()).toJson(QJsonDocument::Compact))});
    if (!inserted)
        return failWith(inserted.error());
    return {};
}

Result<QJsonArray> DepartmentLog::looks(const QString &hall, int limit) const
{
    Result<storage::Rows> rows = m_db.run(u"SELECT time, who, action, filter FROM supervision_audit"
                                          " WHERE hall = ? ORDER BY id DESC LIMIT ?"_s,
        {hall, limit});
    if (!rows)
        return failWith(rows.error());
    QJsonArray list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        const storage::Rows &r = *rows;
        list.append(QJsonObject {{u"at"_s, r.value(0).toString()}, {u"who"_s, r.value(1).toString()},
            {u"action"_s, r.value(2).toString()}, {u"filter"_s, parsed(r.value(3).toString())}});
    }
    if (!row)
        return failWith(row.error());
    return list;
}

} // namespace ow::server
