#include "server/CaseRepository.h"

#include "cases/CaseJson.h"
#include "cases/CaseLifecycle.h"
#include "cases/CaseNumber.h"
#include "server/CounterClocks.h"
#include "server/DeliveryOutbox.h"
#include "server/DepartmentLogChain.h"
#include "storage/Transaction.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUuid>

namespace ow::server {

using namespace ow::cases;
namespace protocol = ow::sync::protocol;

namespace {

QString str(const char *key)
{
    return QString::fromLatin1(key);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

// The server's state after an event: forward by rank, or within a rank by a legal move. An event
// that would lower the rank arrived late: it is stored but the case stays where it is.
CaseState nextState(CaseState current, EventKind kind)
{
    const std::optional<CaseState> target = targetState(kind);
    if (!target)
        return current;
    // A withdrawal outranks every decision, yet only an undecided case can be withdrawn: one that
    // arrives after the department's decision is stored (and flagged as a conflict) but not applied.
    if (*target == CaseState::Withdrawn)
        return CaseLifecycle::canMove(current, *target) ? *target : current;
    const int from = CaseLifecycle::rank(current);
    const int to = CaseLifecycle::rank(*target);
    if (to > from || (to == from && CaseLifecycle::canMove(current, *target)))
        return *target;
    return current;
}

// A withdrawal the server does not apply (the department decided first) must not bring its snapshot
// in: that snapshot would outrank the decided one while claiming a state the case never took.
bool isUnappliedWithdrawal(std::optional<CaseState> claimed, CaseState serverState)
{
    return claimed == CaseState::Withdrawn && serverState != CaseState::Withdrawn
        && !CaseLifecycle::canMove(serverState, CaseState::Withdrawn);
}

// Decisions that exclude each other: two of one group on one case is a conflict.
QStringList decisionGroup(EventKind kind)
{
    switch (kind) {
    case EventKind::Accepted:
    case EventKind::AcceptedWithWaiver:
    case EventKind::Refused:
        return {keyword(EventKind::Accepted), keyword(EventKind::AcceptedWithWaiver),
            keyword(EventKind::Refused)};
    case EventKind::Approved:
    case EventKind::Denied:
    case EventKind::Withdrawn:
        // A decision on a withdrawn application, or a withdrawal of a decided one, needs a person.
        return {keyword(EventKind::Approved), keyword(EventKind::Denied), keyword(EventKind::Withdrawn)};
    default:
        return {};
    }
}

// Dates on the public page are the hall's calendar dates (China Standard Time).
QDate hallDate(const QString &timeText)
{
    const QDateTime time = CaseJson::timeFrom(timeText);
    return time.isValid() ? time.toTimeZone(QTimeZone(8 * 3600)).date() : QDate();
}

} // namespace

CaseRepository::CaseRepository(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

Result<CaseRepository::CaseRow> CaseRepository::caseRow(const QString &number) const
{
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        QStringLiteral("SELECT state, snapshot_time, snapshot_rank, qr_token FROM cases WHERE number = ?"),
        {number});
    if (!found)
        return failWith(found.error());
    CaseRow row;
    if (const std::optional<QVariantList> &columns = *found) {
        row.exists = true;
        row.state = caseStateFromKeyword(columns->at(0).toString()).value_or(CaseState::Draft);
        row.snapshotTime = columns->at(1).toString();
        row.snapshotRank = columns->at(2).toInt();
        row.qrToken = columns->at(3).toString();
    }
    return row;
}

Result<QList<EventResult>> CaseRepository::ingest(
    const Credential &workstation, const QList<IncomingEvent> &batch, const QDateTime &counterTime)
{
    const QDateTime nowTime = m_clock.nowUtc();
    const QString now = CaseJson::timeText(nowTime);
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    QList<EventResult> results;
    results.reserve(batch.size());
    for (const IncomingEvent &incoming : batch) {
        Result<EventResult> result = ingestOne(workstation, incoming, nowTime, now);
        if (!result)
            return failWith(result.error());
        results.append(*result);
    }
    if (counterTime.isValid()) {
        done = CounterClocks(m_db).record(workstation, counterTime, nowTime);
        if (!done)
            return failWith(done.error());
    }
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    return results;
}

Result<std::optional<QString>> CaseRepository::eventIdCollision(
    const QString &eventId, const QString &number) const
{
    Result<std::optional<QVariantList>> found
        = m_db.firstRow(QStringLiteral("SELECT case_number FROM events WHERE event_id = ?"), {eventId});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<QString>();
    const QString owner = (*found)->at(0).toString();
    return std::optional(owner == number ? QString() : owner);
}

Result<EventResult> CaseRepository::ingestOne(const Credential &workstation, const IncomingEvent &incoming,
    const QDateTime &nowTime, const QString &now)
{
    EventResult result;
    result.id
        = incoming.event.id.isEmpty() ? incoming.eventJson.value(str("id")).toString() : incoming.event.id;
    result.status = protocol::kRejected;
    if (!incoming.problem.isEmpty()) {
        result.message = incoming.problem;
        return result;
    }
    const CaseEvent &event = incoming.event;
    const QString hall = event.caseNumber.left(CaseNumber::kHallLength);
    if (hall != workstation.hall) {
        result.message = QCoreApplication::translate(
            "ow::server", "The case %1 belongs to hall %2; this workstation is enrolled in hall %3.")
                             .arg(event.caseNumber, hall, workstation.hall);
        return result;
    }
    // The event id is the idempotency key of the whole server: the same id on the same case is a
    // repeat; on another case (of this hall or another) it is a collision, refused so that neither
    // event silently replaces the other.
    Result<std::optional<QString>> seen = eventIdCollision(event.id, event.caseNumber);
    if (!seen)
        return failWith(seen.error());
    if (*seen && (*seen)->isEmpty()) {
        result.status = protocol::kDuplicate;
        return result;
    }
    if (*seen) {
        result.message = QCoreApplication::translate(
            "ow::server", "The event id %1 is already used by another event; make a new id for this one.")
                             .arg(event.id);
        return result;
    }
    result.message = m_validator.check(incoming, workstation, nowTime);
    if (!result.message.isEmpty())
        return result;
    Result<CaseRow> row = caseRow(event.caseNumber);
    if (!row)
        return failWith(row.error());
    result.message = EventValidator::checkOrder(incoming, row->exists);
    if (!result.message.isEmpty())
        return result;
    if (incoming.snapshot) {
        const Case &c = *incoming.snapshot;
        if (row->exists && c.qrToken != row->qrToken) {
            result.message = QCoreApplication::translate(
                "ow::server", "The QR token of the case %1 cannot change once the server holds it.")
                                 .arg(c.number);
            return result;
        }
        Result<QVariant> tokenOwner
            = m_db.scalar(QStringLiteral("SELECT count(*) FROM cases WHERE qr_token = ? AND number <> ?"),
                {c.qrToken, c.number});
        if (!tokenOwner)
            return failWith(tokenOwner.error());
        if (tokenOwner->toInt() > 0) {
            result.message = QCoreApplication::translate(
                "ow::server", "The QR token of the case %1 is already another case's; it must be new.")
                                 .arg(c.number);
            return result;
        }
        // Which snapshot the server keeps is decided by what it can trust: the lifecycle rank the
        // counter reached with it, then the order the server received them in. The counter's clock
        // has no say (docs/sync-protocol.md, "Order").
        const std::optional<CaseState> claimed
            = caseStateFromKeyword(incoming.entryJson.value(str("state")).toString());
        const int rank = CaseLifecycle::rank(claimed.value_or(CaseState::Draft));
        const QString eventTime = CaseJson::timeText(event.time);
        if (!row->exists) {
            Result<storage::Rows> insert = m_db.run(
                QStringLiteral(
                    "INSERT INTO cases (number, hall, department, qr_token, state, snapshot, snapshot_time,"
                    " snapshot_rank, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {c.number, hall, c.departmentId, c.qrToken, keyword(CaseState::Draft),
                    compact(incoming.snapshotJson), eventTime, rank, now, now});
            if (!insert)
                return failWith(insert.error());
        } else if (rank >= row->snapshotRank && !isUnappliedWithdrawal(claimed, row->state)) {
            Result<storage::Rows> update
                = m_db.run(QStringLiteral("UPDATE cases SET department = ?, snapshot = ?, snapshot_time = ?,"
                                          " snapshot_rank = ? WHERE number = ?"),
                    {c.departmentId, compact(incoming.snapshotJson), eventTime, rank, c.number});
            if (!update)
                return failWith(update.error());
        }
        for (const CaseAttachment &attachment : c.attachments) {
            Result<storage::Rows> cite
                = m_db.run(QStringLiteral("INSERT INTO case_attachments (case_number, sha256)"
                                          " VALUES (?, ?) ON CONFLICT DO NOTHING"),
                    {c.number, attachment.sha256});
            if (!cite)
                return failWith(cite.error());
        }
    }
    Result<CaseState> state = record(event, incoming.eventJson, hall, workstation.id, row->state, now);
    if (!state)
        return failWith(state.error());
    // Queued with the event, in its transaction: an accepted case is never stored without its push.
    if (Result<void> queued = DeliveryOutbox(m_db, m_clock).queue(event, incoming.eventJson, keyword(*state));
        !queued)
        return failWith(queued.error());
    result.status = protocol::kStored;
    return result;
}

Result<CaseState> CaseRepository::record(const CaseEvent &event, const QJsonObject &eventJson,
    const QString &hall, const QString &origin, CaseState current, const QString &now)
{
    const CaseState next = nextState(current, event.kind);
    if (!decisionGroup(event.kind).isEmpty()) {
        Result<void> flagged = flagConflict(event, hall, now);
        if (!flagged)
            return failWith(flagged.error());
    }
    Result<storage::Rows> insert = m_db.run(QStringLiteral("INSERT INTO events (event_id, case_number, hall, "
                                                           "kind, time, origin, state_after, received, body)"
                                                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {event.id, event.caseNumber, hall, keyword(event.kind), CaseJson::timeText(event.time), origin,
            keyword(next), now, compact(eventJson)});
    if (!insert)
        return failWith(insert.error());
    Result<storage::Rows> update
        = m_db.run(QStringLiteral("UPDATE cases SET state = ?, updated = ? WHERE number = ?"),
            {keyword(next), now, event.caseNumber});
    if (!update)
        return failWith(update.error());
    return next;
}

Result<void> CaseRepository::flagConflict(const CaseEvent &event, const QString &hall, const QString &now)
{
    const QStringList group = decisionGroup(event.kind);
    QVariantList values {event.caseNumber, keyword(event.kind)};
    for (const QString &kind : group)
        values.append(kind);
    QStringList marks(group.size(), QStringLiteral("?"));
    Result<std::optional<QVariantList>> found
        = m_db.firstRow(QStringLiteral("SELECT event_id, kind FROM events WHERE case_number = ? AND kind <> ?"
                                       " AND kind IN (")
                + marks.join(QStringLiteral(", ")) + QStringLiteral(") ORDER BY seq LIMIT 1"),
            values);
    if (!found)
        return failWith(found.error());
    if (!*found)
        return {};
    const QVariantList &other = **found;
    Result<storage::Rows> insert = m_db.run(
        QStringLiteral(
            "INSERT INTO conflicts (case_number, hall, first_event, second_event, first_kind, second_kind,"
            " detected) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {event.caseNumber, hall, other.at(0).toString(), event.id, other.at(1).toString(),
            keyword(event.kind), now});
    if (!insert)
        return failWith(insert.error());
    Result<storage::Rows> flag
        = m_db.run(QStringLiteral("UPDATE cases SET conflicted = 1 WHERE number = ?"), {event.caseNumber});
    if (!flag)
        return failWith(flag.error());
    return {};
}

Result<QJsonObject> CaseRepository::changes(const QString &hall, qint64 after, int limit) const
{
    Result<storage::Rows> select = m_db.run(
        QStringLiteral(
            "SELECT seq, body, state_after FROM events WHERE hall = ? AND seq > ? ORDER BY seq LIMIT ?"),
        {hall, after, limit + 1});
    if (!select)
        return failWith(select.error());
    QJsonArray changes;
    qint64 cursor = after;
    bool more = false;
    Result<bool> row = false;
    while ((row = select->fetch()) && *row) {
        if (changes.size() == limit) {
            more = true;
            break;
        }
        cursor = select->value(0).toLongLong();
        changes.append(QJsonObject {{str("cursor"), QString::number(cursor)},
            {str("event"), objectFrom(select->value(1).toString())},
            {str("state"), select->value(2).toString()}});
    }
    // A read that failed mid-page must not pass for the last page: the client would skip the rest.
    if (!row)
        return failWith(row.error());
    return QJsonObject {
        {str("changes"), changes}, {str("cursor"), QString::number(cursor)}, {str("more"), more}};
}

Result<std::optional<QJsonObject>> CaseRepository::caseWithEvents(const QString &number) const
{
    Result<std::optional<QVariantList>> found
        = m_db.firstRow(QStringLiteral("SELECT snapshot, state FROM cases WHERE number = ?"), {number});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<QJsonObject>();
    QJsonObject snapshot = objectFrom((*found)->at(0).toString());
    snapshot.insert(str("state"), (*found)->at(1).toString());
    Result<storage::Rows> events
        = m_db.run(QStringLiteral("SELECT body FROM events WHERE case_number = ? ORDER BY seq"), {number});
    if (!events)
        return failWith(events.error());
    QJsonArray list;
    Result<bool> row = false;
    while ((row = events->fetch()) && *row)
        list.append(objectFrom(events->value(0).toString()));
    if (!row)
        return failWith(row.error());
    return std::optional<QJsonObject>(QJsonObject {{str("case"), snapshot}, {str("events"), list}});
}

Result<std::optional<std::pair<QString, QString>>> CaseRepository::owner(const QString &number) const
{
    Result<std::optional<QVariantList>> found
        = m_db.firstRow(QStringLiteral("SELECT hall, department FROM cases WHERE number = ?"), {number});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<std::pair<QString, QString>>();
    return std::optional(std::pair((*found)->at(0).toString(), (*found)->at(1).toString()));
}

Result<QJsonArray> CaseRepository::conflicts(const QString &hall) const
{
    Result<storage::Rows> select
        = m_db.run(QStringLiteral("SELECT id, case_number, first_event, first_kind, second_event,"
                                  " second_kind, detected FROM conflicts WHERE hall = ? ORDER BY id"),
            {hall});
    if (!select)
        return failWith(select.error());
    QJsonArray list;
    Result<bool> row = false;
    while ((row = select->fetch()) && *row)
        list.append(
            QJsonObject {{str("id"), select->value(0).toString()}, {str("case"), select->value(1).toString()},
                {str("first"),
                    QJsonObject {{str("event"), select->value(2).toString()},
                        {str("kind"), select->value(3).toString()}}},
                {str("second"),
                    QJsonObject {{str("event"), select->value(4).toString()},
                        {str("kind"), select->value(5).toString()}}},
                {str("detected"), select->value(6).toString()}});
    if (!row)
        return failWith(row.error());
    return list;
}

Result<QJsonObject> CaseRepository::departmentCases(
    const QString &department, const QString &state, const QString &after) const
{
    constexpr int kPage = 200;
    QString sql = QStringLiteral(
        "SELECT number, state, snapshot, updated FROM cases WHERE department = ? AND number > ?");
    QVariantList values {department, after};
    if (!state.isEmpty()) {
        sql += QStringLiteral(" AND state = ?");
        values.append(state);
    }
    sql += QStringLiteral(" ORDER BY number LIMIT ?");
    values.append(kPage + 1);
    Result<storage::Rows> select = m_db.run(sql, values);
    if (!select)
        return failWith(select.error());
    QJsonArray list;
    QString cursor = after;
    bool more = false;
    Result<bool> row = false;
    while ((row = select->fetch()) && *row) {
        if (list.size() == kPage) {
            more = true;
            break;
        }
        cursor = select->value(0).toString();
        const QJsonObject snapshot = objectFrom(select->value(2).toString());
        list.append(QJsonObject {{str("number"), cursor}, {str("state"), select->value(1).toString()},
            {str("matter"), snapshot.value(str("matter"))}, {str("created"), snapshot.value(str("created"))},
            {str("promisedDeadline"), snapshot.value(str("promisedDeadline"))},
            {str("updated"), select->value(3).toString()}});
    }
    if (!row)
        return failWith(row.error());
    return QJsonObject {{str("cases"), list}, {str("cursor"), cursor}, {str("more"), more}};
}

Result<DepartmentOutcome> CaseRepository::departmentEvent(
    const Credential &department, const QString &number, const DepartmentEventRequest &request)
{
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    Result<void> done = transaction.begin();
    if (!done)
        return failWith(done.error());
    DepartmentOutcome outcome;
    Result<std::optional<std::pair<QString, QString>>> found = owner(number);
    if (!found)
        return failWith(found.error());
    if (!*found) {
        outcome.status = DepartmentOutcome::Status::NotFound;
        return outcome;
    }
    if ((*found)->second != department.department) {
        outcome.status = DepartmentOutcome::Status::OtherDepartment;
        return outcome;
    }
    if (!request.id.isEmpty()) {
        Result<std::optional<QVariantList>> stored = m_db.firstRow(
            QStringLiteral("SELECT body, state_after FROM events WHERE event_id = ? AND case_number = ?"),
            {request.id, number});
        if (!stored)
            return failWith(stored.error());
        if (*stored) {
            outcome.status = DepartmentOutcome::Status::Repeated;
            outcome.event = objectFrom((*stored)->at(0).toString());
            outcome.state = (*stored)->at(1).toString();
            return outcome;
        }
        // The id of an event of another case: refused, never stored over it or failing on it.
        Result<std::optional<QString>> other = eventIdCollision(request.id, number);
        if (!other)
            return failWith(other.error());
        if (*other) {
            outcome.status = DepartmentOutcome::Status::IdCollision;
            outcome.message = QCoreApplication::translate(
                "ow::server", "The event id %1 is already used by another event; make a new id for this one.")
                                  .arg(request.id);
            return outcome;
        }
    }
    Result<CaseRow> row = caseRow(number);
    if (!row)
        return failWith(row.error());
    const CaseState target = *targetState(request.kind);
    if (!CaseLifecycle::canMove(row->state, target)) {
        outcome.status = DepartmentOutcome::Status::IllegalTransition;
        outcome.message = QCoreApplication::translate("ow::server", "A case in state %1 cannot move to %2.")
                              .arg(keyword(row->state), keyword(target));
        return outcome;
    }
    CaseEvent event;
    event.id = request.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : request.id;
    event.caseNumber = number;
    event.kind = request.kind;
    event.time = m_clock.nowUtc();
    event.clerk = request.clerk;
    event.payload = request.payload;
    event.payload.insert(str("department"), department.department);
    QJsonObject eventJson = CaseJson::event(event);
    eventJson.remove(str("sequence"));
    Result<CaseState> state = record(event, eventJson, (*found)->first, department.id, row->state, now);
    if (!state)
        return failWith(state.error());
    // Chained in the same transaction: a report cannot be stored without its row in the log.
    Result<DepartmentAction> logged = DepartmentLogChain(m_db).append(
        DepartmentLogChain::ofEvent(department, (*found)->first, event, DepartmentAction::kStatusReport));
    if (!logged)
        return failWith(logged.error());
    done = transaction.commit();
    if (!done)
        return failWith(done.error());
    outcome.event = eventJson;
    outcome.state = keyword(*state);
    return outcome;
}

Result<QJsonArray> CaseRepository::recordDepartmentEvents(
    const Credential &department, const QList<CaseEvent> &events)
{
    const QString now = CaseJson::timeText(m_clock.nowUtc());
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return failWith(begun.error());
    QJsonArray stored;
    for (CaseEvent event : events) {
        Result<std::optional<std::pair<QString, QString>>> found = owner(event.caseNumber);
        if (!found)
            return failWith(found.error());
        if (!*found || (*found)->second != department.department)
            continue;
        Result<CaseRow> row = caseRow(event.caseNumber);
        if (!row)
            return failWith(row.error());
        if (!CaseLifecycle::apply(row->state, event.kind))
            continue; // the case moved on meanwhile (the department already reviews it)
        event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        event.time = m_clock.nowUtc();
        event.payload.insert(str("department"), department.department);
        QJsonObject eventJson = CaseJson::event(event);
        eventJson.remove(str("sequence"));
        Result<CaseState> state = record(event, eventJson, (*found)->first, department.id, row->state, now);
        if (!state)
            return failWith(state.error());
        Result<DepartmentAction> logged = DepartmentLogChain(m_db).append(DepartmentLogChain::ofEvent(
            department, (*found)->first, event, DepartmentAction::kTransferConfirmation));
        if (!logged)
            return failWith(logged.error());
        eventJson.insert(str("state"), keyword(*state));
        stored.append(eventJson);
    }
    if (Result<void> done = transaction.commit(); !done)
        return failWith(done.error());
    return stored;
}

Result<std::optional<PublicStatus>> CaseRepository::publicStatus(const QString &qrToken) const
{
    Result<std::optional<QVariantList>> found = m_db.firstRow(
        QStringLiteral(
            "SELECT number, snapshot, state, created FROM cases WHERE qr_token = ? AND qr_token <> ''"),
        {qrToken});
    if (!found)
        return failWith(found.error());
    if (!*found)
        return std::optional<PublicStatus>();
    const QVariantList &columns = **found;
    const QString number = columns.at(0).toString();
    const QJsonObject snapshot = objectFrom(columns.at(1).toString());
    PublicStatus status;
    const QJsonObject matter = snapshot.value(str("matter")).toObject();
    status.matterName = matter.value(str("name")).toString();
    status.departmentName = matter.value(str("departmentName")).toString();
    status.state = caseStateFromKeyword(columns.at(2).toString()).value_or(CaseState::Draft);
    status.created = hallDate(snapshot.value(str("created")).toString());
    if (!status.created.isValid())
        status.created = hallDate(columns.at(3).toString());
    status.promisedDeadline
        = QDate::fromString(snapshot.value(str("promisedDeadline")).toString(), Qt::ISODate);
    Result<storage::Rows> events = m_db.run(
        QStringLiteral("SELECT kind, time, body FROM events WHERE case_number = ? ORDER BY seq"), {number});
    if (!events)
        return failWith(events.error());
    QJsonArray bodies;
    Result<bool> row = false;
    while ((row = events->fetch()) && *row) {
        bodies.append(objectFrom(events->value(2).toString()));
        const std::optional<EventKind> kind = eventKindFromKeyword(events->value(0).toString());
        const QDate date = hallDate(events->value(1).toString());
        if (!kind)
            continue;
        switch (*kind) {
        case EventKind::Accepted:
        case EventKind::AcceptedWithWaiver:
            status.accepted = date;
            break;
        case EventKind::Approved:
        case EventKind::Denied:
            status.decided = date;
            break;
        case EventKind::ResultReady:
            status.resultReady = date;
            break;
        case EventKind::PickedUp:
        case EventKind::Mailed:
        case EventKind::Refused:
            status.closed = date;
            break;
        case EventKind::Withdrawn:
            // Only a withdrawal that applied closes the case (one after a decision is a conflict).
            if (status.state == CaseState::Withdrawn)
                status.closed = date;
            break;
        default:
            break;
        }
    }
    if (!row)
        return failWith(row.error());
    status.next = ApplicantNextStep::of(status.state, snapshot, bodies);
    return std::optional<PublicStatus>(status);
}

Result<bool> CaseRepository::mayReadAttachment(const Credential &credential, const QString &sha256) const
{
    const bool department = credential.kind == Credential::Kind::Department;
    if (!department && credential.kind != Credential::Kind::Workstation)
        return false;
    // Citing a hash in a case is not enough: the hall of the citing case must have uploaded the
    // file itself (attachment_holders), so knowing another hall's hash gives nothing.
    Result<QVariant> count = m_db.scalar(
        QStringLiteral("SELECT count(*) FROM case_attachments a JOIN cases c ON c.number = a.case_number"
                       " JOIN attachment_holders h ON h.sha256 = a.sha256 AND h.hall = c.hall"
                       " WHERE a.sha256 = ? AND ")
            + (department ? QStringLiteral("c.department = ?") : QStringLiteral("c.hall = ?")),
        {sha256, department ? credential.department : credential.hall});
    if (!count)
        return failWith(count.error());
    return count->toInt() > 0;
}

} // namespace ow::server
