#pragma once

#include "scanner/BarcodeScanner.h"
#include "serial/SerialPort.h"

#include <QThread>

namespace ow::drivers::scanner {

class SerialScannerWorker;

/// A scanner switched to USB-CDC (virtual COM) mode, or an RS-232 one: reads one code per line
/// (CR, LF or CR LF) on a thread of its own, and reopens the port when the scanner comes back.
class SerialScanner : public BarcodeScanner
{
    Q_OBJECT

public:
    static constexpr int kDefaultReconnectMs = 2000;

    explicit SerialScanner(serial::SerialPort::Factory factory, int reconnectIntervalMs = kDefaultReconnectMs,
        QObject *parent = nullptr);
    ~SerialScanner() override;

    void start() override;
    /// Blocks until the port is closed.
    void stop() override;
    bool isRunning() const override { return m_worker != nullptr; }
    bool isConnected() const { return m_connected; }

Q_SIGNALS:
    void connectedChanged(bool connected);

private:
    serial::SerialPort::Factory m_factory;
    int m_reconnectIntervalMs;
    QThread m_thread;
    SerialScannerWorker *m_worker = nullptr;
    bool m_connected = false;
};

} // namespace ow::drivers::scanner
