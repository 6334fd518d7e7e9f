#pragma once

#include <QDateTime>
#include <memory>

namespace ow {

/// Where a Clock takes its readings from: the system, or a test's ManualClock.
class ClockSource
{
public:
    virtual ~ClockSource() = default;

    virtual QDateTime nowUtc() const = 0;
    virtual qint64 monotonicMs() const = 0;
    /// How many real milliseconds a ClockTimer sleeps before it reads this clock again when
    /// `remainingMs` of the clock's own time are left. The system clock moves with real time; a clock
    /// that moves only when a test says so answers a short poll instead.
    virtual qint64 realWaitMs(qint64 remainingMs) const { return remainingMs; }
};

/// The one time source: wall time in UTC for what is recorded, and a monotonic millisecond reading
/// for intervals, timeouts and back-offs. A default Clock is the system clock; tests hand the code
/// a ManualClock's clock() instead, so they never sleep real seconds. Copies read the same source.
class Clock
{
public:
    /// The system clock.
    Clock();
    explicit Clock(std::shared_ptr<const ClockSource> source);

    static Clock system() { return {}; }
    /// Always the same instant (repeatable output); its monotonic reading stands still too.
    static Clock fixed(const QDateTime &time);

    QDateTime nowUtc() const { return m_source->nowUtc(); }
    QDateTime nowLocal() const { return nowUtc().toLocalTime(); }
    /// Today's date where the workstation is.
    QDate today() const { return nowLocal().date(); }
    /// Milliseconds from an arbitrary start; never jumps when the wall clock is set.
    qint64 monotonicMs() const { return m_source->monotonicMs(); }

    const ClockSource &source() const { return *m_source; }

private:
    std::shared_ptr<const ClockSource> m_source;
};

} // namespace ow
