#pragma once

#include "idcard/UsbDevice.h"

struct libusb_context;

namespace ow::drivers::idcard {

/// UsbContext on libusb-1.0: the only class that calls libusb, so the rest is testable with a fake.
class LibUsbContext : public UsbContext
{
public:
    static Result<std::unique_ptr<LibUsbContext>> create();
    ~LibUsbContext() override;
    LibUsbContext(const LibUsbContext &) = delete;
    LibUsbContext &operator=(const LibUsbContext &) = delete;

    QList<UsbDeviceId> connectedDevices() override;
    Result<std::unique_ptr<UsbDevice>> open(UsbDeviceId id) override;
    bool hasHotplug() const override;
    bool watchArrivals(const QList<UsbDeviceId> &ids, std::function<void(UsbDeviceId)> arrived) override;
    void handleEvents(int timeoutMs) override;

    /// Called by the libusb hot-plug callback (from handleEvents) when a watched device arrives.
    void notifyArrival(UsbDeviceId id);

private:
    explicit LibUsbContext(libusb_context *context);

    libusb_context *m_context = nullptr;
    QList<int> m_hotplugHandles;
    std::function<void(UsbDeviceId)> m_arrived;
};

} // namespace ow::drivers::idcard
