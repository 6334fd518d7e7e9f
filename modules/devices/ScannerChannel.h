#pragma once

#include "devices/DeviceChannel.h"
#include "scanner/BarcodeScanner.h"
#include "scanner/ScannerSettings.h"

#include <memory>

namespace ow::devices {

/// The barcode / QR scanner: started at once, every code passed on. A keyboard-wedge scanner cannot
/// be seen until it scans, so it shows as connected.
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

signals:
    void codeScanned(const QString &code);

protected:
    void startTest() override;
    QString timeoutMessage() const override;

private:
    void attach();
    void onCode(const QString &code);

    std::unique_ptr<drivers::scanner::BarcodeScanner> m_scanner;
};

} // namespace ow::devices
