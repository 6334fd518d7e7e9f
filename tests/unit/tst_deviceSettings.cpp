#include "devices/DeviceSettings.h"
#include "devices/IdCardSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::devices;
using ow::drivers::camera::CameraSettings;
using ow::drivers::evaluator::EvaluatorSettings;
using ow::drivers::evaluator::KeyMapping;
using ow::drivers::idcard::UsbDeviceId;
using ow::drivers::receipt::Alignment;
using ow::drivers::receipt::CutMode;
using ow::drivers::receipt::Dithering;
using ow::drivers::receipt::PaperWidth;
using ow::drivers::receipt::ReceiptSettings;
using ow::drivers::scanner::ScannerSettings;

namespace {

/// Every field set away from its default, so a key lost on the way shows.
DeviceSettings unusualSettings()
{
    DeviceSettings settings;
    settings.idCard.connection = IdCardSettings::Connection::Serial;
    settings.idCard.port = QStringLiteral("/dev/ttyUSB3");
    settings.idCard.baudRate = 57600;
    settings.idCard.usbIds = {UsbDeviceId {0x0400, 0xC35A}, UsbDeviceId {0x1234, 0xABCD}};
    settings.idCard.withFingerprint = true;
    settings.idCard.powerUpDelayMs = 750;

    settings.receipt.connection = ReceiptSettings::Connection::Cups;
    settings.receipt.device = QStringLiteral("/dev/usb/lp3");
    settings.receipt.queue = QStringLiteral("slip");
    settings.receipt.printer = QStringLiteral("POS-80");
    settings.receipt.options.paper = PaperWidth::Mm58;
    settings.receipt.options.alignment = Alignment::Left;
    settings.receipt.options.dithering = Dithering::FloydSteinberg;
    settings.receipt.options.threshold = 100;
    settings.receipt.options.feedLines = 7;
    settings.receipt.options.cut = CutMode::Full;
    settings.receipt.options.bandRows = 64;

    settings.evaluator.backend = EvaluatorSettings::Backend::Serial;
    settings.evaluator.port.portName = QStringLiteral("COM7");
    settings.evaluator.port.baudRate = 19200;
    settings.evaluator.port.dataBits = 7;
    settings.evaluator.port.parity = 'E';
    settings.evaluator.port.stopBits = 2;
    settings.evaluator.mapping = *KeyMapping::parse(QStringLiteral("41=5 42=4 43=3 44=2 45=1 30=0"));
    settings.evaluator.serial.timeoutMs = 45000;
    settings.evaluator.serial.prompt = QByteArray::fromHex("023103");

    settings.scanner.mode = ScannerSettings::Mode::Serial;
    settings.scanner.wedge.minLength = 9;
    settings.scanner.wedge.maxIntervalMs = 60;
    settings.scanner.port.portName = QStringLiteral("/dev/ttyACM1");
    settings.scanner.port.baudRate = 115200;

    settings.camera.backend = CameraSettings::Backend::Folder;
    settings.camera.deviceId = QStringLiteral("usb-0c45-6366");
    settings.camera.folder = QStringLiteral("pages");
    settings.camera.page.autoCrop = false;
    settings.camera.page.deskew = false;
    settings.camera.page.jpegQuality = 70;
    settings.camera.page.maxLongEdge = 1600;
    return settings;
}

} // namespace

/// DeviceSettings: one load and one save for every device's group, through the drivers' loaders.
class TestDeviceSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptySettingsGiveTheDriversDefaults()
    {
        QTemporaryDir dir;
        const QSettings empty(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const ow::Result<DeviceSettings> loaded = DeviceSettings::load(empty);
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->idCard.connection, IdCardSettings::Connection::None);
        QCOMPARE(loaded->idCard.baudRate, 115200);
        QCOMPARE(loaded->idCard.usbIds.size(), 2);
        QCOMPARE(loaded->receipt.connection, ReceiptSettings::Connection::None);
        QCOMPARE(loaded->evaluator.backend, EvaluatorSettings::Backend::None);
        QCOMPARE(loaded->scanner.mode, ScannerSettings::Mode::Keyboard);
        QCOMPARE(loaded->camera.backend, CameraSettings::Backend::Qt);
    }

    void everyFieldSurvivesASaveAndALoad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        const DeviceSettings saved = unusualSettings();
        {
            QSettings settings(path, QSettings::IniFormat);
            saved.save(settings);
        }
        const QSettings settings(path, QSettings::IniFormat);
        const ow::Result<DeviceSettings> loaded = DeviceSettings::load(settings);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().message()));

        QCOMPARE(loaded->idCard, saved.idCard);

        QCOMPARE(loaded->receipt.connection, saved.receipt.connection);
        QCOMPARE(loaded->receipt.device, saved.receipt.device);
        QCOMPARE(loaded->receipt.queue, saved.receipt.queue);
        QCOMPARE(loaded->receipt.printer, saved.receipt.printer);
        QCOMPARE(loaded->receipt.options.paper, saved.receipt.options.paper);
        QCOMPARE(loaded->receipt.options.alignment, saved.receipt.options.alignment);
        QCOMPARE(loaded->receipt.options.dithering, saved.receipt.options.dithering);
        QCOMPARE(loaded->receipt.options.threshold, saved.receipt.options.threshold);
        QCOMPARE(loaded->receipt.options.feedLines, saved.receipt.options.feedLines);
        QCOMPARE(loaded->receipt.options.cut, saved.receipt.options.cut);
        QCOMPARE(loaded->receipt.options.bandRows, saved.receipt.options.bandRows);

        QCOMPARE(loaded->evaluator.backend, saved.evaluator.backend);
        QCOMPARE(loaded->evaluator.port.portName, saved.evaluator.port.portName);
        QCOMPARE(loaded->evaluator.port.baudRate, saved.evaluator.port.baudRate);
        QCOMPARE(loaded->evaluator.port.frame(), QStringLiteral("7E2"));
        QVERIFY(loaded->evaluator.mapping == saved.evaluator.mapping);
        QCOMPARE(loaded->evaluator.serial.timeoutMs, saved.evaluator.serial.timeoutMs);
        QCOMPARE(loaded->evaluator.serial.prompt, saved.evaluator.serial.prompt);

        QCOMPARE(loaded->scanner.mode, saved.scanner.mode);
        QCOMPARE(loaded->scanner.wedge.minLength, saved.scanner.wedge.minLength);
        QCOMPARE(loaded->scanner.wedge.maxIntervalMs, saved.scanner.wedge.maxIntervalMs);
        QCOMPARE(loaded->scanner.port.portName, saved.scanner.port.portName);
        QCOMPARE(loaded->scanner.port.baudRate, saved.scanner.port.baudRate);

        QCOMPARE(loaded->camera.backend, saved.camera.backend);
        QCOMPARE(loaded->camera.deviceId, saved.camera.deviceId);
        QCOMPARE(loaded->camera.folder, saved.camera.folder);
        QCOMPARE(loaded->camera.page.autoCrop, saved.camera.page.autoCrop);
        QCOMPARE(loaded->camera.page.deskew, saved.camera.page.deskew);
        QCOMPARE(loaded->camera.page.jpegQuality, saved.camera.page.jpegQuality);
        QCOMPARE(loaded->camera.page.maxLongEdge, saved.camera.page.maxLongEdge);
    }

    void presetKeyMappingsAreSavedByName()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        DeviceSettings saved = unusualSettings();
        saved.evaluator.mapping = KeyMapping::preset(KeyMapping::Preset::GenerationB);
        saved.save(settings);
        QCOMPARE(settings.value(QStringLiteral("evaluator/keys")).toString(), QStringLiteral("b"));
        QVERIFY(!settings.contains(QStringLiteral("evaluator/keyMap")));
        const ow::Result<DeviceSettings> loaded = DeviceSettings::load(settings);
        QVERIFY(loaded.has_value());
        QVERIFY(loaded->evaluator.mapping == KeyMapping::preset(KeyMapping::Preset::GenerationB));
    }

    void groupsAreOnePerDevice()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        unusualSettings().save(settings);
        QStringList groups = settings.childGroups();
        groups.sort();
        QCOMPARE(groups,
            QStringList({QStringLiteral("camera"), QStringLiteral("evaluator"), QStringLiteral("idcard"),
                QStringLiteral("receipt"), QStringLiteral("scanner")}));
    }

    void aBadKeyInAnyGroupIsNamed_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("idcard connection") << "idcard/connection"
                                           << "bluetooth";
        QTest::newRow("idcard usb ids") << "idcard/usbIds"
                                        << "0400:C35A nonsense";
        QTest::newRow("idcard fingerprint") << "idcard/fingerprint"
                                            << "maybe";
        QTest::newRow("idcard power-up") << "idcard/powerUpDelayMs"
                                         << "-5";
        QTest::newRow("receipt") << "receipt/cut"
                                 << "sideways";
        QTest::newRow("evaluator") << "evaluator/keys"
                                   << "z";
        QTest::newRow("scanner") << "scanner/maxIntervalMs"
                                 << "1";
        QTest::newRow("camera") << "camera/backend"
                                << "webcam";
    }

    void aBadKeyInAnyGroupIsNamed()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(key, value);
        const ow::Result<DeviceSettings> loaded = DeviceSettings::load(settings);
        QVERIFY(!loaded.has_value());
        QVERIFY2(loaded.error().message().contains(key), qPrintable(loaded.error().message()));
    }

    void aSerialReaderNeedsAPort()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("idcard/connection"), QStringLiteral("serial"));
        const ow::Result<IdCardSettings> loaded = IdCardSettings::load(settings);
        QVERIFY(!loaded.has_value());
        QVERIFY(loaded.error().message().contains(QStringLiteral("idcard/port")));
    }

    void usbIdsAreParsedAndDeduplicated()
    {
        const ow::Result<QList<UsbDeviceId>> ids
            = IdCardSettings::parseUsbIds(QStringLiteral(" 0400:c35a, 0316:5020;0400:C35A "));
        QVERIFY(ids.has_value());
        QCOMPARE(IdCardSettings::usbIdsText(*ids), QStringLiteral("0400:C35A 0316:5020"));
        QVERIFY(!IdCardSettings::parseUsbIds(QStringLiteral("0400-C35A")).has_value());
    }

    void theSimulatorNeedsNoPowerUpWait()
    {
        IdCardSettings settings;
        settings.connection = IdCardSettings::Connection::Simulator;
        QCOMPARE(settings.readerOptions().powerUpDelayMs, 0);
        settings.connection = IdCardSettings::Connection::Usb;
        settings.powerUpDelayMs = 1500;
        QCOMPARE(settings.readerOptions().powerUpDelayMs, 1500);
    }

    void noneTurnsEveryDeviceOff()
    {
        const DeviceSettings none = DeviceSettings::none();
        QCOMPARE(none.idCard.connection, IdCardSettings::Connection::None);
        QCOMPARE(none.receipt.connection, ReceiptSettings::Connection::None);
        QCOMPARE(none.evaluator.backend, EvaluatorSettings::Backend::None);
        QCOMPARE(none.scanner.mode, ScannerSettings::Mode::None);
        QCOMPARE(none.camera.backend, CameraSettings::Backend::None);
    }
};

QTEST_GUILESS_MAIN(TestDeviceSettings)
#include "tst_deviceSettings.moc"
