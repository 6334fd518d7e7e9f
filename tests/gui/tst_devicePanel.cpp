#include "GuiTestSupport.h"
#include "devices/DeviceHub.h"
#include "devices/IdCardChannel.h"
#include "devices/ReceiptChannel.h"
#include "scanner/ScannerSimulator.h"
#include "ui/DevicePanel.h"
#include "ui/DeviceSettingsEditor.h"
#include "ui/DeviceStatusTable.h"
#include "ui/PrinterRoutingTable.h"
#include "ui/Theme.h"

#ifdef Q_OS_UNIX
#include "idcard/IdCardPtyServer.h"
#endif

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using ow::test::saveScreenshot;
using namespace ow::devices;
using ow::ui::DevicePanel;

namespace {

constexpr int kWaitMs = 10000;

/// The same lists on every machine, so the panel and its screenshot do not depend on the host.
DeviceInventory fixedInventory()
{
    DeviceInventory inventory;
    inventory.serialPorts = {QStringLiteral("/dev/ttyUSB0"), QStringLiteral("/dev/ttyACM0")};
    inventory.printers = {QStringLiteral("Hall-A4-Laser"), QStringLiteral("Counter-07-Inkjet")};
    inventory.defaultPrinter = QStringLiteral("Hall-A4-Laser");
    inventory.cameras = {{QStringLiteral("usb-doc-cam"), QStringLiteral("Document camera S500"),
        QStringLiteral("2592×1944 MJPEG 15 fps"), true}};
    return inventory;
}

QString lastLogLine(const DevicePanel &panel)
{
    return panel.testLog()->count() == 0 ? QString() : panel.testLog()->item(0)->text();
}

} // namespace

/// The device page on simulated devices: every test button, the log, Apply, printer routing.
class TestDevicePanel : public QObject
{
    Q_OBJECT

    /// Simulators for every device; the camera serves one page from `folder`.
    static DeviceSettings simulatedSettings(const QString &folder)
    {
        DeviceSettings settings = DeviceSettings::none();
        settings.idCard.connection = IdCardSettings::Connection::Simulator;
        settings.receipt.connection = ow::drivers::receipt::ReceiptSettings::Connection::Simulator;
        settings.evaluator.backend = ow::drivers::evaluator::EvaluatorSettings::Backend::Simulator;
        settings.camera.backend = ow::drivers::camera::CameraSettings::Backend::Folder;
        settings.camera.folder = folder;
        return settings;
    }

    static void pressTest(DevicePanel &panel, DeviceKind kind)
    {
        QPushButton *button = panel.statusTable()->testButton(kind);
        QVERIFY(button && button->isEnabled());
        // By keyboard, as a clerk without a mouse would.
        button->setFocus();
        QTest::keyClick(button, Qt::Key_Space);
    }

private Q_SLOTS:
    void initTestCase() { ow::ui::Theme::apply(*qApp); }

    void everyTestButtonReportsItsOutcome()
    {
        QTemporaryDir dir;
        const QString pages = dir.filePath(QStringLiteral("sample-pages"));
        QVERIFY(QDir().mkpath(pages));
        QImage page(800, 600, QImage::Format_RGB32);
        page.fill(Qt::white);
        QVERIFY(page.save(QDir(pages).filePath(QStringLiteral("page-1.png"))));
        QSettings settings(dir.filePath(QStringLiteral("counter.ini")), QSettings::IniFormat);

        DeviceHub hub;
        hub.apply(simulatedSettings(pages));
        hub.replaceScanner(
            std::make_unique<ow::drivers::scanner::ScannerSimulator>(), QStringLiteral("simulator"));
        DevicePanel panel(hub, settings, fixedInventory());
        panel.resize(1366, 768);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy results(&hub, &DeviceHub::testFinished);

        QTRY_COMPARE_WITH_TIMEOUT(hub.status(DeviceKind::IdCard).state, DeviceState::Connected, kWaitMs);
        pressTest(panel, DeviceKind::IdCard);
        QCOMPARE(panel.statusTable()->stateText(DeviceKind::IdCard), deviceStateName(DeviceState::Busy));
        QVERIFY(!panel.statusTable()->testButton(DeviceKind::IdCard)->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        QVERIFY2(lastLogLine(panel).contains(QStringLiteral("1101**********002X")),
            qPrintable(lastLogLine(panel)));
        QCOMPARE(panel.statusTable()->stateText(DeviceKind::IdCard), deviceStateName(DeviceState::Connected));

        pressTest(panel, DeviceKind::Receipt);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, kWaitMs);
        QCOMPARE(hub.receipt()->simulator()->jobs().size(), 1);
        QVERIFY(panel.testLog()->item(0)->data(Qt::UserRole).toBool());

        pressTest(panel, DeviceKind::Evaluator);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, kWaitMs);
        QVERIFY(panel.testLog()->item(0)->data(Qt::UserRole).toBool());

        pressTest(panel, DeviceKind::Scanner);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 4, kWaitMs);
        QVERIFY(lastLogLine(panel).contains(QStringLiteral("OW-TEST")));

        pressTest(panel, DeviceKind::Camera);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 5, kWaitMs);
        QVERIFY2(lastLogLine(panel).contains(QStringLiteral("800")), qPrintable(lastLogLine(panel)));

        // A printer that fails shows in the table and in the log, red.
        hub.receipt()->simulator()->failNextJob(ow::drivers::receipt::ReceiptStatus::DeviceNotFound);
        pressTest(panel, DeviceKind::Receipt);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 6, kWaitMs);
        QVERIFY(!panel.testLog()->item(0)->data(Qt::UserRole).toBool());
        QCOMPARE(panel.statusTable()->stateText(DeviceKind::Receipt), deviceStateName(DeviceState::Missing));
        QCOMPARE(panel.testLog()->count(), 6);

        // The routing of the thermal slip follows the receipt printer; a gone printer is flagged.
        ow::devices::PrinterRouting routing;
        routing.setChoice(RoutedDocument::CorrectionNotice,
            PrinterChoice {PrinterChoice::Target::Printer, QStringLiteral("Old-Laser")});
        panel.routingTable()->setRouting(routing);
        QVERIFY(panel.routingTable()
                    ->routeText(RoutedDocument::CorrectionNotice)
                    .contains(QStringLiteral("Old-Laser")));
        QCOMPARE(panel.routingTable()->routeText(RoutedDocument::Checklist), QStringLiteral("Hall-A4-Laser"));
        saveScreenshot(panel, QStringLiteral("device-panel.png"));
        QTabWidget *tabs = panel.editor()->tabs();
        tabs->setCurrentIndex(tabs->count() - 1);
        saveScreenshot(panel, QStringLiteral("device-panel-printers.png"));
    }

    void applySavesTheSettingsAndRestartsTheDevices()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("counter.ini"));
        QSettings settings(path, QSettings::IniFormat);
        DeviceHub hub;
        DevicePanel panel(hub, settings, fixedInventory());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(hub.status(DeviceKind::Receipt).state, DeviceState::Off);
        QVERIFY(!panel.statusTable()->testButton(DeviceKind::Receipt)->isEnabled());

        auto *connection = panel.findChild<QComboBox *>(QStringLiteral("receiptConnection"));
        QVERIFY(connection);
        connection->setCurrentIndex(connection->findText(QStringLiteral("Simulator")));
        auto *route = panel.routingTable()->choiceCombo(RoutedDocument::RefusalNotice);
        route->setCurrentIndex(route->findData(QStringLiteral("pdf")));
        QSignalSpy routingChanged(&panel, &DevicePanel::routingChanged);
        QVERIFY(panel.apply());
        QCOMPARE(routingChanged.size(), 1);

        QCOMPARE(hub.status(DeviceKind::Receipt).state, DeviceState::Connected);
        QVERIFY(panel.statusTable()->testButton(DeviceKind::Receipt)->isEnabled());
        const QSettings saved(path, QSettings::IniFormat);
        QCOMPARE(saved.value(QStringLiteral("receipt/connection")).toString(), QStringLiteral("simulator"));
        QCOMPARE(saved.value(QStringLiteral("printing/refusal")).toString(), QStringLiteral("pdf"));
        const ow::Result<DeviceSettings> reloaded = DeviceSettings::load(saved);
        QVERIFY(reloaded.has_value());
        QCOMPARE(reloaded->receipt.connection, ow::drivers::receipt::ReceiptSettings::Connection::Simulator);
        // The slip now has a receipt printer to go to.
        QCOMPARE(panel.routingTable()->routeText(RoutedDocument::ThermalReceipt),
            QStringLiteral("receipt printer"));
    }

    void invalidSettingsAreNotApplied()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("counter.ini")), QSettings::IniFormat);
        DeviceHub hub;
        DevicePanel panel(hub, settings, fixedInventory());
        auto *connection = panel.findChild<QComboBox *>(QStringLiteral("idcardConnection"));
        connection->setCurrentIndex(connection->findText(QStringLiteral("Serial port")));
        panel.findChild<QComboBox *>(QStringLiteral("idcardPort"))->setCurrentText(QString());
        QVERIFY(!panel.apply());
        QCOMPARE(hub.status(DeviceKind::IdCard).state, DeviceState::Off);
        QVERIFY(!settings.contains(QStringLiteral("idcard/connection")));
    }

#ifdef Q_OS_UNIX
    void readsACardOverAPseudoTerminal()
    {
        ow::drivers::idcard::IdCardSimulator simulator;
        ow::drivers::idcard::IdCardPtyServer server(simulator);
        const ow::Result<QString> path = server.open();
        QVERIFY2(path.has_value(), qPrintable(path.has_value() ? QString() : path.error().message()));

        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("counter.ini")), QSettings::IniFormat);
        DeviceHub hub;
        DevicePanel panel(hub, settings, fixedInventory());
        auto *connection = panel.findChild<QComboBox *>(QStringLiteral("idcardConnection"));
        connection->setCurrentIndex(connection->findText(QStringLiteral("Serial port")));
        panel.findChild<QComboBox *>(QStringLiteral("idcardPort"))->setCurrentText(*path);
        panel.findChild<QSpinBox *>(QStringLiteral("idcardPowerUp"))->setValue(0);
        QVERIFY(panel.apply());
        QTRY_COMPARE_WITH_TIMEOUT(hub.status(DeviceKind::IdCard).state, DeviceState::Connected, kWaitMs);
        QVERIFY(hub.status(DeviceKind::IdCard).backend.contains(*path));

        QSignalSpy results(&hub, &DeviceHub::testFinished);
        QSignalSpy cards(&hub, &DeviceHub::cardRead);
        pressTest(panel, DeviceKind::IdCard);
        simulator.placeCard(ow::drivers::idcard::IdCardSimulator::sampleCard());
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWaitMs);
        QVERIFY2(results.first().first().value<DeviceTestResult>().ok, qPrintable(lastLogLine(panel)));
        QVERIFY(cards.isEmpty());

        // After the test the reader serves the intake. The card must leave the field first: a reader
        // reports a card only after the previous one has gone.
        simulator.removeCard();
        const qsizetype finds = simulator.commandLog().count(ow::drivers::idcard::SamCommand::findCard());
        QTRY_VERIFY_WITH_TIMEOUT(
            simulator.commandLog().count(ow::drivers::idcard::SamCommand::findCard()) > finds, kWaitMs);
        simulator.placeCard(ow::drivers::idcard::IdCardSimulator::sampleCard());
        QTRY_COMPARE_WITH_TIMEOUT(cards.size(), 1, kWaitMs);
    }
#endif
};

QTEST_MAIN(TestDevicePanel)
#include "tst_devicePanel.moc"
