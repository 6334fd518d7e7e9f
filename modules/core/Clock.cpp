#include "core/Clock.h"

#include <chrono>

namespace ow {

namespace {

class SystemClock : public ClockSource
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 monotonicMs() const override
    {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
};

class FixedClock : public ClockSource
{
public:
    explicit FixedClock(QDateTime time)
        : m_time(std::move(time))
    {
    }
    QDateTime nowUtc() const override { return m_time; }
    qint64 monotonicMs() const override { return 0; }
    // Time never comes: a timer on a fixed clock waits for its stop() without spinning.
    qint64 realWaitMs(qint64) const override { return 60 * 60 * 1000; }

private:
    QDateTime m_time;
};

} // namespace

Clock::Clock()
{
    // One source shared by every system Clock: copying a Clock is then just a reference count.
    static const std::shared_ptr<const ClockSource> systemSource = std::make_shared<SystemClock>();
    m_source = systemSource;
}

Clock::Clock(std::shared_ptr<const ClockSource> source)
    : m_source(source ? std::move(source) : Clock().m_source)
{
}

Clock Clock::fixed(const QDateTime &time)
{
    return Clock(std::make_shared<FixedClock>(time.toUTC()));
}

} // namespace ow
