#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace ow::drivers::idcard {

/// A USB vendor and product id, written "0400:C35A".
struct UsbDeviceId
{
    quint16 vendorId = 0;
    quint16 productId = 0;

    friend bool operator==(const UsbDeviceId &, const UsbDeviceId &) = default;
    QString toString() const;
    /// "0400:C35A" (hex, case-insensitive); nothing for anything else.
    static std::optional<UsbDeviceId> parse(const QString &text);
};

/// An open USB device: the bulk transfers a reader needs. Virtual so a test replaces libusb.
class UsbDevice
{
public:
    virtual ~UsbDevice() = default;
    virtual Result<void> claimInterface(int number) = 0;
    /// Returns the number of bytes the device took.
    virtual Result<qsizetype> bulkWrite(quint8 endpoint, const QByteArray &data, int timeoutMs) = 0;
    /// Up to `maxSize` bytes; empty when the timeout passed with nothing.
    virtual Result<QByteArray> bulkRead(quint8 endpoint, int maxSize, int timeoutMs) = 0;
};

/// The USB bus as a reader driver sees it: which devices are plugged in, opening one, hot-plug.
class UsbContext
{
public:
    virtual ~UsbContext() = default;
    virtual QList<UsbDeviceId> connectedDevices() = 0;
    /// Opens the first device with this id.
    virtual Result<std::unique_ptr<UsbDevice>> open(UsbDeviceId id) = 0;
    /// Whether the platform tells about plugged-in devices (else callers poll connectedDevices()).
    virtual bool hasHotplug() const = 0;
    /// Asks for `arrived` to be called from handleEvents() when a device with one of `ids` is
    /// plugged in. False when hot-plug is not available.
    virtual bool watchArrivals(const QList<UsbDeviceId> &ids, std::function<void(UsbDeviceId)> arrived) = 0;
    /// Waits up to `timeoutMs` for USB events and dispatches them.
    virtual void handleEvents(int timeoutMs) = 0;
};

} // namespace ow::drivers::idcard
