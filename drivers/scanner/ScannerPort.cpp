#include "scanner/ScannerPort.h"

#include <QCoreApplication>
#include <QSerialPort>

namespace ow::drivers::scanner {

QtScannerPort::QtScannerPort(ScannerPortSettings settings, QObject *parent)
    : ScannerPort(parent)
    , m_settings(std::move(settings))
{
}

QtScannerPort::~QtScannerPort()
{
    close();
}

ScannerPortFactory QtScannerPort::factory(const ScannerPortSettings &settings)
{
    return [settings]() -> std::unique_ptr<ScannerPort> { return std::make_unique<QtScannerPort>(settings); };
}

Result<void> QtScannerPort::open()
{
    close();
    m_port = new QSerialPort(this);
    m_port->setPortName(m_settings.portName);
    m_port->setBaudRate(m_settings.baudRate);
    m_port->setDataBits(QSerialPort::Data8);
    m_port->setParity(QSerialPort::NoParity);
    m_port->setStopBits(QSerialPort::OneStop);
    m_port->setFlowControl(QSerialPort::NoFlowControl);
    if (!m_port->open(QIODevice::ReadOnly)) {
        const QString reason = m_port->errorString();
        close();
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::scanner", "The scanner on %1 could not be opened: %2.")
                .arg(m_settings.portName, reason));
    }
    connect(m_port, &QSerialPort::readyRead, this, [this] { Q_EMIT received(m_port->readAll()); });
    connect(m_port, &QSerialPort::errorOccurred, this, &QtScannerPort::onError);
    return {};
}

void QtScannerPort::onError()
{
    if (!m_port)
        return;
    const QSerialPort::SerialPortError error = m_port->error();
    if (error != QSerialPort::ResourceError && error != QSerialPort::PermissionError
        && error != QSerialPort::DeviceNotFoundError)
        return;
    const QString message = QCoreApplication::translate(
        "ow::drivers::scanner", "The connection to the scanner on %1 was lost: %2.")
                                .arg(m_settings.portName, m_port->errorString());
    close();
    Q_EMIT lost(message);
}

void QtScannerPort::close()
{
    if (!m_port)
        return;
    m_port->disconnect(this);
    m_port->close();
    m_port->deleteLater();
    m_port = nullptr;
}

bool QtScannerPort::isOpen() const
{
    return m_port && m_port->isOpen();
}

QString QtScannerPort::description() const
{
    return QCoreApplication::translate("ow::drivers::scanner", "serial port %1").arg(m_settings.portName);
}

} // namespace ow::drivers::scanner
