#pragma once

#include "evaluator/SerialLink.h"

class QSerialPort;

namespace ow::drivers::evaluator {

/// SerialLink on QSerialPort, event driven on the thread that owns it.
class QtSerialLink : public SerialLink
{
    Q_OBJECT

public:
    explicit QtSerialLink(SerialPortSettings settings, QObject *parent = nullptr);
    ~QtSerialLink() override;

    Result<void> open() override;
    void close() override;
    bool isOpen() const override;
    Result<void> write(const QByteArray &bytes) override;
    void discardInput() override;
    QString description() const override;

    static SerialLinkFactory factory(const SerialPortSettings &settings);

private:
    void onError();

    SerialPortSettings m_settings;
    QSerialPort *m_port = nullptr;
};

} // namespace ow::drivers::evaluator
