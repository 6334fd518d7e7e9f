#include "server/DepartmentLog.h"

#include "cases/CaseJson.h"
#include "server/DepartmentLogChain.h"
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
    // The hash-chained rows written with each action (DepartmentLogChain); the department is the
    // key's. A catalogue sign-off has no hall: every hall's supervisors see it.
    QString where = u" FROM department_log l LEFT JOIN credentials k ON k.id = l.key_id"
                    " WHERE (l.hall = ? OR l.hall = '')"_s;
    QVariantList values {hall};
    if (filter.from.isValid()) {
        where += u" AND l.time >= ?"_s;
        values.append(startOf(filter.from));
    }
    if (filter.to.isValid()) {
        where += u" AND l.time < ?"_s;
        values.append(startOf(filter.to.addDays(1)));
    }
    if (!filter.department.isEmpty()) {
        where += u" AND l.department = ?"_s;
        values.append(filter.department);
    }
    if (!filter.kind.isEmpty()) {
        // A kind of action (status-report…) or the keyword of what was done (approved…).
        where += u" AND (l.action = ? OR l.kind = ?)"_s;
        values.append(filter.kind);
        values.append(filter.kind);
    }
    if (!filter.caseNumber.isEmpty()) {
        where += u" AND l.subject = ?"_s;
        values.append(filter.caseNumber);
    }
    qint64 total = 0;
    {
        Result<std::optional<QVariantList>> counted = m_db.firstRow(u"SELECT COUNT(*)"_s + where, values);
        if (!counted)
            return failWith(counted.error());
        if (*counted)
            total = (*counted)->at(0).toLongLong();
    }
    QVariantList paged = values;
    paged.append(filter.limit);
    paged.append(filter.offset);
    Result<storage::Rows> rows
        = m_db.run(u"SELECT l.seq, l.time, l.department, l.action, l.kind, l.subject, l.clerk, l.detail,"
                   " l.key_id, k.name"_s
                + where + u" ORDER BY l.time, l.seq LIMIT ? OFFSET ?"_s,
            paged);
    if (!rows)
        return failWith(rows.error());
    QJsonArray list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        const storage::Rows &r = *rows;
        const QString action = r.value(3).toString();
        const QString subject = r.value(5).toString();
        const bool ofCase = action == DepartmentAction::kStatusReport
            || action == DepartmentAction::kTransferConfirmation
            || action == DepartmentAction::kResultDocument;
        list.append(QJsonObject {{u"seq"_s, r.value(0).toLongLong()}, {u"at"_s, r.value(1).toString()},
            {u"department"_s, r.value(2).toString()}, {u"departmentName"_s, QString()}, {u"action"_s, action},
            {u"kind"_s, r.value(4).toString()}, {u"subject"_s, subject},
            {u"case"_s, ofCase ? subject : QString()}, {u"clerk"_s, r.value(6).toString()},
            {u"detail"_s, r.value(7).toString()}, {u"keyId"_s, r.value(8).toString()},
            {u"keyName"_s, r.value(9).toString()}});
    }
    if (!row)
        return failWith(row.error());
    // Departments are named as their cases' matters name them (the catalogue's name at intake).
    QHash<QString, QString> names;
    for (qsizetype i = 0; i < list.size(); ++i) {
        QJsonObject o = list.at(i).toObject();
        const QString department = o.value(u"department"_s).toString();
        if (!names.contains(department)) {
            Result<std::optional<QVariantList>> snapshot
                = m_db.firstRow(u"SELECT snapshot FROM cases WHERE department = ? LIMIT 1"_s, {department});
            if (!snapshot)
                return failWith(snapshot.error());
            names.insert(department,
                *snapshot ? parsed((*snapshot)->at(0).toString())
                                .value(u"matter"_s)
                                .toObject()
                                .value(u"departmentName"_s)
                                .toString()
                          : QString());
        }
        o.insert(u"departmentName"_s, names.value(department));
        list.replace(i, o);
    }
    return QJsonObject {{u"hall"_s, hall}, {u"total"_s, total}, {u"rows"_s, list}};
}

Result<DepartmentLogChain::Verification> DepartmentLog::verify() const
{
    return DepartmentLogChain(m_db).verify();
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
