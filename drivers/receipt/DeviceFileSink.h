#pragma once

#include "receipt/ReceiptSink.h"

namespace ow::drivers::receipt {

/// A printer that is a file: the Linux usblp node (/dev/usb/lp0), a serial port already set up,
/// or a plain file for tests. Opened for each job so an unplugged printer is noticed at once.
class DeviceFileSink : public ReceiptSink
{
public:
    explicit DeviceFileSink(QString path);

    ReceiptOutcome send(const QByteArray &job) override;
    QString description() const override;

    static ReceiptSinkFactory factory(const QString &path);

private:
    QString m_path;
};

} // namespace ow::drivers::receipt
