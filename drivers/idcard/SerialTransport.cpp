#include "idcard/SerialTransport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QSerialPort>
#include <QSerialPortInfo>
#include <QThread>

namespace ow::drivers::idcard {

namespace {
constexpr int kWriteTimeoutMs = 1000;
constexpr int kPresencePollMs = 100;
} // namespace

SerialTransport::SerialTransport(QString portName, qint32 baudRate)
    : m_portName(std::move(portName))
    , m_baudRate(baudRate)
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

Result<void> SerialTransport::open()
{
    close();
    m_port = std::make_unique<QSerialPort>();
    m_port->setPortName(m_portName);
    m_port->setBaudRate(m_baudRate);
    m_port->setDataBits(QSerialPort::Data8);
    m_port->setParity(QSerialPort::NoParity);
    m_port->setStopBits(QSerialPort::OneStop);
    m_port->setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port->open(QIODevice::ReadWrite)) {
        const QString reason = m_port->errorString();
        m_port.reset();
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::drivers::idcard", "The ID card reader on %1 could not be opened: %2.")
                .arg(m_portName, reason));
    }
    m_port->clear();
    return {};
}

void SerialTransport::close()
{
    if (m_port) {
        m_port->close();
        m_port.reset();
    }
}

bool SerialTransport::isOpen() const
{
    return m_port && m_port->isOpen();
}

Result<void> SerialTransport::failure(const QString &what)
{
    const QString reason = m_port ? m_port->errorString() : QString();
    close();
    return fail(Error::Code::Io, what.arg(m_portName, reason));
}

Result<void> SerialTransport::write(const QByteArray &frame)
{
    if (!isOpen())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "The ID card reader on %1 is not open.")
                .arg(m_portName));
    if (m_port->write(frame) != frame.size() || !m_port->waitForBytesWritten(kWriteTimeoutMs))
        return failure(QCoreApplication::translate(
            "ow::drivers::idcard", "Sending to the ID card reader on %1 failed: %2."));
    return {};
}

Result<QByteArray> SerialTransport::read(int timeoutMs)
{
    if (!isOpen())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "The ID card reader on %1 is not open.")
                .arg(m_portName));
    if (m_port->bytesAvailable() == 0 && !m_port->waitForReadyRead(timeoutMs)) {
        const QSerialPort::SerialPortError error = m_port->error();
        if (error != QSerialPort::NoError && error != QSerialPort::TimeoutError) {
            Result<void> broken = failure(QCoreApplication::translate(
                "ow::drivers::idcard", "The connection to the ID card reader on %1 was lost: %2."));
            return failWith(broken.error());
        }
        m_port->clearError();
        return QByteArray();
    }
    return m_port->readAll();
}

bool SerialTransport::deviceExists() const
{
#ifdef Q_OS_UNIX
    // Pseudo-terminals and by-id links are not listed by QSerialPortInfo, but they are files.
    if (QFileInfo::exists(m_portName) || QFileInfo::exists(QStringLiteral("/dev/") + m_portName))
        return true;
#endif
    const QList<QSerialPortInfo> ports = QSerialPortInfo::availablePorts();
    return std::any_of(ports.cbegin(), ports.cend(), [this](const QSerialPortInfo &info) {
        return info.portName() == m_portName || info.systemLocation() == m_portName;
    });
}

bool SerialTransport::waitForDevice(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        if (deviceExists())
            return true;
        if (deadline.hasExpired())
            return false;
        QThread::msleep(std::min<qint64>(kPresencePollMs, std::max<qint64>(1, deadline.remainingTime())));
    }
}

QString SerialTransport::description() const
{
    return QCoreApplication::translate("ow::drivers::idcard", "serial port %1").arg(m_portName);
}

} // namespace ow::drivers::idcard
