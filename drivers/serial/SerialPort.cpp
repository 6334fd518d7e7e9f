#include "serial/SerialPort.h"

#include <QFileInfo>
#include <QSerialPort>
#include <QSerialPortInfo>
#include <algorithm>

namespace ow::drivers::serial {

namespace {

QSerialPort::Parity parityOf(char parity)
{
    switch (parity) {
    case 'E':
        return QSerialPort::EvenParity;
    case 'O':
        return QSerialPort::OddParity;
    case 'M':
        return QSerialPort::MarkParity;
    case 'S':
        return QSerialPort::SpaceParity;
    default:
        return QSerialPort::NoParity;
    }
}

} // namespace

SerialPort::SerialPort(SerialPortSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
}

SerialPort::~SerialPort()
{
    // Not virtual dispatch: a fake's own close() is its business.
    SerialPort::close();
}

SerialPort::Factory SerialPort::factory(const SerialPortSettings &settings)
{
    return [settings]() -> std::unique_ptr<SerialPort> { return std::make_unique<SerialPort>(settings); };
}

Result<void> SerialPort::open(QIODevice::OpenMode mode, Reading reading)
{
    close();
    m_reading = reading;
    m_port = new QSerialPort(this);
    m_port->setPortName(m_settings.portName);
    m_port->setBaudRate(m_settings.baudRate);
    m_port->setDataBits(QSerialPort::DataBits(m_settings.dataBits));
    m_port->setParity(parityOf(m_settings.parity));
    m_port->setStopBits(m_settings.stopBits == 2 ? QSerialPort::TwoStop : QSerialPort::OneStop);
    m_port->setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port->open(mode)) {
        const QString reason = m_port->errorString();
        close();
        return fail(Error::Code::Io, reason);
    }
    if (reading == Reading::Signals) {
        connect(m_port, &QSerialPort::readyRead, this, [this] { Q_EMIT received(m_port->readAll()); });
        connect(m_port, &QSerialPort::errorOccurred, this, &SerialPort::onError);
    }
    return {};
}

void SerialPort::onError()
{
    if (!m_port)
        return;
    const QSerialPort::SerialPortError error = m_port->error();
    // Only errors that leave the port unusable end it; a parity error or a slow write does not.
    if (error != QSerialPort::ResourceError && error != QSerialPort::PermissionError
        && error != QSerialPort::DeviceNotFoundError)
        return;
    const QString reason = m_port->errorString();
    close();
    Q_EMIT lost(reason);
}

void SerialPort::close()
{
    if (!m_port)
        return;
    m_port->disconnect(this);
    m_port->close();
    if (m_reading == Reading::Signals)
        m_port->deleteLater(); // we may be inside one of its signals
    else
        delete m_port;
    m_port = nullptr;
}

bool SerialPort::isOpen() const
{
    return m_port && m_port->isOpen();
}

Result<void> SerialPort::write(const QByteArray &bytes, int timeoutMs)
{
    if (!isOpen() || m_port->write(bytes) != bytes.size() || !m_port->waitForBytesWritten(timeoutMs))
        return fail(Error::Code::Io, m_port ? m_port->errorString() : QString());
    return {};
}

Result<QByteArray> SerialPort::read(int timeoutMs)
{
    if (!isOpen())
        return fail(Error::Code::Io, m_port ? m_port->errorString() : QString());
    if (m_port->bytesAvailable() == 0 && !m_port->waitForReadyRead(timeoutMs)) {
        const QSerialPort::SerialPortError error = m_port->error();
        if (error != QSerialPort::NoError && error != QSerialPort::TimeoutError)
            return fail(Error::Code::Io, m_port->errorString());
        m_port->clearError();
        return QByteArray();
    }
    return m_port->readAll();
}

void SerialPort::discardInput()
{
    if (!isOpen())
        return;
    m_port->clear(QSerialPort::Input);
    m_port->readAll(); // what Qt had already buffered
}

void SerialPort::discardAll()
{
    if (isOpen())
        m_port->clear();
}

bool SerialPort::deviceExists() const
{
    const QString &name = m_settings.portName;
#ifdef Q_OS_UNIX
    // Pseudo-terminals and by-id links are not listed by QSerialPortInfo, but they are files.
    if (QFileInfo::exists(name) || QFileInfo::exists(QStringLiteral("/dev/") + name))
        return true;
#endif
    const QList<QSerialPortInfo> ports = QSerialPortInfo::availablePorts();
    return std::any_of(ports.cbegin(), ports.cend(), [&name](const QSerialPortInfo &info) {
        return info.portName() == name || info.systemLocation() == name;
    });
}

} // namespace ow::drivers::serial
