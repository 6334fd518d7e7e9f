#include "devices/DeviceChannel.h"

#include <QCoreApplication>

namespace ow::devices {

DeviceChannel::DeviceChannel(DeviceKind kind, QObject *parent)
    : QObject(parent)
{
    m_status.kind = kind;
    m_resting = m_status;
    connect(&m_testTimer, &ClockTimer::timeout, this, [this] {
        if (m_testing)
            testTimedOut();
    });
}

void DeviceChannel::runTest()
{
    if (m_testing)
        return;
    if (m_resting.state == DeviceState::Off) {
        Q_EMIT testFinished({kind(), false,
            QCoreApplication::translate("ow::devices", "No %1 is configured at this counter.")
                .arg(deviceKindName(kind()).toLower()),
            m_clock.nowLocal()});
        return;
    }
    startTest();
}

void DeviceChannel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_testTimer.setClock(m_clock);
}

void DeviceChannel::testTimedOut()
{
    finishTest(false, timeoutMessage());
}

QString DeviceChannel::timeoutMessage() const
{
    return QCoreApplication::translate("ow::devices", "The device did not answer in time.");
}

void DeviceChannel::setBackend(const QString &backend)
{
    m_resting.backend = backend;
    DeviceStatus shown = m_status;
    shown.backend = backend;
    publish(shown);
}

void DeviceChannel::setState(DeviceState state, const QString &message)
{
    m_resting.state = state;
    m_resting.message = message;
    if (!m_testing)
        publish(m_resting);
}

void DeviceChannel::beginTest(const QString &prompt, int timeoutMs)
{
    m_testing = true;
    m_testTimer.start(timeoutMs);
    DeviceStatus busy = m_resting;
    busy.state = DeviceState::Busy;
    busy.message = prompt;
    publish(busy);
}

void DeviceChannel::finishTest(bool ok, const QString &message)
{
    if (!m_testing)
        return;
    m_testing = false;
    m_testTimer.stop();
    publish(m_resting);
    Q_EMIT testFinished({kind(), ok, message, m_clock.nowLocal()});
}

void DeviceChannel::publish(const DeviceStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(m_status);
}

} // namespace ow::devices
