#include "devices/DeviceHub.h"
#include "devices/EvaluatorChannel.h"
#include "devices/IdCardChannel.h"
#include "devices/ReceiptChannel.h"
#include "receipt/EscPosDecoder.h"
#include "scanner/ScannerSimulator.h"

#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::devices;
using ow::drivers::evaluator::EvaluatorSettings;
using ow::drivers::evaluator::Rating;
using ow::drivers::idcard::IdCardData;
using ow::drivers::idcard::IdCardSimulator;
using ow::drivers::receipt::ReceiptSettings;
using ow::drivers::receipt::ReceiptStatus;

namespace {

constexpr int kWaitMs = 10000;

DeviceTestResult lastResult(const QSignalSpy &spy)
{
    return spy.last().first().value<DeviceTestResult>();
}

} // namespace

/// DeviceHub on the simulated backends: statuses, test actions, and what reaches the intake.
class TestDeviceHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWithEveryDeviceOff()
    {
        DeviceHub hub;
        for (DeviceKind kind : kDeviceKinds)
            QCOMPARE(hub.status(kind).state, DeviceState::Off);
        QSignalSpy results(&hub, &DeviceHub::testFinished);
        hub.runTest(DeviceKind::Receipt);
        QCOMPARE(results.size(), 1);
        QVERIFY(!lastResult(results).ok);
        QCOMPARE(hub.printReceipt(QImage(10, 10, QImage::Format_RGB32)), -1);
    }

    void theCardTestReadsTheSimulatorsCardAndKeepsItFromTheIntake()
    {
        DeviceSettings settings = DeviceSettings::none();
        settings.idCard.connection = IdCardSettings::Connection::Simulator;
        DeviceHub hub;
        hub.apply(settings);
        QSignalSpy results(&hub, &DeviceHub::testFinished);
        QSignalSpy cards(&hub, &DeviceHub::cardRead);
        QTRY_COMPARE_WITH_TIMEOUT(hub.status(DeviceKind::IdCard).state, DeviceState::Connected, kWaitMs);

        hub.runTest(DeviceKind::IdCard);
        QCOMPARE(hub.status(DeviceKind::IdCard).state, DeviceState::Busy);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        const DeviceTestResult result = lastResult(results);
        QVERIFY2(result.ok, qPrintable(result.message));
        QCOMPARE(result.kind, DeviceKind::IdCard);
        QVERIFY2(result.message.contains(QStringLiteral("1101**********002X")), qPrintable(result.message));
        QCOMPARE(hub.status(DeviceKind::IdCard).state, DeviceState::Connected);
        QVERIFY(cards.isEmpty());

        // An applicant's card, outside a test, goes on.
        hub.idCard()->simulator()->placeCard(IdCardSimulator::sampleCard());
        QTRY_COMPARE_WITH_TIMEOUT(cards.size(), 1, kWaitMs);
        QCOMPARE(cards.first().first().value<IdCardData>().idNumber, QStringLiteral("11010519491231002X"));
    }

    void aFailedCardReadFailsTheTestWithTheReadersMessage()
    {
        DeviceSettings settings = DeviceSettings::none();
        settings.idCard.connection = IdCardSettings::Connection::Simulator;
        DeviceHub hub;
        hub.apply(settings);
        QSignalSpy results(&hub, &DeviceHub::testFinished);
        hub.idCard()->simulator()->setFault(IdCardSimulator::Fault::BadChecksum, 1);
        hub.runTest(DeviceKind::IdCard);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        QVERIFY(!lastResult(results).ok);
        QVERIFY2(lastResult(results).message.contains(QStringLiteral("checksum")),
            qPrintable(lastResult(results).message));
    }

    void theReceiptTestPrintsAPageAtThePapersWidth()
    {
        DeviceSettings settings = DeviceSettings::none();
        settings.receipt.connection = ReceiptSettings::Connection::Simulator;
        DeviceHub hub;
        hub.apply(settings);
        QCOMPARE(hub.status(DeviceKind::Receipt).state, DeviceState::Connected);
        QSignalSpy results(&hub, &DeviceHub::testFinished);
        hub.runTest(DeviceKind::Receipt);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        QVERIFY2(lastResult(results).ok, qPrintable(lastResult(results).message));

        const auto receipts = hub.receipt()->simulator()->receipts();
        QVERIFY(receipts.has_value());
        QCOMPARE(receipts->size(), 1);
        QCOMPARE(receipts->first().paper.width(), 576);
        QVERIFY(receipts->first().paper.height() > 100);

        hub.receipt()->simulator()->failNextJob(ReceiptStatus::DeviceNotFound);
        hub.runTest(DeviceKind::Receipt);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, kWaitMs);
        QVERIFY(!lastResult(results).ok);
        QCOMPARE(hub.status(DeviceKind::Receipt).state, DeviceState::Missing);
        QVERIFY(!hub.status(DeviceKind::Receipt).message.isEmpty());
    }

    void aMissingDeviceFileIsReportedAtOnce()
    {
        QTemporaryDir dir;
        DeviceSettings settings = DeviceSettings::none();
        settings.receipt.connection = ReceiptSettings::Connection::Device;
        settings.receipt.device = dir.filePath(QStringLiteral("lp9"));
        DeviceHub hub;
        hub.apply(settings);
        QCOMPARE(hub.status(DeviceKind::Receipt).state, DeviceState::Missing);
        QVERIFY(hub.status(DeviceKind::Receipt).message.contains(settings.receipt.device));
    }

    void theEvaluatorTestIsNotARatingOfACase()
    {
        DeviceSettings settings = DeviceSettings::none();
        settings.evaluator.backend = EvaluatorSettings::Backend::Simulator;
        DeviceHub hub;
        hub.apply(settings);
        QSignalSpy results(&hub, &DeviceHub::testFinished);
        QSignalSpy ratings(&hub, &DeviceHub::ratingGiven);
        hub.runTest(DeviceKind::Evaluator);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        QVERIFY2(lastResult(results).ok, qPrintable(lastResult(results).message));
        QVERIFY(ratings.isEmpty());

        hub.requestRating(
            QStringLiteral("3303020120260315010001W"), QStringLiteral("王敏"), QStringLiteral("0117"));
        QTRY_COMPARE_WITH_TIMEOUT(ratings.size(), 1, kWaitMs);
        QCOMPARE(ratings.first().at(0).toString(), QStringLiteral("3303020120260315010001W"));
        QCOMPARE(ratings.first().at(1).value<Rating>().value(), 5);
    }

    void theScanTestWaitsForOneCodeAndKeepsItFromTheIntake()
    {
        DeviceHub hub;
        auto simulator = std::make_unique<ow::drivers::scanner::ScannerSimulator>();
        auto *scanner = simulator.get();
        hub.replaceScanner(std::move(simulator), QStringLiteral("simulator"));
        QCOMPARE(hub.status(DeviceKind::Scanner).state, DeviceState::Connected);
        QSignalSpy results(&hub, &DeviceHub::testFinished);
        QSignalSpy codes(&hub, &DeviceHub::codeScanned);
        hub.runTest(DeviceKind::Scanner);
        QCOMPARE(hub.status(DeviceKind::Scanner).state, DeviceState::Busy);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        QVERIFY(lastResult(results).ok);
        QVERIFY(lastResult(results).message.contains(QStringLiteral("OW-TEST")));
        QVERIFY(codes.isEmpty());

        scanner->scan(QStringLiteral("3303020120260315010001W"));
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().first().toString(), QStringLiteral("3303020120260315010001W"));
    }

    void theCameraTestTakesAStillFromTheFolder()
    {
        QTemporaryDir dir;
        QImage page(640, 480, QImage::Format_RGB32);
        page.fill(Qt::white);
        QVERIFY(page.save(dir.filePath(QStringLiteral("page-1.png"))));
        DeviceSettings settings = DeviceSettings::none();
        settings.camera.backend = ow::drivers::camera::CameraSettings::Backend::Folder;
        settings.camera.folder = dir.path();
        DeviceHub hub;
        hub.apply(settings);
        QVERIFY(hub.camera());
        QCOMPARE(hub.status(DeviceKind::Camera).state, DeviceState::Connected);
        QSignalSpy results(&hub, &DeviceHub::testFinished);
        hub.runTest(DeviceKind::Camera);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        QVERIFY2(lastResult(results).ok, qPrintable(lastResult(results).message));
        QVERIFY(lastResult(results).message.contains(QStringLiteral("640")));
        // The camera was opened for the test only.
        QCOMPARE(hub.camera()->state(), ow::drivers::camera::DocumentCamera::State::Closed);
    }

    void applyFromReadsTheSettingsOrChangesNothing()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("counter.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("receipt/connection"), QStringLiteral("simulator"));
        settings.setValue(QStringLiteral("scanner/mode"), QStringLiteral("none"));
        settings.setValue(QStringLiteral("camera/backend"), QStringLiteral("none"));
        DeviceHub hub;
        QVERIFY(hub.applyFrom(settings).has_value());
        QCOMPARE(hub.status(DeviceKind::Receipt).state, DeviceState::Connected);

        settings.setValue(QStringLiteral("idcard/connection"), QStringLiteral("bluetooth"));
        const ow::Result<void> bad = hub.applyFrom(settings);
        QVERIFY(!bad.has_value());
        QVERIFY(bad.error().message().contains(QStringLiteral("idcard/connection")));
        QCOMPARE(hub.status(DeviceKind::Receipt).state, DeviceState::Connected);
    }

    void applyReplacesTheBackends()
    {
        DeviceSettings settings = DeviceSettings::none();
        settings.receipt.connection = ReceiptSettings::Connection::Simulator;
        DeviceHub hub;
        QSignalSpy replaced(&hub, &DeviceHub::backendsReplaced);
        hub.apply(settings);
        QCOMPARE(replaced.size(), 1);
        QVERIFY(hub.receipt()->printer());
        hub.apply(DeviceSettings::none());
        QCOMPARE(replaced.size(), 2);
        QVERIFY(!hub.receipt()->printer());
        QCOMPARE(hub.status(DeviceKind::Receipt).state, DeviceState::Off);
    }
};

QTEST_MAIN(TestDeviceHub)
#include "tst_deviceHub.moc"
