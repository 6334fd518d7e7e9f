#include "scanner/SerialScannerWorker.h"

#include <QCoreApplication>

namespace ow::drivers::scanner {

SerialScannerWorker::SerialScannerWorker(serial::SerialPort::Factory factory, int reconnectIntervalMs)
    : m_factory(std::move(factory))
    , m_reconnect(this)
{
    m_reconnect.setInterval(reconnectIntervalMs);
    m_reconnect.setSingleShot(true);
    connect(&m_reconnect, &QTimer::timeout, this, &SerialScannerWorker::tryOpen);
}

SerialScannerWorker::~SerialScannerWorker() = default;

void SerialScannerWorker::start()
{
    tryOpen();
}

void SerialScannerWorker::shutdown()
{
    m_reconnect.stop();
    m_port.reset();
}

void SerialScannerWorker::tryOpen()
{
    if (!m_port) {
        m_port = m_factory();
        connect(m_port.get(), &serial::SerialPort::received, this, [this](const QByteArray &bytes) {
            for (const QString &code : m_splitter.feed(bytes))
                Q_EMIT codeScanned(code);
        });
        connect(m_port.get(), &serial::SerialPort::lost, this, &SerialScannerWorker::onLost);
    }
    m_splitter.reset();
    if (Result<void> opened = m_port->open(QIODevice::ReadOnly, serial::SerialPort::Reading::Signals);
        !opened) {
        report(
            QCoreApplication::translate("ow::drivers::scanner", "The scanner on %1 could not be opened: %2.")
                .arg(m_port->settings().portName, opened.error().message()));
        m_reconnect.start();
        return;
    }
    m_lastError.clear();
    Q_EMIT connectedChanged(true);
}

void SerialScannerWorker::onLost(const QString &reason)
{
    Q_EMIT connectedChanged(false);
    report(QCoreApplication::translate(
        "ow::drivers::scanner", "The connection to the scanner on %1 was lost: %2.")
               .arg(m_port->settings().portName, reason));
    m_reconnect.start();
}

void SerialScannerWorker::report(const QString &message)
{
    // A scanner that stays unplugged would otherwise say so at every retry.
    if (message == m_lastError)
        return;
    m_lastError = message;
    Q_EMIT scannerError(message);
}

} // namespace ow::drivers::scanner
