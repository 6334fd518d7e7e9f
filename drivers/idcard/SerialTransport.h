#pragma once

#include "idcard/IdCardTransport.h"

#include <memory>

namespace ow::drivers::serial {
class SerialPort;
} // namespace ow::drivers::serial

namespace ow::drivers::idcard {

/// An ID card reader on a serial or USB-serial port: a SerialPort at 115200 8N1, blocking waits
/// (the reader runs on its own thread).
class SerialTransport : public IdCardTransport
{
public:
    explicit SerialTransport(QString portName, qint32 baudRate = 115200);
    /// On a port given (a test's fake).
    explicit SerialTransport(std::unique_ptr<serial::SerialPort> port);
    ~SerialTransport() override;

    Result<void> open() override;
    void close() override;
    bool isOpen() const override;
    Result<void> write(const QByteArray &frame) override;
    Result<QByteArray> read(int timeoutMs) override;
    bool waitForDevice(int timeoutMs) override;
    QString description() const override;

    static IdCardTransportFactory factory(const QString &portName, qint32 baudRate = 115200);

private:
    /// Closes the port and fails with `what`, filled with the port's name and the system's reason.
    Failure failure(const QString &what, const QString &reason);
    Failure notOpen() const;
    const QString &portName() const;

    std::unique_ptr<serial::SerialPort> m_port;
};

} // namespace ow::drivers::idcard
