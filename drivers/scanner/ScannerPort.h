#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

class QSerialPort;

namespace ow::drivers::scanner {

/// Where a USB-CDC (virtual COM) scanner is and how its port is set up. The baud rate hardly
/// matters for USB-CDC, but scanners on real RS-232 need it.
struct ScannerPortSettings
{
    QString portName;
    qint32 baudRate = 9600;
};

/// The scanner's serial port as SerialScanner uses it: open, and be told of bytes as they come. An
/// interface so tests use a fake; the real one is QtScannerPort. Lives on the scanner's thread.
class ScannerPort : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual Result<void> open() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual QString description() const = 0;

Q_SIGNALS:
    void received(const QByteArray &bytes);
    /// The port broke or went away; it is closed.
    void lost(const QString &message);
};

using ScannerPortFactory = std::function<std::unique_ptr<ScannerPort>()>;

/// ScannerPort on QSerialPort, 8N1 at the configured baud rate.
class QtScannerPort : public ScannerPort
{
    Q_OBJECT

public:
    explicit QtScannerPort(ScannerPortSettings settings, QObject *parent = nullptr);
    ~QtScannerPort() override;

    Result<void> open() override;
    void close() override;
    bool isOpen() const override;
    QString description() const override;

    static ScannerPortFactory factory(const ScannerPortSettings &settings);

private:
    void onError();

    ScannerPortSettings m_settings;
    QSerialPort *m_port = nullptr;
};

} // namespace ow::drivers::scanner
