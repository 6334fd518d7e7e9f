#include "devices/DeviceHub.h"

#include "devices/CameraChannel.h"
#include "devices/EvaluatorChannel.h"
#include "devices/IdCardChannel.h"
#include "devices/ReceiptChannel.h"
#include "devices/ScannerChannel.h"

namespace ow::devices {

DeviceHub::DeviceHub(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<DeviceStatus>();
    qRegisterMetaType<DeviceTestResult>();
    // Every device starts as "not configured" until apply(); the defaults configure nothing that
    // could grab a port or a camera.
    apply(DeviceSettings::none());
}

DeviceHub::~DeviceHub()
{
    // Channels stop their threads when destroyed; do it while the hub's signals still exist.
    m_channels.clear();
}

void DeviceHub::apply(const DeviceSettings &settings)
{
    m_settings = settings;
    // The old backends go first, so a port or camera they hold is free for the new ones.
    m_idCard = nullptr;
    m_receipt = nullptr;
    m_evaluator = nullptr;
    m_scanner = nullptr;
    m_camera = nullptr;
    m_channels.clear();

    auto idCard = std::make_unique<IdCardChannel>(settings.idCard);
    m_idCard = idCard.get();
    connect(m_idCard, &IdCardChannel::cardRead, this, &DeviceHub::cardRead);
    adopt(std::move(idCard));

    auto receipt = std::make_unique<ReceiptChannel>(settings.receipt);
    m_receipt = receipt.get();
    adopt(std::move(receipt));

    auto evaluator = std::make_unique<EvaluatorChannel>(settings.evaluator);
    m_evaluator = evaluator.get();
    connect(m_evaluator, &EvaluatorChannel::ratingGiven, this, &DeviceHub::ratingGiven);
    connect(m_evaluator, &EvaluatorChannel::ratingFailed, this, &DeviceHub::ratingFailed);
    adopt(std::move(evaluator));

    auto scanner = std::make_unique<ScannerChannel>(settings.scanner);
    m_scanner = scanner.get();
    connect(m_scanner, &ScannerChannel::codeScanned, this, &DeviceHub::codeScanned);
    adopt(std::move(scanner));

    auto camera = std::make_unique<CameraChannel>(settings.camera);
    m_camera = camera.get();
    adopt(std::move(camera));

    Q_EMIT backendsReplaced();
}

Result<void> DeviceHub::applyFrom(const QSettings &settings)
{
    Result<DeviceSettings> loaded = DeviceSettings::load(settings);
    if (!loaded)
        return failWith(loaded.error());
    apply(*loaded);
    return {};
}

void DeviceHub::replaceScanner(
    std::unique_ptr<drivers::scanner::BarcodeScanner> scanner, const QString &backend)
{
    m_scanner = nullptr;
    m_channels.erase(DeviceKind::Scanner);
    auto channel = std::make_unique<ScannerChannel>(std::move(scanner), backend);
    m_scanner = channel.get();
    connect(m_scanner, &ScannerChannel::codeScanned, this, &DeviceHub::codeScanned);
    adopt(std::move(channel));
    Q_EMIT backendsReplaced();
}

void DeviceHub::setClock(Clock clock)
{
    m_clock = std::move(clock);
    for (const auto &[kind, channel] : m_channels)
        channel->setClock(m_clock);
}

void DeviceHub::adopt(std::unique_ptr<DeviceChannel> channel)
{
    channel->setClock(m_clock);
    connect(channel.get(), &DeviceChannel::statusChanged, this, &DeviceHub::statusChanged);
    connect(channel.get(), &DeviceChannel::testFinished, this, &DeviceHub::testFinished);
    const DeviceKind kind = channel->kind();
    Q_EMIT statusChanged(channel->status());
    m_channels[kind] = std::move(channel);
}

DeviceChannel *DeviceHub::channel(DeviceKind kind) const
{
    const auto found = m_channels.find(kind);
    return found == m_channels.end() ? nullptr : found->second.get();
}

DeviceStatus DeviceHub::status(DeviceKind kind) const
{
    if (const DeviceChannel *device = channel(kind))
        return device->status();
    return DeviceStatus {kind, {}, DeviceState::Off, {}};
}

bool DeviceHub::isTesting(DeviceKind kind) const
{
    const DeviceChannel *device = channel(kind);
    return device && device->isTesting();
}

void DeviceHub::runTest(DeviceKind kind)
{
    if (DeviceChannel *device = channel(kind))
        device->runTest();
}

int DeviceHub::printReceipt(const QImage &receipt)
{
    return m_receipt ? m_receipt->print(receipt) : -1;
}

void DeviceHub::requestRating(const QString &caseNumber, const QString &clerkName, const QString &clerkNumber)
{
    if (m_evaluator)
        m_evaluator->requestRating(caseNumber, clerkName, clerkNumber);
}

drivers::evaluator::Evaluator *DeviceHub::evaluator() const
{
    return m_evaluator ? m_evaluator->evaluator() : nullptr;
}

drivers::camera::DocumentCamera *DeviceHub::camera() const
{
    return m_camera ? m_camera->camera() : nullptr;
}

} // namespace ow::devices
