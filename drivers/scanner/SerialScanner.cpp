#include "scanner/SerialScanner.h"

#include "scanner/SerialScannerWorker.h"

namespace ow::drivers::scanner {

SerialScanner::SerialScanner(serial::SerialPort::Factory factory, int reconnectIntervalMs, QObject *parent)
    : BarcodeScanner(parent)
    , m_factory(std::move(factory))
    , m_reconnectIntervalMs(reconnectIntervalMs)
{
    m_thread.setObjectName(QStringLiteral("SerialScanner"));
}

SerialScanner::~SerialScanner()
{
    stop();
}

void SerialScanner::start()
{
    if (m_worker)
        return;
    m_worker = new SerialScannerWorker(m_factory, m_reconnectIntervalMs);
    m_worker->moveToThread(&m_thread);
    connect(
        m_worker, &SerialScannerWorker::codeScanned, this, &SerialScanner::codeScanned, Qt::QueuedConnection);
    connect(m_worker, &SerialScannerWorker::scannerError, this, &SerialScanner::scannerError,
        Qt::QueuedConnection);
    connect(
        m_worker, &SerialScannerWorker::connectedChanged, this,
        [this](bool connected) {
            if (!m_worker || connected == m_connected)
                return;
            m_connected = connected;
            Q_EMIT connectedChanged(connected);
        },
        Qt::QueuedConnection);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &SerialScannerWorker::start, Qt::QueuedConnection);
}

void SerialScanner::stop()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(m_worker, &SerialScannerWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
    m_worker = nullptr;
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
}

} // namespace ow::drivers::scanner
