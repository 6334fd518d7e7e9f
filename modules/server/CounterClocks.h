#pragma once

#include "server/CredentialStore.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QList>

namespace ow::server {

/// The clock skew last seen of one workstation: its clock minus the server's.
struct CounterClock
{
    QString credentialId;
    QString hall;
    QString counter;
    qint64 skewMs = 0; ///< positive: the counter's clock is ahead of the server's
    QDateTime seen; ///< the server's time when it was measured
};

/// Records how far each counter's clock is from the server's, as seen in each batch of events (the
/// time the counter says it sent the batch against the server's time on arrival). The server does
/// not order anything by counters' clocks; this is for IT, who set the clocks right
/// (`onewindow-cli server counters`).
class CounterClocks
{
public:
    /// Skews within this are network delay and rounding, not a wrong clock.
    static constexpr qint64 kToleranceMs = 2 * 60 * 1000;

    explicit CounterClocks(const storage::Database &db)
        : m_db(db)
    {
    }

    /// Records the skew of one batch; the caller holds the write transaction.
    Result<void> record(const Credential &workstation, const QDateTime &counterTime, const QDateTime &now);
    /// Every workstation's last skew, by hall and counter.
    Result<QList<CounterClock>> list() const;

private:
    const storage::Database &m_db;
};

} // namespace ow::server
