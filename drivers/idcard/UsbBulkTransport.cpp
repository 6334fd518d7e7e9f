#include "idcard/UsbBulkTransport.h"

#include "idcard/LibUsbContext.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QStringList>
#include <QThread>

namespace ow::drivers::idcard {

namespace {

constexpr int kPollMs = 250;

/// Stands in for a transport when USB itself cannot be used, so the reader reports why and retries.
class UnavailableTransport : public IdCardTransport
{
public:
    explicit UnavailableTransport(Error error)
        : m_error(std::move(error))
    {
    }
    Result<void> open() override { return failWith(m_error); }
    void close() override { }
    bool isOpen() const override { return false; }
    Result<void> write(const QByteArray &) override { return failWith(m_error); }
    Result<QByteArray> read(int) override { return failWith(m_error); }
    bool waitForDevice(int) override { return true; }
    QString description() const override { return QCoreApplication::translate("ow::drivers::idcard", "USB"); }

private:
    Error m_error;
};

} // namespace

QList<UsbDeviceId> UsbBulkTransport::defaultDeviceIds()
{
    return {{0x0400, 0xC35A}, {0x0316, 0x5020}};
}

UsbBulkTransport::UsbBulkTransport(
    std::shared_ptr<UsbContext> context, QList<UsbDeviceId> ids, UsbBulkLayout layout)
    : m_context(std::move(context))
    , m_ids(std::move(ids))
    , m_layout(layout)
{
}

UsbBulkTransport::~UsbBulkTransport()
{
    close();
}

IdCardTransportFactory UsbBulkTransport::libUsbFactory(QList<UsbDeviceId> ids, UsbBulkLayout layout)
{
    return [ids, layout]() -> std::unique_ptr<IdCardTransport> {
        Result<std::unique_ptr<LibUsbContext>> context = LibUsbContext::create();
        if (!context)
            return std::make_unique<UnavailableTransport>(context.error());
        return std::make_unique<UsbBulkTransport>(
            std::shared_ptr<UsbContext>(std::move(*context)), ids, layout);
    };
}

std::optional<UsbDeviceId> UsbBulkTransport::pluggedIn()
{
    const QList<UsbDeviceId> connected = m_context->connectedDevices();
    for (const UsbDeviceId &id : std::as_const(m_ids))
        if (connected.contains(id))
            return id;
    return std::nullopt;
}

Result<void> UsbBulkTransport::open()
{
    close();
    const std::optional<UsbDeviceId> id = pluggedIn();
    if (!id)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate(
                "ow::drivers::idcard", "No USB ID card reader is plugged in (looked for %1).")
                .arg(idList()));
    Result<std::unique_ptr<UsbDevice>> device = m_context->open(*id);
    if (!device)
        return failWith(device.error());
    if (Result<void> claimed = (*device)->claimInterface(m_layout.interfaceNumber); !claimed)
        return claimed;
    m_device = std::move(*device);
    m_openId = id;
    m_replyStarted = false;
    return {};
}

void UsbBulkTransport::close()
{
    m_device.reset();
    m_openId.reset();
}

Result<void> UsbBulkTransport::write(const QByteArray &frame)
{
    if (!m_device)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "The USB ID card reader is not open."));
    const qsizetype headerSize = std::min<qsizetype>(m_layout.headerSize, frame.size());
    const QByteArray parts[2] = {frame.first(headerSize), frame.sliced(headerSize)};
    const quint8 endpoints[2] = {m_layout.headerOut, m_layout.bodyOut};
    for (int i = 0; i < 2; ++i) {
        if (parts[i].isEmpty())
            continue;
        Result<qsizetype> sent = m_device->bulkWrite(endpoints[i], parts[i], m_layout.writeTimeoutMs);
        if (!sent) {
            close();
            return failWith(sent.error());
        }
        if (*sent != parts[i].size())
            return fail(Error::Code::Io,
                QCoreApplication::translate(
                    "ow::drivers::idcard", "The USB ID card reader took %1 of %2 bytes sent to endpoint %3.")
                    .arg(*sent)
                    .arg(parts[i].size())
                    .arg(QStringLiteral("0x%1").arg(endpoints[i], 2, 16, QLatin1Char('0'))));
    }
    m_replyStarted = false;
    return {};
}

Result<QByteArray> UsbBulkTransport::read(int timeoutMs)
{
    if (!m_device)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::drivers::idcard", "The USB ID card reader is not open."));
    const quint8 endpoint = m_replyStarted ? m_layout.bodyIn : m_layout.headerIn;
    Result<QByteArray> packet = m_device->bulkRead(endpoint, m_layout.packetSize, timeoutMs);
    if (!packet) {
        close();
        return packet;
    }
    if (!packet->isEmpty())
        m_replyStarted = true;
    return packet;
}

bool UsbBulkTransport::waitForDevice(int timeoutMs)
{
    if (pluggedIn())
        return true;
    if (!m_watching && m_context->hasHotplug())
        m_watching = m_context->watchArrivals(m_ids, [this](UsbDeviceId) { m_arrived = true; });
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const int slice = int(std::min<qint64>(kPollMs, std::max<qint64>(1, deadline.remainingTime())));
        if (m_watching) {
            m_context->handleEvents(slice);
            if (std::exchange(m_arrived, false))
                return true;
        } else {
            QThread::msleep(slice);
            if (pluggedIn())
                return true;
        }
    }
    return false;
}

QString UsbBulkTransport::idList() const
{
    QStringList ids;
    for (const UsbDeviceId &id : m_ids)
        ids.append(id.toString());
    return ids.join(QStringLiteral(", "));
}

QString UsbBulkTransport::description() const
{
    if (m_openId)
        return QCoreApplication::translate("ow::drivers::idcard", "USB reader %1").arg(m_openId->toString());
    return QCoreApplication::translate("ow::drivers::idcard", "USB reader %1").arg(idList());
}

} // namespace ow::drivers::idcard
