#include "core/ManualClock.h"

#include <QMutex>
#include <QMutexLocker>

namespace ow {

class ManualClock::Source : public ClockSource
{
public:
    Source(QDateTime start, qint64 stepMs)
        : m_wall(std::move(start))
        , m_stepMs(stepMs)
    {
    }

    QDateTime nowUtc() const override
    {
        QMutexLocker lock(&m_mutex);
        m_wall = m_wall.addMSecs(m_stepMs);
        m_monotonic += m_stepMs;
        return m_wall;
    }
    qint64 monotonicMs() const override
    {
        QMutexLocker lock(&m_mutex);
        return m_monotonic;
    }
    // Nothing moves this clock but the test, from any thread: timers look again every few
    // milliseconds, so one comes due right after the advance() that reaches it.
    qint64 realWaitMs(qint64) const override { return 5; }

    QDateTime peek() const
    {
        QMutexLocker lock(&m_mutex);
        return m_wall;
    }
    void set(const QDateTime &time)
    {
        QMutexLocker lock(&m_mutex);
        m_wall = time.toUTC();
    }
    void advance(qint64 milliseconds)
    {
        QMutexLocker lock(&m_mutex);
        m_wall = m_wall.addMSecs(milliseconds);
        m_monotonic += milliseconds;
    }

private:
    mutable QMutex m_mutex;
    mutable QDateTime m_wall;
    mutable qint64 m_monotonic = 0;
    const qint64 m_stepMs;
};

ManualClock::ManualClock()
    : ManualClock(QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC))
{
}

ManualClock::ManualClock(const QDateTime &start, qint64 stepMs)
    : m_source(std::make_shared<Source>(start.toUTC(), stepMs))
{
}

Clock ManualClock::clock() const
{
    return Clock(m_source);
}

QDateTime ManualClock::now() const
{
    return m_source->peek();
}

qint64 ManualClock::monotonicMs() const
{
    return m_source->monotonicMs();
}

void ManualClock::set(const QDateTime &time) const
{
    m_source->set(time);
}

void ManualClock::advance(qint64 milliseconds) const
{
    m_source->advance(milliseconds);
}

} // namespace ow
