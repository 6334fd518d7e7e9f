#include "idcard/LibUsbContext.h"

#include <QCoreApplication>
#include <libusb.h>

namespace ow::drivers::idcard {

namespace {

QString usbError(int code)
{
    return QString::fromUtf8(libusb_strerror(code));
}

/// An open libusb device handle with its claimed interface.
class LibUsbDevice : public UsbDevice
{
public:
    LibUsbDevice(libusb_device_handle *handle, UsbDeviceId id)
        : m_handle(handle)
        , m_id(id)
    {
        // Readers that also expose a HID or CDC interface have a kernel driver bound to it.
        libusb_set_auto_detach_kernel_driver(m_handle, 1);
    }
    ~LibUsbDevice() override
    {
        if (m_claimed >= 0)
            libusb_release_interface(m_handle, m_claimed);
        libusb_close(m_handle);
    }
    LibUsbDevice(const LibUsbDevice &) = delete;
    LibUsbDevice &operator=(const LibUsbDevice &) = delete;

    Result<void> claimInterface(int number) override
    {
        const int rc = libusb_claim_interface(m_handle, number);
        if (rc != LIBUSB_SUCCESS)
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::drivers::idcard",
                    "The USB ID card reader %1 is in use by another program or driver: %2.")
                    .arg(m_id.toString(), usbError(rc)));
        m_claimed = number;
        return {};
    }

    Result<qsizetype> bulkWrite(quint8 endpoint, const QByteArray &data, int timeoutMs) override
    {
        QByteArray copy = data; // libusb takes a non-const buffer
        int transferred = 0;
        const int rc
            = libusb_bulk_transfer(m_handle, endpoint, reinterpret_cast<unsigned char *>(copy.data()),
                int(copy.size()), &transferred, static_cast<unsigned int>(std::max(1, timeoutMs)));
        if (rc != LIBUSB_SUCCESS && rc != LIBUSB_ERROR_TIMEOUT)
            return fail(Error::Code::Io,
                QCoreApplication::translate(
                    "ow::drivers::idcard", "Sending to the USB ID card reader %1 failed: %2.")
                    .arg(m_id.toString(), usbError(rc)));
        return qsizetype(transferred);
    }

    Result<QByteArray> bulkRead(quint8 endpoint, int maxSize, int timeoutMs) override
    {
        QByteArray buffer(maxSize, '\0');
        int transferred = 0;
        // libusb reads a timeout of 0 as "wait forever"; callers mean "do not wait".
        const int rc
            = libusb_bulk_transfer(m_handle, endpoint, reinterpret_cast<unsigned char *>(buffer.data()),
                maxSize, &transferred, static_cast<unsigned int>(std::max(1, timeoutMs)));
        if (rc != LIBUSB_SUCCESS && rc != LIBUSB_ERROR_TIMEOUT)
            return fail(Error::Code::Io,
                QCoreApplication::translate(
                    "ow::drivers::idcard", "Reading from the USB ID card reader %1 failed: %2.")
                    .arg(m_id.toString(), usbError(rc)));
        buffer.truncate(transferred);
        return buffer;
    }

private:
    libusb_device_handle *m_handle;
    UsbDeviceId m_id;
    int m_claimed = -1;
};

int LIBUSB_CALL onHotplug(libusb_context *, libusb_device *device, libusb_hotplug_event, void *user)
{
    libusb_device_descriptor descriptor {};
    if (libusb_get_device_descriptor(device, &descriptor) == LIBUSB_SUCCESS)
        static_cast<LibUsbContext *>(user)->notifyArrival({descriptor.idVendor, descriptor.idProduct});
    return 0; // stay registered
}

} // namespace

LibUsbContext::LibUsbContext(libusb_context *context)
    : m_context(context)
{
}

Result<std::unique_ptr<LibUsbContext>> LibUsbContext::create()
{
    libusb_context *context = nullptr;
    const int rc = libusb_init(&context);
    if (rc != LIBUSB_SUCCESS)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "USB is not available on this computer: %1.")
                .arg(usbError(rc)));
    return std::unique_ptr<LibUsbContext>(new LibUsbContext(context));
}

LibUsbContext::~LibUsbContext()
{
    for (const int handle : std::as_const(m_hotplugHandles))
        libusb_hotplug_deregister_callback(m_context, handle);
    libusb_exit(m_context);
}

QList<UsbDeviceId> LibUsbContext::connectedDevices()
{
    QList<UsbDeviceId> ids;
    libusb_device **list = nullptr;
    const ssize_t count = libusb_get_device_list(m_context, &list);
    for (ssize_t i = 0; i < count; ++i) {
        libusb_device_descriptor descriptor {};
        if (libusb_get_device_descriptor(list[i], &descriptor) == LIBUSB_SUCCESS)
            ids.append({descriptor.idVendor, descriptor.idProduct});
    }
    if (count >= 0)
        libusb_free_device_list(list, 1);
    return ids;
}

Result<std::unique_ptr<UsbDevice>> LibUsbContext::open(UsbDeviceId id)
{
    libusb_device **list = nullptr;
    const ssize_t count = libusb_get_device_list(m_context, &list);
    int rc = LIBUSB_ERROR_NO_DEVICE;
    libusb_device_handle *handle = nullptr;
    for (ssize_t i = 0; i < count && !handle; ++i) {
        libusb_device_descriptor descriptor {};
        if (libusb_get_device_descriptor(list[i], &descriptor) != LIBUSB_SUCCESS
            || UsbDeviceId {descriptor.idVendor, descriptor.idProduct} != id)
            continue;
        rc = libusb_open(list[i], &handle);
    }
    if (count >= 0)
        libusb_free_device_list(list, 1);
    if (!handle) {
        if (rc == LIBUSB_ERROR_ACCESS)
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::drivers::idcard",
                    "This user may not use the USB ID card reader %1; the system administrator has to allow "
                    "access to it (a udev rule on Linux).")
                    .arg(id.toString()));
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::drivers::idcard", "The USB ID card reader %1 could not be opened: %2.")
                .arg(id.toString(), usbError(rc)));
    }
    return std::unique_ptr<UsbDevice>(std::make_unique<LibUsbDevice>(handle, id));
}

bool LibUsbContext::hasHotplug() const
{
    return libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) != 0;
}

bool LibUsbContext::watchArrivals(const QList<UsbDeviceId> &ids, std::function<void(UsbDeviceId)> arrived)
{
    if (!hasHotplug())
        return false;
    m_arrived = std::move(arrived);
    for (const UsbDeviceId &id : ids) {
        libusb_hotplug_callback_handle handle = 0;
        const int rc = libusb_hotplug_register_callback(m_context, LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED,
            LIBUSB_HOTPLUG_NO_FLAGS, id.vendorId, id.productId, LIBUSB_HOTPLUG_MATCH_ANY, onHotplug, this,
            &handle);
        if (rc != LIBUSB_SUCCESS)
            return false;
        m_hotplugHandles.append(handle);
    }
    return true;
}

void LibUsbContext::handleEvents(int timeoutMs)
{
    timeval tv {};
    tv.tv_sec = timeoutMs / 1000;
    tv.tv_usec = (timeoutMs % 1000) * 1000;
    libusb_handle_events_timeout_completed(m_context, &tv, nullptr);
}

void LibUsbContext::notifyArrival(UsbDeviceId id)
{
    if (m_arrived)
        m_arrived(id);
}

} // namespace ow::drivers::idcard
