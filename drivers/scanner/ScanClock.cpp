#include "scanner/ScanClock.h"

#include <QElapsedTimer>

namespace ow::drivers::scanner {

namespace {

class SteadyClock : public ScanClock
{
public:
    SteadyClock() { m_timer.start(); }
    qint64 nowMs() const override { return m_timer.elapsed(); }

private:
    QElapsedTimer m_timer;
};

} // namespace

const ScanClock &ScanClock::system()
{
    static const SteadyClock clock;
    return clock;
}

} // namespace ow::drivers::scanner
