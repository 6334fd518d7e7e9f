#include "scanner/SerialScannerWorker.h"

namespace ow::drivers::scanner {

SerialScannerWorker::SerialScannerWorker(ScannerPortFactory factory, int reconnectIntervalMs)
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
        connect(m_port.get(), &ScannerPort::received, this, [this](const QByteArray &bytes) {
            for (const QString &code : m_splitter.feed(bytes))
                Q_EMIT codeScanned(code);
        });
        connect(m_port.get(), &ScannerPort::lost, this, &SerialScannerWorker::onLost);
    }
    m_splitter.reset();
    if (Result<void> opened = m_port->open(); !opened) {
        report(opened.error().message());
        m_reconnect.start();
        return;
    }
    m_lastError.clear();
    Q_EMIT connectedChanged(true);
}

void SerialScannerWorker::onLost(const QString &message)
{
    Q_EMIT connectedChanged(false);
    report(message);
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
