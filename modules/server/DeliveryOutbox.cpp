#include "server/DeliveryOutbox.h"

#include "cases/CaseJson.h"
#include "storage/Database.h"
#include "storage/Rows.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>
#include <cmath>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

const QString kColumns
    = u"d.seq, d.id, d.department, d.hall, d.case_number, d.kind, d.event_id, d.body, d.state,"
      " d.attempts, d.next_attempt, d.last_error, d.created, d.delivered, d.updated"_s;

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

qint64 DeliveryPolicy::retryDelayMs(int attempts, double jitter) const
{
    // Doubling stops well before the cap could overflow.
    const int doublings = std::clamp(attempts - 1, 0, 30);
    const double plain
        = std::min(double(retryCapSeconds), double(firstRetrySeconds) * std::pow(2.0, doublings));
    return qint64(plain * 1000.0 * std::clamp(jitter, 0.75, 1.25));
}

QJsonObject Delivery::summary() const
{
    return QJsonObject {{u"id"_s, id}, {u"department"_s, department}, {u"hall"_s, hall},
        {u"case"_s, caseNumber}, {u"kind"_s, kind}, {u"event"_s, eventId}, {u"state"_s, state},
        {u"attempts"_s, attempts}, {u"nextAttempt"_s, nextAttempt}, {u"lastError"_s, lastError},
        {u"created"_s, created}, {u"delivered"_s, delivered}, {u"updated"_s, updated},
        // The department by name, as the case names it: a supervisor reads names, not ids.
        {u"departmentName"_s,
            body.value(u"case"_s).toObject().value(u"matter"_s).toObject().value(u"departmentName"_s)}};
}

DeliveryOutbox::DeliveryOutbox(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

bool DeliveryOutbox::pushes(cases::EventKind kind)
{
    return kind == cases::EventKind::Accepted || kind == cases::EventKind::AcceptedWithWaiver
        || kind == cases::EventKind::Supplemented || kind == cases::EventKind::Withdrawn;
}

Result<void> DeliveryOutbox::queue(
    const cases::CaseEvent &event, const QJsonObject &eventJson, const QString &stateAfter)
{
    if (!pushes(event.kind))
        return {};
    // A withdrawal that came after the department's decision did not apply (it is a conflict for
    // a person to settle): the department is told to stop only when the case was withdrawn.
    if (event.kind == cases::EventKind::Withdrawn
        && stateAfter != cases::keyword(cases::CaseState::Withdrawn))
        return {};
    Result<std::optional<QVariantList>> found
        = m_db.firstRow(u"SELECT c.hall, c.department, c.snapshot FROM cases c JOIN department_endpoints p"
                        " ON p.department = c.department WHERE c.number = ?"_s,
            {event.caseNumber});
    if (!found)
        return failWith(found.error());
    // No endpoint: the department polls the department API instead.
    if (!*found)
        return {};
    const QString hall = (*found)->at(0).toString();
    const QString department = (*found)->at(1).toString();
    const QJsonObject snapshot = QJsonDocument::fromJson((*found)->at(2).toString().toUtf8()).object();
    // Attachments go by reference: the sender adds each one's signed link at every attempt, so a
    // link is always fresh however long the delivery waited.
    QJsonArray attachments;
    for (const QJsonValue &value : snapshot.value(u"attachments"_s).toArray()) {
        const QJsonObject attachment = value.toObject();
        attachments.append(QJsonObject {{u"name"_s, attachment.value(u"fileName"_s)},
            {u"sha256"_s, attachment.value(u"sha256"_s)}, {u"size"_s, attachment.value(u"size"_s)},
            {u"material"_s, attachment.value(u"material"_s)},
            {u"mimeType"_s, attachment.value(u"mimeType"_s)}});
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    QJsonObject caseObject = snapshot;
    caseObject.remove(u"attachments"_s);
    const QJsonObject body {{u"delivery"_s, id}, {u"kind"_s, cases::keyword(event.kind)},
        {u"department"_s, department}, {u"number"_s, event.caseNumber}, {u"state"_s, stateAfter},
        {u"event"_s, eventJson}, {u"case"_s, caseObject}, {u"attachments"_s, attachments},
        {u"queued"_s, now}};
    Result<storage::Rows> inserted = m_db.run(
        u"INSERT INTO deliveries (id, department, hall, case_number, kind, event_id, body, state, attempts,"
        " next_attempt, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)"_s,
        {id, department, hall, event.caseNumber, cases::keyword(event.kind), event.id, compact(body), now,
            now, now});
    if (!inserted)
        return failWith(inserted.error());
    return {};
}

Result<QList<Delivery>> DeliveryOutbox::select(const QString &where, const QVariantList &values) const
{
    Result<storage::Rows> rows = m_db.run(u"SELECT "_s + kColumns + u" FROM deliveries d "_s + where, values);
    if (!rows)
        return failWith(rows.error());
    QList<Delivery> list;
    Result<bool> row = false;
    while ((row = rows->fetch()) && *row) {
        Delivery d;
        d.seq = rows->value(0).toLongLong();
        d.id = rows->value(1).toString();
        d.department = rows->value(2).toString();
        d.hall = rows->value(3).toString();
        d.caseNumber = rows->value(4).toString();
        d.kind = rows->value(5).toString();
        d.eventId = rows->value(6).toString();
        d.body = QJsonDocument::fromJson(rows->value(7).toString().toUtf8()).object();
        d.state = rows->value(8).toString();
        d.attempts = rows->value(9).toInt();
        d.nextAttempt = rows->value(10).toString();
        d.lastError = rows->value(11).toString();
        d.created = rows->value(12).toString();
        d.delivered = rows->value(13).toString();
        d.updated = rows->value(14).toString();
        list.append(d);
    }
    if (!row)
        return failWith(row.error());
    return list;
}

Result<QList<Delivery>> DeliveryOutbox::due(const QStringList &busy) const
{
    Result<QList<Delivery>> heads
        = select(u"JOIN department_endpoints p ON p.department = d.department WHERE d.state = 'pending'"
                 " AND p.enabled = 1 AND d.next_attempt <= ? AND d.seq = (SELECT min(e.seq) FROM deliveries e"
                 " WHERE e.state = 'pending' AND e.department = d.department) ORDER BY d.seq"_s,
            {cases::CaseJson::timeText(m_clock.nowUtc())});
    if (!heads)
        return heads;
    heads->removeIf([&](const Delivery &d) { return busy.contains(d.department); });
    return heads;
}

Result<bool> DeliveryOutbox::lease(const Delivery &delivery)
{
    const QDateTime now = m_clock.nowUtc();
    Result<storage::Rows> updated
        = m_db.run(u"UPDATE deliveries SET next_attempt = ?, updated = ? WHERE id = ?"
                   " AND state = 'pending' AND next_attempt = ?"_s,
            {cases::CaseJson::timeText(now.addSecs(kLeaseSeconds)), cases::CaseJson::timeText(now),
                delivery.id, delivery.nextAttempt});
    if (!updated)
        return failWith(updated.error());
    return updated->numRowsAffected() == 1;
}

Result<void> DeliveryOutbox::markDelivered(const Delivery &delivery)
{
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    Result<storage::Rows> updated
        = m_db.run(u"UPDATE deliveries SET state = 'delivered', attempts = ?, last_error = '', delivered = ?,"
                   " updated = ? WHERE id = ? AND state = 'pending'"_s,
            {delivery.attempts + 1, now, now, delivery.id});
    if (!updated)
        return failWith(updated.error());
    return {};
}

Result<QString> DeliveryOutbox::markFailed(
    const Delivery &delivery, const QString &error, const DeliveryPolicy &policy)
{
    const QDateTime now = m_clock.nowUtc();
    const int attempts = delivery.attempts + 1;
    const QDateTime created = cases::CaseJson::timeFrom(delivery.created);
    const bool tooOld = created.isValid() && created.secsTo(now) >= policy.maxAgeHours * 3600;
    const QString state = attempts >= policy.maxAttempts || tooOld ? QString(kDead) : QString(kPending);
    const double jitter = 0.75 + 0.5 * QRandomGenerator::global()->generateDouble();
    const QDateTime next = now.addMSecs(policy.retryDelayMs(attempts, jitter));
    Result<storage::Rows> updated
        = m_db.run(u"UPDATE deliveries SET state = ?, attempts = ?, last_error = ?, next_attempt = ?,"
                   " updated = ? WHERE id = ? AND state = 'pending'"_s,
            {state, attempts, error.left(500), cases::CaseJson::timeText(next),
                cases::CaseJson::timeText(now), delivery.id});
    if (!updated)
        return failWith(updated.error());
    return state;
}

Result<QList<Delivery>> DeliveryOutbox::list(bool deadOnly, const QString &hall, int limit) const
{
    QStringList conditions;
    QVariantList values;
    if (deadOnly)
        conditions.append(u"d.state = 'dead'"_s);
    if (!hall.isEmpty()) {
        conditions.append(u"d.hall = ?"_s);
        values.append(hall);
    }
    values.append(limit);
    return select((conditions.isEmpty() ? QString() : u"WHERE "_s + conditions.join(u" AND "_s))
            + u" ORDER BY d.seq DESC LIMIT ?"_s,
        values);
}

Result<bool> DeliveryOutbox::resend(const QString &id, const QString &hall)
{
    const QString now = cases::CaseJson::timeText(m_clock.nowUtc());
    // Counted afresh from now: created is reset too, or the age limit would kill it at once.
    QString sql = u"UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt = ?, created = ?,"
                  " updated = ? WHERE id = ? AND state = 'dead'"_s;
    QVariantList values {now, now, now, id};
    if (!hall.isEmpty()) {
        sql += u" AND hall = ?"_s;
        values.append(hall);
    }
    Result<storage::Rows> updated = m_db.run(sql, values);
    if (!updated)
        return failWith(updated.error());
    return updated->numRowsAffected() > 0;
}

} // namespace ow::server
