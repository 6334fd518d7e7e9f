#include "devices/ScannerChannel.h"

#include "scanner/KeyboardWedgeFilter.h"
#include "scanner/ScannerSimulator.h"
#include "scanner/SerialScanner.h"

#include <QCoreApplication>
#include <QTimer>

namespace ow::devices {

using drivers::scanner::BarcodeScanner;
using drivers::scanner::ScannerSettings;

ScannerChannel::ScannerChannel(const ScannerSettings &settings, QObject *parent)
    : DeviceChannel(DeviceKind::Scanner, parent)
    , m_scanner(settings.create())
{
    switch (settings.mode) {
    case ScannerSettings::Mode::Keyboard:
        setBackend(
            QCoreApplication::translate("ow::devices", "USB keyboard (codes told from typing by speed)"));
        break;
    case ScannerSettings::Mode::Serial:
        setBackend(QCoreApplication::translate("ow::devices", "serial port %1").arg(settings.port.portName));
        break;
    case ScannerSettings::Mode::None:
        break;
    }
    attach();
}

ScannerChannel::ScannerChannel(
    std::unique_ptr<BarcodeScanner> scanner, const QString &backend, QObject *parent)
    : DeviceChannel(DeviceKind::Scanner, parent)
    , m_scanner(std::move(scanner))
{
    setBackend(backend);
    attach();
}

ScannerChannel::~ScannerChannel()
{
    if (m_scanner)
        m_scanner->stop();
}

void ScannerChannel::attach()
{
    if (!m_scanner)
        return;
    connect(m_scanner.get(), &BarcodeScanner::codeScanned, this, &ScannerChannel::onCode);
    connect(m_scanner.get(), &BarcodeScanner::scannerError, this, [this](const QString &message) {
        setState(DeviceState::Error, message);
        if (isTesting())
            finishTest(false, message);
    });
    if (auto *serial = qobject_cast<drivers::scanner::SerialScanner *>(m_scanner.get())) {
        connect(serial, &drivers::scanner::SerialScanner::connectedChanged, this, [this](bool connected) {
            if (connected)
                setState(DeviceState::Connected);
            else if (restingState() != DeviceState::Error)
                setState(DeviceState::Missing,
                    QCoreApplication::translate("ow::devices", "The scanner is not plugged in."));
        });
        setState(DeviceState::Missing, QCoreApplication::translate("ow::devices", "Opening the port…"));
    } else {
        setState(DeviceState::Connected);
    }
    if (isKeyboardWedge())
        applyListening();
    else
        m_scanner->start();
}

bool ScannerChannel::isKeyboardWedge() const
{
    return qobject_cast<drivers::scanner::KeyboardWedgeFilter *>(m_scanner.get()) != nullptr;
}

void ScannerChannel::setListening(bool listening)
{
    m_listening = listening;
    if (isKeyboardWedge())
        applyListening();
}

void ScannerChannel::applyListening()
{
    if (!m_scanner)
        return;
    if (m_listening || isTesting())
        m_scanner->start();
    else
        m_scanner->stop();
}

void ScannerChannel::startTest()
{
    beginTest(QCoreApplication::translate("ow::devices", "Scan any barcode or QR code now."), kTestTimeoutMs);
    if (isKeyboardWedge())
        applyListening();
    // The simulator has no one to pull its trigger: it scans a sample code by itself, like a clerk would.
    if (auto *simulator = qobject_cast<drivers::scanner::ScannerSimulator *>(m_scanner.get()))
        QTimer::singleShot(
            300, simulator, [simulator] { simulator->scan(QStringLiteral("OW-TEST-0123456789")); });
}

QString ScannerChannel::timeoutMessage() const
{
    return QCoreApplication::translate("ow::devices", "Nothing was scanned within %1 seconds.")
        .arg(kTestTimeoutMs / 1000);
}

void ScannerChannel::onCode(const QString &code)
{
    setState(DeviceState::Connected);
    if (isTesting()) {
        finishTest(true, QCoreApplication::translate("ow::devices", "Scanned: %1").arg(code));
        if (isKeyboardWedge())
            applyListening();
        return;
    }
    Q_EMIT codeScanned(code);
}

} // namespace ow::devices
