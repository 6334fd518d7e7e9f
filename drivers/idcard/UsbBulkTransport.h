#pragma once

#include "idcard/IdCardTransport.h"
#include "idcard/UsbDevice.h"

namespace ow::drivers::idcard {

/// Which endpoints a USB vendor-bulk ("部标") reader uses. The default is the 0400:C35A layout of
/// docs/hardware.md, "Transports": the 7-byte frame header out on 0x02 and the rest on 0x06; the reply's
/// first packet in on 0x81, the following ones on 0x85; 64-byte packets.
struct UsbBulkLayout
{
    int interfaceNumber = 0;
    quint8 headerOut = 0x02;
    quint8 bodyOut = 0x06;
    quint8 headerIn = 0x81;
    quint8 bodyIn = 0x85;
    int headerSize = 7;
    int packetSize = 64;
    int writeTimeoutMs = 1000;
};

/// An ID card reader on USB bulk endpoints, through a UsbContext (libusb, or a fake in tests).
/// The first listed id that is plugged in is used; hot-plug is waited for with libusb's callbacks
/// where the platform has them, by polling the device list elsewhere.
class UsbBulkTransport : public IdCardTransport
{
public:
    /// 0400:C35A, 0316:5020.
    static QList<UsbDeviceId> defaultDeviceIds();

    UsbBulkTransport(std::shared_ptr<UsbContext> context, QList<UsbDeviceId> ids = defaultDeviceIds(),
        UsbBulkLayout layout = {});
    ~UsbBulkTransport() override;

    Result<void> open() override;
    void close() override;
    bool isOpen() const override { return m_device != nullptr; }
    Result<void> write(const QByteArray &frame) override;
    Result<QByteArray> read(int timeoutMs) override;
    bool waitForDevice(int timeoutMs) override;
    QString description() const override;

    /// A factory that creates the libusb context on the reader's thread.
    static IdCardTransportFactory libUsbFactory(
        QList<UsbDeviceId> ids = defaultDeviceIds(), UsbBulkLayout layout = {});

private:
    std::optional<UsbDeviceId> pluggedIn();
    QString idList() const;

    std::shared_ptr<UsbContext> m_context;
    QList<UsbDeviceId> m_ids;
    UsbBulkLayout m_layout;
    std::unique_ptr<UsbDevice> m_device;
    std::optional<UsbDeviceId> m_openId;
    bool m_replyStarted = false;
    bool m_watching = false;
    bool m_arrived = false;
};

} // namespace ow::drivers::idcard
