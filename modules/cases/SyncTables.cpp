#include "cases/SyncTables.h"

#include "cases/CaseJson.h"
#include "cases/CaseLifecycle.h"
#include "cases/CaseTables.h"
#include "cases/ResultDocuments.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ow::cases {

namespace {

QString context(const char *what)
{
    return QCoreApplication::translate("ow::cases", what);
}

Result<void> run(
    const storage::Database &db, const QString &sql, const QVariantList &values, const QString &what)
{
    Result<QSqlQuery> query = db.prepare(sql);
    if (!query)
        return failWith(query.error());
    for (const QVariant &value : values)
        query->addBindValue(value);
    return storage::Database::exec(*query, what);
}

Result<AuditEntry> audit(const AuditLog &log, const CaseEvent &event, const QString &action, CaseState state)
{
    // The row says the event came from the server, so a reader of the trail never takes a
    // department's decision for one made at this counter.
    const QJsonObject detail {{QStringLiteral("event"), event.id}, {QStringLiteral("state"), keyword(state)},
        {QStringLiteral("origin"), QStringLiteral("server")}};
    return log.recordInTransaction(AuditEntry {0, {}, event.clerk, event.counter, action, event.caseNumber,
        QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)), {}, {}});
}

/// The state of the case after its log, never lower in rank than `current`: a late event is kept in
/// the log but does not move the case backwards.
CaseState derivedState(const QList<CaseEvent> &log, CaseState current)
{
    const Derivation derived = CaseLifecycle::derive(log);
    if (!derived.created || CaseLifecycle::rank(derived.state) < CaseLifecycle::rank(current))
        return current;
    return derived.state;
}

} // namespace

Result<QList<OutboxEntry>> SyncTables::failedOutbox(const storage::Database &db, int limit)
{
    Result<storage::Rows> select = db.run(
        QStringLiteral(
            "SELECT id, event_id, failed FROM outbox WHERE failed IS NOT NULL ORDER BY id DESC LIMIT ?"),
        {std::max(limit, 1)});
    if (!select)
        return failWith(select.error());
    QList<OutboxEntry> entries;
    Result<bool> row = false;
    while ((row = select->fetch()) && *row)
        entries.append(OutboxEntry {select->value(0).toLongLong(), select->value(1).toString(),
            select->value(2).toString().toUtf8()});
    if (!row)
        return failWith(row.error());
    return entries;
}

Result<QList<OutboxEntry>> SyncTables::pendingOutbox(const storage::Database &db, int limit, qint64 afterId)
{
    Result<QSqlQuery> query
        = db.prepare(QStringLiteral("SELECT id, event_id, payload FROM outbox WHERE sent "
                                    "IS NULL AND failed IS NULL AND id > ? ORDER BY id LIMIT ?"));
    if (!query)
        return failWith(query.error());
    query->addBindValue(afterId);
    query->addBindValue(std::max(limit, 1));
    query->setForwardOnly(true);
    Result<void> done
        = storage::Database::exec(*query, context(QT_TRANSLATE_NOOP("ow::cases", "reading the outbox")));
    if (!done)
        return failWith(done.error());
    QList<OutboxEntry> entries;
    Result<bool> row = false;
    while ((row = storage::Rows::fetch(*query)) && *row)
        entries.append(OutboxEntry {
            query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString().toUtf8()});
    if (!row)
        return failWith(row.error());
    return entries;
}

Result<void> SyncTables::markOutboxSent(
    const storage::Database &db, const QList<qint64> &ids, const QDateTime &now)
{
    const QString what = context(QT_TRANSLATE_NOOP("ow::cases", "marking outbox rows as sent"));
    for (qint64 id : ids) {
        Result<void> done
            = run(db, QStringLiteral("UPDATE outbox SET sent = ? WHERE id = ? AND sent IS NULL"),
                {CaseJson::timeText(now), id}, what);
        if (!done)
            return done;
    }
    return {};
}

Result<void> SyncTables::markOutboxFailed(const storage::Database &db, qint64 id, const QString &message)
{
    // Never empty: a NULL or '' would read as "not failed" to a careless query.
    const QString text = message.trimmed().isEmpty() ? QStringLiteral("rejected") : message;
    return run(db, QStringLiteral("UPDATE outbox SET failed = ? WHERE id = ? AND sent IS NULL"), {text, id},
        context(QT_TRANSLATE_NOOP("ow::cases", "marking an outbox row as failed")));
}

Result<OutboxCounts> SyncTables::outboxCounts(const storage::Database &db)
{
    Result<QSqlQuery> query = db.prepare(QStringLiteral(
        "SELECT coalesce(sum(sent IS NULL AND failed IS NULL), 0), coalesce(sum(failed IS NOT NULL), 0),"
        " coalesce(sum(sent IS NOT NULL), 0) FROM outbox"));
    if (!query)
        return failWith(query.error());
    Result<void> done
        = storage::Database::exec(*query, context(QT_TRANSLATE_NOOP("ow::cases", "counting the outbox")));
    if (!done)
        return failWith(done.error());
    OutboxCounts counts;
    Result<bool> found = storage::Rows::fetch(*query);
    if (!found)
        return failWith(found.error());
    if (*found) {
        counts.pending = query->value(0).toLongLong();
        counts.failed = query->value(1).toLongLong();
        counts.sent = query->value(2).toLongLong();
    }
    return counts;
}

Result<QString> SyncTables::value(const storage::Database &db, const QString &key)
{
    Result<QVariant> found = db.scalar(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (!found)
        return failWith(found.error());
    return found->toString();
}

Result<void> SyncTables::setValue(const storage::Database &db, const QString &key, const QString &value)
{
    return run(db, QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)"),
        {key, value}, context(QT_TRANSLATE_NOOP("ow::cases", "saving the sync state")));
}

Result<bool> SyncTables::isUploaded(const storage::Database &db, const QString &sha256)
{
    Result<QVariant> found
        = db.scalar(QStringLiteral("SELECT count(*) FROM attachment_uploads WHERE sha256 = ?"), {sha256});
    if (!found)
        return failWith(found.error());
    return found->toInt() > 0;
}

Result<void> SyncTables::markUploaded(
    const storage::Database &db, const QString &sha256, const QDateTime &now)
{
    return run(db,
        QStringLiteral("INSERT OR IGNORE INTO attachment_uploads (sha256, uploaded) VALUES (?, ?)"),
        {sha256, CaseJson::timeText(now)}, context(QT_TRANSLATE_NOOP("ow::cases", "recording an upload")));
}

Result<qint64> SyncTables::pendingUploadBytes(const storage::Database &db)
{
    // A scan the clerk discarded will never be sent: it does not wait.
    Result<QVariant> sum = db.scalar(QStringLiteral(
        "SELECT coalesce(sum(size), 0) FROM (SELECT sha256, max(size) AS size FROM case_attachments"
        " WHERE sha256 NOT IN (SELECT sha256 FROM attachment_uploads)"
        " AND sha256 NOT IN (SELECT sha256 FROM scan_failures WHERE discarded IS NOT NULL) GROUP BY "
        "sha256)"));
    if (!sum)
        return failWith(sum.error());
    return sum->toLongLong();
}

Result<bool> SyncTables::hasEvent(const storage::Database &db, const QString &eventId)
{
    Result<QVariant> found
        = db.scalar(QStringLiteral("SELECT count(*) FROM case_events WHERE id = ?"), {eventId});
    if (!found)
        return failWith(found.error());
    return found->toInt() > 0;
}

Result<bool> SyncTables::recordRemoteEvent(
    const storage::Database &db, const AuditLog &log, const CaseEvent &event)
{
    if (event.id.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "An event from the server has no id."));
    Result<bool> known = hasEvent(db, event.id);
    if (!known)
        return failWith(known.error());
    if (*known)
        return false;
    Result<std::optional<Case>> stored = CaseTables::loadCase(db, QStringLiteral("number"), event.caseNumber);
    if (!stored)
        return failWith(stored.error());
    if (!*stored)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::cases", "There is no case with the number %1.")
                .arg(event.caseNumber));
    const Case &c = **stored;
    CaseEvent e = event;
    e.time = e.time.toUTC();
    Result<CaseEvent> inserted = CaseTables::insertEvent(db, c.id, e);
    if (!inserted)
        return failWith(inserted.error());
    Result<QList<CaseEvent>> events = CaseTables::loadEvents(db, c.id, c.number);
    if (!events)
        return failWith(events.error());
    const CaseState next = derivedState(*events, c.state);
    if (next != c.state) {
        Result<void> done = CaseTables::updateState(db, c.id, next, e.time);
        if (!done)
            return failWith(done.error());
    }
    Result<AuditEntry> audited = audit(log, e, QStringLiteral("case.") + keyword(e.kind), next);
    if (!audited)
        return failWith(audited.error());
    // A department's decision with its document: queued with the event, so the cursor never
    // passes a document nobody will fetch.
    Result<bool> queued = ResultDocuments(db).queue(e);
    if (!queued)
        return failWith(queued.error());
    return true;
}

Result<void> SyncTables::importCase(const storage::Database &db, const AuditLog &log, const Case &snapshot,
    const QList<CaseEvent> &events, const QDateTime &now)
{
    Result<std::optional<Case>> stored = CaseTables::loadCase(db, QStringLiteral("number"), snapshot.number);
    if (!stored)
        return failWith(stored.error());
    if (!*stored) {
        Case c = snapshot;
        // The state comes from the log below; the snapshot's may be older than its last event.
        c.state = CaseState::Draft;
        Result<qint64> id = CaseTables::insertCase(db, c);
        if (!id)
            return failWith(id.error());
        Result<void> done = CaseTables::replaceAttachments(db, *id, c.attachments);
        if (!done)
            return failWith(done.error());
        for (const CaseAttachment &a : std::as_const(c.attachments)) {
            done = markUploaded(db, a.sha256, now);
            if (!done)
                return failWith(done.error());
        }
        CaseEvent imported;
        imported.id = snapshot.number;
        imported.caseNumber = snapshot.number;
        imported.clerk = snapshot.firstHandler;
        imported.counter = snapshot.counter;
        Result<AuditEntry> audited = audit(log, imported, QStringLiteral("case.imported"), snapshot.state);
        if (!audited)
            return failWith(audited.error());
    }
    for (CaseEvent e : events) {
        e.caseNumber = snapshot.number;
        Result<bool> recorded = recordRemoteEvent(db, log, e);
        if (!recorded)
            return failWith(recorded.error());
    }
    return {};
}

} // namespace ow::cases
