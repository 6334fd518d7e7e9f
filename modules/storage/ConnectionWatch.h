#pragma once

#include "core/Clock.h"

#include <QString>

namespace ow::storage {

class Database;

/// Keeps a connection usable across a restart of its database server. After a failed statement the
/// connection is probed; when the probe fails too it is marked down and reopened with a back-off
/// measured on the Clock (at once, then after 250 ms doubling to 10 s). Meanwhile callers learn at
/// once that the database is unavailable instead of each waiting for a failure of its own.
class ConnectionWatch
{
public:
    static constexpr qint64 kFirstRetryMs = 250;
    static constexpr qint64 kMaxRetryMs = 10000;

    ConnectionWatch(const Database &db, Clock clock);

    /// True when the connection is up, or was reopened by an attempt that was due now. Never waits
    /// out the back-off.
    bool available();
    /// To call after a statement failed: probes the connection, and when it is gone marks it down
    /// (trying one reconnect at once). False when it is down.
    bool confirmUp();

    bool isDown() const { return m_down; }
    /// Milliseconds until the next reconnect attempt; 0 when up.
    qint64 retryInMs() const;
    /// Why the connection was last found down or could not be reopened.
    const QString &lastError() const { return m_lastError; }
    /// How many times the connection was reopened.
    int reconnects() const { return m_reconnects; }

private:
    bool tryReconnect();

    const Database &m_db;
    Clock m_clock;
    bool m_down = false;
    qint64 m_backoffMs = 0;
    qint64 m_nextAttemptMs = 0;
    QString m_lastError;
    int m_reconnects = 0;
};

} // namespace ow::storage
