#pragma once

#include "scanner/ScanLineSplitter.h"
#include "serial/SerialPort.h"

#include <QObject>
#include <QTimer>

namespace ow::drivers::scanner {

/// The half of SerialScanner on the scanner's thread: keeps the port open (reopening it when the
/// scanner is unplugged and plugged back) and turns its bytes into codes.
class SerialScannerWorker : public QObject
{
    Q_OBJECT

public:
    SerialScannerWorker(serial::SerialPort::Factory factory, int reconnectIntervalMs);
    ~SerialScannerWorker() override;

    void start();
    /// Closes the port on this thread before it ends.
    void shutdown();

Q_SIGNALS:
    void codeScanned(const QString &code);
    void scannerError(const QString &message);
    void connectedChanged(bool connected);

private:
    void tryOpen();
    void onLost(const QString &reason);
    void report(const QString &message);

    serial::SerialPort::Factory m_factory;
    std::unique_ptr<serial::SerialPort> m_port;
    ScanLineSplitter m_splitter;
    QTimer m_reconnect;
    QString m_lastError;
};

} // namespace ow::drivers::scanner
