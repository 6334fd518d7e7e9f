#include "scanner/KeyboardWedgeFilter.h"
#include "scanner/ScannerSettings.h"
#include "scanner/ScannerSimulator.h"
#include "scanner/SerialScanner.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::drivers::scanner;

/// The scanner settings and the in-process simulator.
class TestScannerSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsToAKeyboardWedge()
    {
        QTemporaryDir dir;
        const QSettings empty(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const ow::Result<ScannerSettings> loaded = ScannerSettings::load(empty);
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->mode, ScannerSettings::Mode::Keyboard);
        QCOMPARE(loaded->wedge.minLength, 6);
        QCOMPARE(loaded->wedge.maxIntervalMs, 35);
        const std::unique_ptr<BarcodeScanner> scanner = loaded->create();
        QVERIFY(qobject_cast<KeyboardWedgeFilter *>(scanner.get()));
    }

    void readsSerialAndTiming()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("scanner/mode"), QStringLiteral("serial"));
        settings.setValue(QStringLiteral("scanner/port"), QStringLiteral("/dev/ttyACM0"));
        settings.setValue(QStringLiteral("scanner/baudRate"), 115200);
        settings.setValue(QStringLiteral("scanner/minLength"), 8);
        settings.setValue(QStringLiteral("scanner/maxIntervalMs"), 50);
        const ow::Result<ScannerSettings> loaded = ScannerSettings::load(settings);
        QVERIFY2(loaded.has_value(), qPrintable(loaded.has_value() ? QString() : loaded.error().message()));
        QCOMPARE(loaded->mode, ScannerSettings::Mode::Serial);
        QCOMPARE(loaded->port.portName, QStringLiteral("/dev/ttyACM0"));
        QCOMPARE(loaded->port.baudRate, 115200);
        QCOMPARE(loaded->wedge.minLength, 8);
        QCOMPARE(loaded->wedge.maxIntervalMs, 50);
        QVERIFY(qobject_cast<SerialScanner *>(loaded->create().get()));

        settings.setValue(QStringLiteral("scanner/maxIntervalMs"), 0);
        const ow::Result<ScannerSettings> wrong = ScannerSettings::load(settings);
        QVERIFY(!wrong.has_value());
        QVERIFY(wrong.error().message().contains(QStringLiteral("scanner/maxIntervalMs")));
        settings.setValue(QStringLiteral("scanner/maxIntervalMs"), 35);
        settings.remove(QStringLiteral("scanner/port"));
        QVERIFY(!ScannerSettings::load(settings).has_value());
        settings.setValue(QStringLiteral("scanner/mode"), QStringLiteral("none"));
        QVERIFY(!ScannerSettings::load(settings)->create());
        settings.setValue(QStringLiteral("scanner/mode"), QStringLiteral("bluetooth"));
        QVERIFY(!ScannerSettings::load(settings).has_value());
    }

    void simulatorScansOnlyWhileRunning()
    {
        ScannerSimulator simulator;
        QSignalSpy codes(&simulator, &BarcodeScanner::codeScanned);
        simulator.scan(QStringLiteral("ignored"));
        simulator.start();
        simulator.scan(QStringLiteral("A1"));
        simulator.scanEvery(1, {QStringLiteral("B2"), QStringLiteral("C3")});
        QTRY_VERIFY(codes.size() >= 4);
        QCOMPARE(codes.at(0).first().toString(), QStringLiteral("A1"));
        QCOMPARE(codes.at(1).first().toString(), QStringLiteral("B2"));
        QCOMPARE(codes.at(2).first().toString(), QStringLiteral("C3"));
        QCOMPARE(codes.at(3).first().toString(), QStringLiteral("B2"));
        simulator.stop();
        const qsizetype seen = codes.size();
        simulator.scan(QStringLiteral("late"));
        QCOMPARE(codes.size(), seen);
    }
};

QTEST_MAIN(TestScannerSettings)
#include "tst_scannerSettings.moc"
