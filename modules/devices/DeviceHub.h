#pragma once

#include "core/Clock.h"
#include "devices/DeviceSettings.h"
#include "devices/DeviceStatus.h"
#include "evaluator/Rating.h"
#include "idcard/IdCardData.h"

#include <QObject>
#include <map>
#include <memory>

class QImage;

namespace ow::drivers::camera {
class DocumentCamera;
}
namespace ow::drivers::evaluator {
class Evaluator;
}
namespace ow::drivers::scanner {
class BarcodeScanner;
}

namespace ow::devices {

class CameraChannel;
class DeviceChannel;
class EvaluatorChannel;
class IdCardChannel;
class ReceiptChannel;
class ScannerChannel;

/// The devices of one counter desk, each driven by the backend its settings choose (real or
/// simulated), with its status and a test action. Lives on the GUI thread and only routes the
/// drivers' queued signals: cards, codes and ratings to the intake, status and test results to the
/// device panel. Device I/O stays on the drivers' threads.
class DeviceHub : public QObject
{
    Q_OBJECT

public:
    explicit DeviceHub(QObject *parent = nullptr);
    ~DeviceHub() override;

    /// Replaces every backend with those `settings` choose (devices whose settings did not change
    /// are restarted too: the panel's Apply is the "reconnect" button as well).
    void apply(const DeviceSettings &settings);
    /// DeviceSettings::load, then apply(); on a bad key nothing changes and the error names the key.
    Result<void> applyFrom(const QSettings &settings);
    const DeviceSettings &settings() const { return m_settings; }
    /// What the devices' test time-outs and results are timed by (the system clock unless set).
    void setClock(Clock clock);

    /// Drives the scanner through `scanner` instead of the configured one (a ScannerSimulator for
    /// demos and tests). Lasts until the next apply().
    void replaceScanner(std::unique_ptr<drivers::scanner::BarcodeScanner> scanner, const QString &backend);

    DeviceStatus status(DeviceKind kind) const;
    bool isTesting(DeviceKind kind) const;
    /// Starts the device's test action; ends with one testFinished for `kind`.
    void runTest(DeviceKind kind);

    /// Queues a receipt image at the printer's dots; the job id, or -1 when there is no printer.
    int printReceipt(const QImage &receipt);
    /// Asks the applicant for a rating of this case; the answer comes as ratingGiven or ratingFailed.
    void requestRating(const QString &caseNumber, const QString &clerkName, const QString &clerkNumber);

    IdCardChannel *idCard() const { return m_idCard; }
    ReceiptChannel *receipt() const { return m_receipt; }
    EvaluatorChannel *evaluatorChannel() const { return m_evaluator; }
    ScannerChannel *scanner() const { return m_scanner; }
    CameraChannel *cameraChannel() const { return m_camera; }
    /// nullptr when none is configured; an OnScreenEvaluator needs its window (EvaluatorPadWindow).
    drivers::evaluator::Evaluator *evaluator() const;
    /// nullptr when none is configured; the capture dialog drives it.
    drivers::camera::DocumentCamera *camera() const;

Q_SIGNALS:
    void statusChanged(const ow::devices::DeviceStatus &status);
    void testFinished(const ow::devices::DeviceTestResult &result);
    /// The backends were replaced: re-read the statuses, re-attach to evaluator() and camera().
    void backendsReplaced();

    void cardRead(const ow::drivers::idcard::IdCardData &card);
    void codeScanned(const QString &code);
    void ratingGiven(const QString &caseNumber, ow::drivers::evaluator::Rating rating);
    void ratingFailed(
        const QString &caseNumber, ow::drivers::evaluator::RatingFailure failure, const QString &message);

private:
    void adopt(std::unique_ptr<DeviceChannel> channel);
    DeviceChannel *channel(DeviceKind kind) const;

    DeviceSettings m_settings;
    Clock m_clock;
    std::map<DeviceKind, std::unique_ptr<DeviceChannel>> m_channels;
    IdCardChannel *m_idCard = nullptr;
    ReceiptChannel *m_receipt = nullptr;
    EvaluatorChannel *m_evaluator = nullptr;
    ScannerChannel *m_scanner = nullptr;
    CameraChannel *m_camera = nullptr;
};

} // namespace ow::devices
