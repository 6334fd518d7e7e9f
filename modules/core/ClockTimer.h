#pragma once

#include "core/Clock.h"

#include <QObject>
#include <QTimer>

namespace ow {

/// A single-shot timer measured on a Clock: on the system clock it is a plain QTimer; on a test's
/// ManualClock it comes due when the test advances the clock that far, so back-offs and polls are
/// tested without waiting. Lives in the thread that created it, like a QTimer.
class ClockTimer : public QObject
{
    Q_OBJECT

public:
    explicit ClockTimer(Clock clock = {}, QObject *parent = nullptr);

    /// Measures on `clock` from the next start() on.
    void setClock(Clock clock) { m_clock = std::move(clock); }

    /// (Re)starts: timeout() once `milliseconds` of the clock's time have passed.
    void start(qint64 milliseconds);
    void stop();
    bool isActive() const { return m_active; }

Q_SIGNALS:
    void timeout();

private:
    static constexpr qint64 kLongestWaitMs = 24 * 60 * 60 * 1000;

    void arm();
    void check();

    Clock m_clock;
    QTimer m_wait;
    qint64 m_dueMs = 0;
    bool m_active = false;
};

} // namespace ow
