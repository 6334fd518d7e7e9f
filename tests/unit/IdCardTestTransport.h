#pragma once
// An in-memory transport with a simulated reader behind it, for tests of everything above the bytes.

#include "core/ManualClock.h"
#include "idcard/IdCardSimulator.h"
#include "idcard/IdCardTransport.h"

#include <QThread>

namespace idcardtest {

class SimulatorTransport : public ow::drivers::idcard::IdCardTransport
{
public:
    /// Replies are handed out `chunk` bytes per read so callers must reassemble them.
    explicit SimulatorTransport(ow::drivers::idcard::IdCardSimulator &simulator, int chunk = 37)
        : m_simulator(simulator)
        , m_chunk(chunk)
    {
    }

    ow::Result<void> open() override
    {
        m_open = true;
        return {};
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    ow::Result<void> write(const QByteArray &frame) override
    {
        written.append(frame);
        m_pending += m_simulator.receive(frame);
        return {};
    }
    ow::Result<QByteArray> read(int timeoutMs) override
    {
        if (m_pending.isEmpty()) {
            // Nothing will come: the wait runs out at once on the test's clock, or else without spinning.
            if (m_clock)
                m_clock->advance(timeoutMs);
            else
                QThread::msleep(std::min(timeoutMs, 5));
            return QByteArray();
        }
        const QByteArray out = m_pending.first(std::min<qsizetype>(m_chunk, m_pending.size()));
        m_pending.remove(0, out.size());
        return out;
    }
    bool waitForDevice(int) override { return true; }
    QString description() const override { return QStringLiteral("simulator"); }

    /// Bytes the host will see before its next reply (a late answer to an earlier request).
    void inject(const QByteArray &bytes) { m_pending += bytes; }
    /// Waits for bytes that will not come pass on `clock` (the client's) instead of in real time.
    void setClock(const ow::ManualClock *clock) { m_clock = clock; }

    QList<QByteArray> written;

private:
    ow::drivers::idcard::IdCardSimulator &m_simulator;
    int m_chunk;
    bool m_open = false;
    QByteArray m_pending;
    const ow::ManualClock *m_clock = nullptr;
};

} // namespace idcardtest
