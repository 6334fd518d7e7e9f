#pragma once

#include "cases/CaseStore.h"
#include "cases/ComplaintRecord.h"
#include "core/Clock.h"
#include "storage/Database.h"

#include <QList>
#include <QPair>

namespace ow::cases {

/// A complaint recorded at this workstation and where it stands with the server.
struct ComplaintLogEntry
{
    enum class Sending
    {
        Waiting, ///< not yet taken by the server (offline, or the next round)
        Sent, ///< the server has it; its number is on the complaint
        Refused, ///< the server refused it for good; `refusal` says why
    };

    ComplaintRecord complaint;
    Sending sending = Sending::Waiting;
    QString refusal;
};

/// One complaint waiting for the server: its outbox row and the JSON sent.
struct ComplaintOutboxEntry
{
    qint64 id = 0;
    QString complaintId;
    QByteArray payload; ///< ComplaintRecord::toSubmission()
};

/// The complaints recorded at this workstation (tables complaints and complaint_outbox of the case
/// database, case-store migration 12): each written in one transaction with the outbox row that
/// carries it to the server (POST /api/v1/complaints, docs/sync-protocol.md), so nothing typed at the
/// counter is lost while the server is away; the number the server gives is kept beside it.
class ComplaintLog
{
public:
    /// A missing receiving time is filled from `clock` when recording.
    explicit ComplaintLog(const CaseStore &store, Clock clock = {});
    explicit ComplaintLog(const storage::Database &db, Clock clock = {});

    /// Records the complaint and its outbox row; returns it as recorded (id and time filled). An empty
    /// id gets a new UUID; an id recorded before is left as it is. Invalid: the complaint's problem().
    Result<ComplaintRecord> record(const ComplaintRecord &complaint);
    /// The complaints `staffNumber` recorded (everyone's when empty), newest first, at most `limit`.
    Result<QList<ComplaintLogEntry>> list(const QString &staffNumber = {}, int limit = 500) const;

    // The sync round's side (modules/sync).

    /// The oldest unsent rows after `afterId`, at most `limit`; rows the server refused are not among them.
    Result<QList<ComplaintOutboxEntry>> pendingOutbox(int limit, qint64 afterId = 0) const;
    /// The server took these rows (stored, or had them): each outbox id with the number it gave.
    Result<void> markSent(const QList<QPair<qint64, QString>> &numbered);
    /// The server refused the row for good: it stays, with the message, and is not sent again.
    Result<void> markFailed(qint64 id, const QString &message);
    /// Rows waiting and rows refused.
    Result<QPair<qint64, qint64>> outboxCounts() const;

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::cases
