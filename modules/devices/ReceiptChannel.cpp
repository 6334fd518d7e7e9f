#include "devices/ReceiptChannel.h"

#include "devices/TestReceipt.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace ow::devices {

using drivers::receipt::ReceiptPrinter;
using drivers::receipt::ReceiptSettings;
using drivers::receipt::ReceiptStatus;

ReceiptChannel::ReceiptChannel(const ReceiptSettings &settings, QObject *parent)
    : DeviceChannel(DeviceKind::Receipt, parent)
{
    qRegisterMetaType<ReceiptStatus>();
    switch (settings.connection) {
    case ReceiptSettings::Connection::Device:
        setBackend(QCoreApplication::translate("ow::devices", "device file %1").arg(settings.device));
        break;
    case ReceiptSettings::Connection::Cups:
        setBackend(QCoreApplication::translate("ow::devices", "CUPS queue %1").arg(settings.queue));
        break;
    case ReceiptSettings::Connection::Spooler:
        setBackend(QCoreApplication::translate("ow::devices", "Windows printer %1").arg(settings.printer));
        break;
    case ReceiptSettings::Connection::Simulator:
        m_simulator = std::make_unique<drivers::receipt::ReceiptSimulator>();
        setBackend(QCoreApplication::translate("ow::devices", "simulator"));
        break;
    case ReceiptSettings::Connection::None:
        return;
    }

    m_printer = std::make_unique<ReceiptPrinter>(settings.sinkFactory(m_simulator.get()), settings.options);
    connect(m_printer.get(), &ReceiptPrinter::printed, this, &ReceiptChannel::onPrinted);
    connect(m_printer.get(), &ReceiptPrinter::printFailed, this, &ReceiptChannel::onPrintFailed);
    if (settings.connection == ReceiptSettings::Connection::Device && !QFileInfo::exists(settings.device))
        setState(DeviceState::Missing,
            QCoreApplication::translate(
                "ow::devices", "%1 does not exist: is the printer plugged in and switched on?")
                .arg(settings.device));
    else
        setState(DeviceState::Connected);
}

ReceiptChannel::~ReceiptChannel() = default;

int ReceiptChannel::print(const QImage &receipt)
{
    return m_printer ? m_printer->print(receipt) : -1;
}

void ReceiptChannel::startTest()
{
    beginTest(QCoreApplication::translate("ow::devices", "Printing a test receipt…"), kTestTimeoutMs);
    m_testJob = m_printer->print(
        TestReceipt::render(m_printer->options().paperDots(), status().backend, clock().nowLocal()));
}

QString ReceiptChannel::timeoutMessage() const
{
    return QCoreApplication::translate(
        "ow::devices", "The printer did not take the test receipt within %1 seconds.")
        .arg(kTestTimeoutMs / 1000);
}

void ReceiptChannel::onPrinted(int jobId)
{
    setState(DeviceState::Connected);
    if (jobId == m_testJob)
        finishTest(
            true, QCoreApplication::translate("ow::devices", "The test receipt was sent to the printer."));
}

void ReceiptChannel::onPrintFailed(int jobId, ReceiptStatus status, const QString &message)
{
    setState(status == ReceiptStatus::DeviceNotFound ? DeviceState::Missing : DeviceState::Error, message);
    if (jobId == m_testJob)
        finishTest(false, message);
}

} // namespace ow::devices
