#include "server/ActivityRepository.h"

#include "cases/CaseJson.h"
#include "storage/Rows.h"
#include "storage/Transaction.h"

#include <QJsonDocument>
#include <QTimeZone>
#include <QUuid>

namespace ow::server {

using namespace Qt::StringLiterals;
using cases::CaseJson;
using cases::ClerkActivity;
using supervision::PointCorrection;

namespace {

/// The UTC text of the start of a local day: stored times are UTC texts that sort as time.
QString startOf(QDate day)
{
    return CaseJson::timeText(day.startOfDay());
}

} // namespace

ActivityRepository::ActivityRepository(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

Result<QList<ActivityRepository::Stored>> ActivityRepository::store(
    const QString &hall, const QString &credentialId, const QList<ClerkActivity> &activities)
{
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    QList<Stored> results;
    for (const ClerkActivity &a : activities) {
        Result<std::optional<QVariantList>> known
            = m_db.firstRow(u"SELECT hall FROM clerk_activities WHERE id = ?"_s, {a.id});
        if (!known)
            return failWith(known.error());
        if (*known) {
            results.append((**known).at(0).toString() == hall ? Stored::Duplicate : Stored::OtherHall);
            continue;
        }
        Result<storage::Rows> inserted = m_db.run(
            u"INSERT INTO clerk_activities (id, hall, kind, staff_number, clerk_name, at, matter, detail,"
            " credential, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {a.id, hall, a.kind, a.staffNumber, a.clerkName, CaseJson::timeText(a.at), a.matter,
                QString::fromUtf8(QJsonDocument(a.detail).toJson(QJsonDocument::Compact)), credentialId,
                now});
        if (!inserted)
            return failWith(inserted.error());
        results.append(Stored::Stored);
    }
    m_db.finishStatements();
    if (Result<void> committed = transaction.commit(); !committed)
        return failWith(committed.error());
    return results;
}

Result<QList<ClerkActivity>> ActivityRepository::activities(
    const QString &hall, const QString &kind, QDate from, QDate to) const
{
    QString sql = u"SELECT id, kind, staff_number, clerk_name, at, matter, detail FROM clerk_activities"
                  " WHERE hall = ?"_s;
    QVariantList values {hall};
    if (!kind.isEmpty()) {
        sql += u" AND kind = ?"_s;
        values.append(kind);
    }
    if (from.isValid()) {
        sql += u" AND at >= ?"_s;
        values.append(startOf(from));
    }
    if (to.isValid()) {
        sql += u" AND at < ?"_s;
        values.append(startOf(to.addDays(1)));
    }
    sql += u" ORDER BY at, id"_s;
    Result<storage::Rows> rows = m_db.run(sql, values);
    if (!rows)
        return failWith(rows.error());
    return ClerkActivity::readAll(*rows);
}

Result<PointCorrection> ActivityRepository::correct(const QString &hall, const QString &staffNumber,
    int points, const QString &reason, const QString &by, QDate month)
{
    PointCorrection c {QUuid::createUuid().toString(QUuid::WithoutBraces), staffNumber, points, reason, by,
        m_clock.nowUtc(), QDate(month.year(), month.month(), 1)};
    Result<storage::Rows> inserted = m_db.run(
        u"INSERT INTO point_corrections (id, hall, staff_number, points, reason, by_name, month, at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
        {c.id, hall, c.staffNumber, c.points, c.reason, c.by, c.month.toString(u"yyyy-MM"_s),
            CaseJson::timeText(c.at)});
    if (!inserted)
        return failWith(inserted.error());
    m_db.finishStatements();
    return c;
}

Result<QList<PointCorrection>> ActivityRepository::corrections(const QString &hall, QDate month) const
{
    Result<storage::Rows> rows
        = m_db.run(u"SELECT id, staff_number, points, reason, by_name, at FROM point_corrections"
                   " WHERE hall = ? AND month = ? ORDER BY at, id"_s,
            {hall, month.toString(u"yyyy-MM"_s)});
    if (!rows)
        return failWith(rows.error());
    QList<PointCorrection> list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row)
        list.append(PointCorrection {rows->value(0).toString(), rows->value(1).toString(),
            rows->value(2).toInt(), rows->value(3).toString(), rows->value(4).toString(),
            CaseJson::timeFrom(rows->value(5).toString()), QDate(month.year(), month.month(), 1)});
    if (!row)
        return failWith(row.error());
    return list;
}

} // namespace ow::server
