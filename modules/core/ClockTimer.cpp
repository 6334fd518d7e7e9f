#include "core/ClockTimer.h"

#include <algorithm>

namespace ow {

ClockTimer::ClockTimer(Clock clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_wait(this) // a child, so it follows the timer to another thread
{
    m_wait.setSingleShot(true);
    connect(&m_wait, &QTimer::timeout, this, &ClockTimer::check);
}

void ClockTimer::start(qint64 milliseconds)
{
    m_dueMs = m_clock.monotonicMs() + std::max<qint64>(milliseconds, 0);
    m_active = true;
    arm();
}

void ClockTimer::stop()
{
    m_active = false;
    m_wait.stop();
}

void ClockTimer::arm()
{
    const qint64 remaining = m_dueMs - m_clock.monotonicMs();
    if (remaining <= 0) {
        // Due already: still through the event loop, like QTimer::start(0).
        m_wait.start(0);
        return;
    }
    // QTimer takes an int, and may fire a little early: the clock has the last word in check().
    const qint64 wait = std::clamp<qint64>(m_clock.source().realWaitMs(remaining), 1, kLongestWaitMs);
    m_wait.start(int(wait));
}

void ClockTimer::check()
{
    if (!m_active)
        return;
    if (m_dueMs - m_clock.monotonicMs() > 0) {
        arm();
        return;
    }
    m_active = false;
    Q_EMIT timeout();
}

} // namespace ow
