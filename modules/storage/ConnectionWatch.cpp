#include "storage/ConnectionWatch.h"

#include "storage/Database.h"

#include <algorithm>

namespace ow::storage {

ConnectionWatch::ConnectionWatch(const Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

bool ConnectionWatch::available()
{
    if (!m_down)
        return true;
    if (m_clock.monotonicMs() < m_nextAttemptMs)
        return false;
    return tryReconnect();
}

bool ConnectionWatch::confirmUp()
{
    if (m_down)
        return false;
    // A failed statement alone says nothing of the connection (a constraint, a damaged row); a
    // failed "SELECT 1" does.
    Result<QVariant> probe = m_db.scalar(QStringLiteral("SELECT 1"));
    if (probe)
        return true;
    m_lastError = probe.error().message();
    m_down = true;
    m_backoffMs = 0;
    // The server may be back already (a quick restart): the next request need not fail too.
    return tryReconnect();
}

qint64 ConnectionWatch::retryInMs() const
{
    return m_down ? std::max<qint64>(0, m_nextAttemptMs - m_clock.monotonicMs()) : 0;
}

bool ConnectionWatch::tryReconnect()
{
    Result<void> reopened = m_db.reconnect();
    if (reopened) {
        Result<QVariant> probe = m_db.scalar(QStringLiteral("SELECT 1"));
        if (probe) {
            m_down = false;
            m_backoffMs = 0;
            ++m_reconnects;
            return true;
        }
        reopened = failWith(probe.error());
    }
    m_lastError = reopened.error().message();
    m_backoffMs = m_backoffMs == 0 ? kFirstRetryMs : std::min(m_backoffMs * 2, kMaxRetryMs);
    m_nextAttemptMs = m_clock.monotonicMs() + m_backoffMs;
    return false;
}

} // namespace ow::storage
