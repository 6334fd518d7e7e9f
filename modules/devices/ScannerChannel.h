#pragma once

#include "devices/DeviceChannel.h"
#include "scanner/BarcodeScanner.h"
#include "scanner/ScannerSettings.h"

#include <memory>

namespace ow::devices {

/// The barcode / QR scanner: every code passed on. A serial scanner is started at once. A
/// keyboard-wedge scanner listens only while a screen wants codes (setListening): while it listens,
/// fast bursts of keys ending in Enter are taken as scans, which must not happen to a clerk typing
/// a search or a form (or to keys sent by a remote-control or test tool). It cannot be seen until it
/// scans, so it shows as connected.
/// Test: wait for one code, which is not passed on (a test scan must not open a case).
class ScannerChannel : public DeviceChannel
{
    Q_OBJECT

public:
    static constexpr int kTestTimeoutMs = 30000;

    explicit ScannerChannel(const drivers::scanner::ScannerSettings &settings, QObject *parent = nullptr);
    /// Drives `scanner` instead (a ScannerSimulator for demos and tests); it is started here.
    ScannerChannel(std::unique_ptr<drivers::scanner::BarcodeScanner> scanner, const QString &backend,
        QObject *parent = nullptr);
    ~ScannerChannel() override;

    drivers::scanner::BarcodeScanner *scanner() const { return m_scanner.get(); }
    /// Whether keystrokes are watched for scans now (keyboard-wedge scanners; others always listen).
    void setListening(bool listening);
    bool isListening() const { return m_listening; }

Q_SIGNALS:
    void codeScanned(const QString &code);

protected:
    void startTest() override;
    QString timeoutMessage() const override;

private:
    void attach();
    void onCode(const QString &code);
    bool isKeyboardWedge() const;
    /// Starts or stops a keyboard-wedge scanner as listening (or a running test) asks.
    void applyListening();

    std::unique_ptr<drivers::scanner::BarcodeScanner> m_scanner;
    bool m_listening = false;
};

} // namespace ow::devices
