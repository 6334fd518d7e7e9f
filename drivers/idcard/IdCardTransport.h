#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

namespace ow::drivers::idcard {

/// A byte pipe to an ID card reader: serial port, USB bulk endpoints or a test fake. Framing is not
/// its business (FrameDecoder's is), so a vendor variant is one small class. Used from one thread.
class IdCardTransport
{
public:
    virtual ~IdCardTransport() = default;

    virtual Result<void> open() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    /// Sends one whole request frame (USB readers want its header and body on different endpoints).
    virtual Result<void> write(const QByteArray &frame) = 0;
    /// Waits up to `timeoutMs` for bytes and returns those that came, empty when none did. An error
    /// means the device is gone or broken, not that it was slow.
    virtual Result<QByteArray> read(int timeoutMs) = 0;
    /// Waits up to `timeoutMs` for the device to be plugged in; true when opening it is worth a try.
    virtual bool waitForDevice(int timeoutMs) = 0;
    /// For messages: "serial port /dev/ttyUSB0", "USB reader 0400:C35A".
    virtual QString description() const = 0;
};

/// Makes a transport on the thread that will use it (QSerialPort and libusb handles stay on theirs).
using IdCardTransportFactory = std::function<std::unique_ptr<IdCardTransport>()>;

} // namespace ow::drivers::idcard
