#pragma once

#include "core/Clock.h"

#include <memory>

namespace ow {

/// A clock for tests and benchmarks that moves only when told: set() the wall time, advance() both
/// readings (timers on it then come due). With a step, every wall reading first moves the clock on
/// by the step, so events get distinct, ordered, repeatable times. Copies and the Clocks it hands out
/// share one time; safe to read from any thread.
class ManualClock
{
public:
    /// Starts at 2026-01-01 00:00 UTC, for tests that only measure intervals.
    ManualClock();
    explicit ManualClock(const QDateTime &start, qint64 stepMs = 0);

    /// What to give the code under test.
    Clock clock() const;

    /// The wall time now, without stepping.
    QDateTime now() const;
    qint64 monotonicMs() const;
    /// Sets the wall time (a clock set by hand); the monotonic reading does not jump.
    void set(const QDateTime &time) const;
    /// Lets `milliseconds` pass on both readings.
    void advance(qint64 milliseconds) const;

private:
    class Source;
    std::shared_ptr<Source> m_source;
};

} // namespace ow
