#include "evaluator/QtSerialLink.h"

#include <QCoreApplication>
#include <QSerialPort>

namespace ow::drivers::evaluator {

namespace {

constexpr int kWriteTimeoutMs = 1000;

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

QtSerialLink::QtSerialLink(SerialPortSettings settings, QObject *parent)
    : SerialLink(parent)
    , m_settings(std::move(settings))
{
}

QtSerialLink::~QtSerialLink()
{
    close();
}

SerialLinkFactory QtSerialLink::factory(const SerialPortSettings &settings)
{
    return [settings]() -> std::unique_ptr<SerialLink> { return std::make_unique<QtSerialLink>(settings); };
}

Result<void> QtSerialLink::open()
{
    close();
    m_port = new QSerialPort(this);
    m_port->setPortName(m_settings.portName);
    m_port->setBaudRate(m_settings.baudRate);
    m_port->setDataBits(QSerialPort::DataBits(m_settings.dataBits));
    m_port->setParity(parityOf(m_settings.parity));
    m_port->setStopBits(m_settings.stopBits == 2 ? QSerialPort::TwoStop : QSerialPort::OneStop);
    m_port->setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port->open(QIODevice::ReadWrite)) {
        const QString reason = m_port->errorString();
        close();
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::drivers::evaluator", "The evaluator pad on %1 could not be opened: %2.")
                .arg(m_settings.portName, reason));
    }
    connect(m_port, &QSerialPort::readyRead, this, [this] { Q_EMIT received(m_port->readAll()); });
    connect(m_port, &QSerialPort::errorOccurred, this, &QtSerialLink::onError);
    return {};
}

void QtSerialLink::onError()
{
    if (!m_port)
        return;
    const QSerialPort::SerialPortError error = m_port->error();
    // Only errors that leave the port unusable end the link; a parity error or a slow write does not.
    if (error != QSerialPort::ResourceError && error != QSerialPort::PermissionError
        && error != QSerialPort::DeviceNotFoundError)
        return;
    const QString message = QCoreApplication::translate(
        "ow::drivers::evaluator", "The connection to the evaluator pad on %1 was lost: %2.")
                                .arg(m_settings.portName, m_port->errorString());
    close();
    Q_EMIT lost(message);
}

void QtSerialLink::close()
{
    if (!m_port)
        return;
    m_port->disconnect(this);
    m_port->close();
    m_port->deleteLater();
    m_port = nullptr;
}

bool QtSerialLink::isOpen() const
{
    return m_port && m_port->isOpen();
}

Result<void> QtSerialLink::write(const QByteArray &bytes)
{
    if (!isOpen() || m_port->write(bytes) != bytes.size() || !m_port->waitForBytesWritten(kWriteTimeoutMs))
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::drivers::evaluator", "Sending to the evaluator pad on %1 failed: %2.")
                .arg(m_settings.portName, m_port ? m_port->errorString() : QString()));
    return {};
}

void QtSerialLink::discardInput()
{
    if (!isOpen())
        return;
    m_port->clear(QSerialPort::Input);
    m_port->readAll(); // what Qt had already buffered
}

QString QtSerialLink::description() const
{
    return QCoreApplication::translate("ow::drivers::evaluator", "serial port %1 (%2 baud, %3)")
        .arg(m_settings.portName)
        .arg(m_settings.baudRate)
        .arg(m_settings.frame());
}

} // namespace ow::drivers::evaluator
