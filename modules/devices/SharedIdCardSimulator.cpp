#include "devices/SharedIdCardSimulator.h"

#include <QCoreApplication>
#include <QThread>
#include <algorithm>

namespace ow::devices {

using drivers::idcard::IdCardData;
using drivers::idcard::IdCardTransport;

namespace {

class SimulatorTransport : public IdCardTransport
{
public:
    explicit SimulatorTransport(SharedIdCardSimulator &simulator)
        : m_simulator(simulator)
    {
    }

    Result<void> open() override
    {
        m_open = true;
        return {};
    }
    void close() override
    {
        m_open = false;
        m_pending.clear();
    }
    bool isOpen() const override { return m_open; }
    Result<void> write(const QByteArray &frame) override
    {
        m_pending += m_simulator.receive(frame);
        return {};
    }
    Result<QByteArray> read(int timeoutMs) override
    {
        if (m_pending.isEmpty()) {
            // A silent reader: let the caller's timeout run without spinning the thread.
            QThread::msleep(std::clamp(timeoutMs, 0, 20));
            return QByteArray();
        }
        QByteArray out;
        out.swap(m_pending);
        return out;
    }
    bool waitForDevice(int) override { return true; }
    QString description() const override
    {
        return QCoreApplication::translate("ow::devices", "simulated reader");
    }

private:
    SharedIdCardSimulator &m_simulator;
    QByteArray m_pending;
    bool m_open = false;
};

} // namespace

void SharedIdCardSimulator::placeCard(const IdCardData &card)
{
    const QMutexLocker lock(&m_mutex);
    m_simulator.removeCard();
    m_landing = card;
}

void SharedIdCardSimulator::removeCard()
{
    const QMutexLocker lock(&m_mutex);
    m_landing.reset();
    m_simulator.removeCard();
}

void SharedIdCardSimulator::setFault(drivers::idcard::IdCardSimulator::Fault fault, int times)
{
    const QMutexLocker lock(&m_mutex);
    m_simulator.setFault(fault, times);
}

QByteArray SharedIdCardSimulator::receive(QByteArrayView bytes)
{
    const QMutexLocker lock(&m_mutex);
    const qsizetype before = m_simulator.commandLog().size();
    QByteArray reply = m_simulator.receive(bytes);
    const QList<drivers::idcard::SamCommand> &log = m_simulator.commandLog();
    // The reader has just been told "no card": now the waiting card can land.
    if (m_landing && log.size() > before && log.last() == drivers::idcard::SamCommand::findCard()) {
        m_simulator.placeCard(*m_landing);
        m_landing.reset();
    }
    return reply;
}

drivers::idcard::IdCardTransportFactory SharedIdCardSimulator::factory()
{
    return [this] { return std::make_unique<SimulatorTransport>(*this); };
}

} // namespace ow::devices
