#include "idcard/SerialTransport.h"

#include "serial/SerialPort.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace ow::drivers::idcard {

namespace {
constexpr int kWriteTimeoutMs = 1000;
constexpr int kPresencePollMs = 100;

serial::SerialPortSettings settingsFor(QString portName, qint32 baudRate)
{
    serial::SerialPortSettings settings;
    settings.portName = std::move(portName);
    settings.baudRate = baudRate;
    return settings;
}
} // namespace

SerialTransport::SerialTransport(QString portName, qint32 baudRate)
    : m_port(std::make_unique<serial::SerialPort>(settingsFor(std::move(portName), baudRate)))
{
}

SerialTransport::SerialTransport(std::unique_ptr<serial::SerialPort> port)
    : m_port(std::move(port))
{
}

SerialTransport::~SerialTransport()
{
    close();
}

IdCardTransportFactory SerialTransport::factory(const QString &portName, qint32 baudRate)
{
    return [portName, baudRate]() -> std::unique_ptr<IdCardTransport> {
        return std::make_unique<SerialTransport>(portName, baudRate);
    };
}

const QString &SerialTransport::portName() const
{
    return m_port->settings().portName;
}

Result<void> SerialTransport::open()
{
    close();
    if (Result<void> opened = m_port->open(QIODevice::ReadWrite, serial::SerialPort::Reading::Blocking);
        !opened)
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::drivers::idcard", "The ID card reader on %1 could not be opened: %2.")
                .arg(portName(), opened.error().message()));
    m_port->discardAll();
    return {};
}

void SerialTransport::close()
{
    m_port->close();
}

bool SerialTransport::isOpen() const
{
    return m_port->isOpen();
}

Failure SerialTransport::failure(const QString &what, const QString &reason)
{
    close();
    return fail(Error::Code::Io, what.arg(portName(), reason));
}

Failure SerialTransport::notOpen() const
{
    return fail(Error::Code::Io,
        QCoreApplication::translate("ow::drivers::idcard", "The ID card reader on %1 is not open.")
            .arg(portName()));
}

Result<void> SerialTransport::write(const QByteArray &frame)
{
    if (!isOpen())
        return notOpen();
    if (Result<void> sent = m_port->write(frame, kWriteTimeoutMs); !sent)
        return failure(QCoreApplication::translate(
                           "ow::drivers::idcard", "Sending to the ID card reader on %1 failed: %2."),
            sent.error().message());
    return {};
}

Result<QByteArray> SerialTransport::read(int timeoutMs)
{
    if (!isOpen())
        return notOpen();
    Result<QByteArray> bytes = m_port->read(timeoutMs);
    if (!bytes)
        return failure(QCoreApplication::translate(
                           "ow::drivers::idcard", "The connection to the ID card reader on %1 was lost: %2."),
            bytes.error().message());
    return bytes;
}

bool SerialTransport::waitForDevice(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (m_port->deviceExists())
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(std::min<qint64>(kPresencePollMs, std::max<qint64>(1, deadline.remainingTime())));
    }
}

QString SerialTransport::description() const
{
    return QCoreApplication::translate("ow::drivers::idcard", "serial port %1").arg(portName());
}

} // namespace ow::drivers::idcard
