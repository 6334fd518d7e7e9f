#pragma once

#include "cases/CaseStore.h"
#include "cases/ClerkActivity.h"
#include "core/Clock.h"
#include "storage/Database.h"

#include <QList>

namespace ow::cases {

/// Which activities `ClerkActivityLog::list` returns: every filter optional, oldest first.
struct ClerkActivityFilter
{
    QString kind;
    QString staffNumber;
    QDateTime from; ///< at or after (UTC)
    QDateTime to; ///< before (UTC)
    int limit = 1000; ///< 1–100,000
};

/// One activity waiting for the server: its outbox row and the JSON sent.
struct ActivityOutboxEntry
{
    qint64 id = 0;
    QString activityId;
    QByteArray payload; ///< ClerkActivity::toJson()
};

/// The clerk-activity log of the workstation's case database (tables clerk_activities and
/// activity_outbox, case-store migration 10): each activity is written in one transaction with the
/// outbox row that carries it to the server, so it survives a power cut and syncs once the counter
/// is online (POST /api/v1/activities, docs/sync-protocol.md).
class ClerkActivityLog
{
public:
    /// A missing time is filled from `clock` when recording.
    explicit ClerkActivityLog(const CaseStore &store, Clock clock = {});
    explicit ClerkActivityLog(const storage::Database &db, Clock clock = {});

    /// Records the activity and its outbox row. An empty id gets a new UUID; an id recorded before
    /// is left as it is (a retry records and sends nothing twice). Invalid: the activity's
    /// problem() (an unknown kind, no clerk, a detail of the wrong shape).
    Result<void> record(const ClerkActivity &activity);
    Result<QList<ClerkActivity>> list(const ClerkActivityFilter &filter = {}) const;

    // The sync worker's side (modules/sync).

    /// The oldest unsent rows after `afterId`, at most `limit`; rows the server refused are not among them.
    Result<QList<ActivityOutboxEntry>> pendingOutbox(int limit, qint64 afterId = 0) const;
    /// The server stored these rows (or had them): never sent again.
    Result<void> markSent(const QList<qint64> &ids);
    /// The server refused the row for good: it stays, with the message, and is not resent.
    Result<void> markFailed(qint64 id, const QString &message);
    /// Rows waiting and rows refused.
    Result<QPair<qint64, qint64>> outboxCounts() const;

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::cases
