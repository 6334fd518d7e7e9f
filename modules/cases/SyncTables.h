#pragma once

#include "cases/AuditLog.h"
#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "storage/Database.h"

#include <QList>

namespace ow::cases {

/// One outbox row not yet delivered: the event it carries and the JSON the server receives.
struct OutboxEntry
{
    qint64 id = 0;
    QString eventId;
    QByteArray payload; ///< {"event": …, "state": …, "case"?: …}, see docs/sync-protocol.md
};

/// How far the outbox is: rows waiting, rows the server rejected, rows delivered.
struct OutboxCounts
{
    qint64 pending = 0;
    qint64 failed = 0;
    qint64 sent = 0;
};

/// The SQL of the sync tables (outbox delivery, sync_state, attachment_uploads) and of events that
/// come from the server. Used by CaseStore inside its transactions; opens none itself.
class SyncTables
{
public:
    static Result<QList<OutboxEntry>> pendingOutbox(
        const storage::Database &db, int limit, qint64 afterId = 0);
    /// The newest rows the server rejected: outbox id, event id and the message, at most `limit`.
    static Result<QList<OutboxEntry>> failedOutbox(const storage::Database &db, int limit);
    static Result<void> markOutboxSent(
        const storage::Database &db, const QList<qint64> &ids, const QDateTime &now);
    static Result<void> markOutboxFailed(const storage::Database &db, qint64 id, const QString &message);
    static Result<OutboxCounts> outboxCounts(const storage::Database &db);

    /// The value under `key`, or an empty string when it was never set.
    static Result<QString> value(const storage::Database &db, const QString &key);
    static Result<void> setValue(const storage::Database &db, const QString &key, const QString &value);

    static Result<bool> isUploaded(const storage::Database &db, const QString &sha256);
    static Result<void> markUploaded(
        const storage::Database &db, const QString &sha256, const QDateTime &now);
    /// Bytes of the distinct attachments of this store's cases that the server does not hold yet.
    static Result<qint64> pendingUploadBytes(const storage::Database &db);

    static Result<bool> hasEvent(const storage::Database &db, const QString &eventId);
    /// Stores an event recorded elsewhere (no outbox row), unless its id is already there, and
    /// re-derives the case's state from its log without ever lowering its rank. Returns whether the
    /// event was new; NotFound when the case is not in the store.
    static Result<bool> recordRemoteEvent(
        const storage::Database &db, const AuditLog &audit, const CaseEvent &event);
    /// Stores a case from another counter with its log (no outbox rows); its scans are on the
    /// server, so they count as uploaded. A case already there only gains the events it lacks.
    static Result<void> importCase(const storage::Database &db, const AuditLog &audit, const Case &snapshot,
        const QList<CaseEvent> &events, const QDateTime &now);
};

} // namespace ow::cases
