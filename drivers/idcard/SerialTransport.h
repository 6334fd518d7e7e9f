#pragma once

#include "idcard/IdCardTransport.h"

#include <memory>

class QSerialPort;

namespace ow::drivers::idcard {

/// An ID card reader on a serial or USB-serial port: QSerialPort at 115200 8N1, blocking waits
/// (the reader runs on its own thread).
class SerialTransport : public IdCardTransport
{
public:
    explicit SerialTransport(QString portName, qint32 baudRate = 115200);
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
    Result<void> failure(const QString &what);
    bool deviceExists() const;

    QString m_portName;
    qint32 m_baudRate;
    std::unique_ptr<QSerialPort> m_port;
};

} // namespace ow::drivers::idcard
