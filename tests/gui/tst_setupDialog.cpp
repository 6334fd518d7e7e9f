#include "GuiTestSupport.h"
#include "devices/DeviceHub.h"
#include "devices/DeviceSettings.h"
#include "setup/HallSetup.h"
#include "setup/WorkstationConfig.h"
#include "ui/DeviceStatusTable.h"
#include "ui/FileDialog.h"
#include "ui/SetupDialog.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::setup;
using ow::ui::SetupDialog;
using namespace Qt::StringLiterals;

namespace {

// The demo catalogue as scripts/run names it, relative to the source tree (see initTestCase).
const QString kDemo = QStringLiteral("resources/catalogue/demo");

void choose(QComboBox *box, const QString &code)
{
    const int index = box->findData(code);
    QVERIFY2(index >= 0, qPrintable(code));
    box->setFocus();
    box->setCurrentIndex(index);
}

} // namespace

/// The first-run hall setup, driven as IT would on a new counter.
class TestSetupDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    ow::Result<WorkstationConfig> config(const QString &name, const QByteArray &machineText = {})
    {
        const QString machine = m_dir.filePath(name + u".conf"_s);
        if (!machineText.isEmpty()) {
            QFile file(machine);
            if (file.open(QIODevice::WriteOnly))
                file.write(machineText);
        }
        return WorkstationConfig::load({}, m_dir.filePath(name + u".ini"_s), machine);
    }

private Q_SLOTS:
    void initTestCase()
    {
        ow::ui::Theme::apply(*qApp);
        // Relative folders, so the screenshot shows no machine's paths.
        QVERIFY(QDir::setCurrent(QStringLiteral(OW_SOURCE_DIR)));
    }

    void standaloneHallByKeyboard()
    {
        ow::Result<WorkstationConfig> loaded = config(u"standalone"_s);
        QVERIFY(loaded);
        HallSetup setup(*loaded, m_dir.filePath(u"data1"_s));
        ow::devices::DeviceHub hub;
        ow::devices::DeviceSettings devices = ow::devices::DeviceSettings::none();
        devices.receipt.connection = ow::drivers::receipt::ReceiptSettings::Connection::Simulator;
        devices.evaluator.backend = ow::drivers::evaluator::EvaluatorSettings::Backend::Simulator;
        hub.apply(devices);
        SetupDialog dialog(setup, kDemo, &hub);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // A counter screen is often 1366×768.
        QVERIFY2(dialog.width() <= 1366 && dialog.height() <= 740,
            qPrintable(u"%1×%2"_s.arg(dialog.width()).arg(dialog.height())));

        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(dialog.problemLabel()->text().contains(u"county"_s));
        QCOMPARE(QApplication::focusWidget(), dialog.provinceBox());
        // Names, not only codes.
        QVERIFY(dialog.provinceBox()
                    ->itemText(dialog.provinceBox()->findData(u"330000"_s))
                    .contains(u"浙江省"_s));
        choose(dialog.provinceBox(), u"330000"_s);
        choose(dialog.prefectureBox(), u"330300"_s);
        choose(dialog.countyBox(), u"330302"_s);
        QCOMPARE(setup.hallCode(), u"33030201"_s);

        // The counter number by keyboard.
        dialog.counterBox()->setFocus();
        QTest::keyClick(dialog.counterBox(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(dialog.counterBox(), u"7"_s);
        QCOMPARE(setup.counter(), 7);
        QVERIFY(dialog.standaloneButton()->isChecked());

        // Nothing was synced: the catalogue is a folder, and the demo only when asked for.
        QVERIFY(!dialog.syncedCatalogueButton()->isEnabled());
        QVERIFY(dialog.problemLabel()->text().contains(u"catalogue"_s));
        dialog.demoButton()->setFocus();
        QTest::keyClick(dialog.demoButton(), Qt::Key_Space);
        QCOMPARE(dialog.folderEdit()->text(), kDemo);
        QVERIFY2(dialog.problemLabel()->text().isEmpty(), qPrintable(dialog.problemLabel()->text()));
        QVERIFY(dialog.startButton()->isEnabled());

        // The device quick check: the printer simulator answers its test.
        ow::ui::DeviceStatusTable *table = dialog.findChild<ow::ui::DeviceStatusTable *>();
        QVERIFY(table);
        QSignalSpy tested(&hub, &ow::devices::DeviceHub::testFinished);
        QPushButton *printTest = table->testButton(ow::devices::DeviceKind::Receipt);
        QVERIFY(printTest && printTest->isEnabled());
        printTest->setFocus();
        QTest::keyClick(printTest, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!tested.isEmpty(), 10000);
        const auto printed = tested.first().at(0).value<ow::devices::DeviceTestResult>();
        QCOMPARE(printed.kind, ow::devices::DeviceKind::Receipt);
        QVERIFY2(printed.ok, qPrintable(printed.message));

        ow::test::saveScreenshot(dialog, u"setup-dialog.png"_s);

        dialog.startButton()->setFocus();
        QTest::keyClick(dialog.startButton(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QSettings saved(loaded->userPath(), QSettings::IniFormat);
        QCOMPARE(saved.value(u"workstation/hall"_s).toString(), u"33030201"_s);
        QCOMPARE(saved.value(u"workstation/counter"_s).toString(), u"7"_s);
        QCOMPARE(saved.value(u"workstation/standalone"_s).toString(), u"true"_s);
        QCOMPARE(saved.value(u"workstation/catalogue"_s).toString(), kDemo);
        // At the next start nothing is left to ask.
        ow::Result<WorkstationConfig> next = config(u"standalone"_s);
        QVERIFY(next && next->isComplete(false));
    }

    void folderByBrowsing()
    {
        ow::Result<WorkstationConfig> loaded = config(u"browse"_s);
        QVERIFY(loaded);
        HallSetup setup(*loaded, m_dir.filePath(u"data2"_s));
        SetupDialog dialog(setup, QString(), nullptr);
        QVERIFY(!dialog.demoButton()->isVisibleTo(&dialog)); // no demo installed: not offered
        ow::ui::FileDialog::setNextFileName(kDemo);
        const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
        QPushButton *browse = nullptr;
        for (QPushButton *button : buttons)
            if (button->text().contains(u"Browse"_s))
                browse = button;
        QVERIFY(browse);
        browse->click();
        QCOMPARE(setup.catalogue(), kDemo);
        QVERIFY(dialog.folderCatalogueButton()->isChecked());
    }

    void presetValuesArePrefilled()
    {
        // A district of a municipality sits right under the province: 北京市朝阳区.
        ow::Result<WorkstationConfig> loaded
            = config(u"preset"_s, "[workstation]\nhall=11010502\ncounter=3\n");
        QVERIFY(loaded);
        HallSetup setup(*loaded, m_dir.filePath(u"data3"_s));
        SetupDialog dialog(setup, kDemo, nullptr);
        QCOMPARE(dialog.provinceBox()->currentData().toString(), u"110000"_s);
        QCOMPARE(dialog.prefectureBox()->currentData().toString(), u"110105"_s);
        QCOMPARE(dialog.hallSuffixEdit()->text(), u"02"_s);
        QCOMPARE(dialog.counterBox()->value(), 3);
        QCOMPARE(setup.hallCode(), u"11010502"_s);
        QVERIFY(dialog.problemLabel()->text().contains(u"catalogue"_s));
    }

    void unreachableServerIsToldPlainly()
    {
        ow::Result<WorkstationConfig> loaded = config(u"server"_s);
        QVERIFY(loaded);
        HallSetup setup(*loaded, m_dir.filePath(u"data4"_s));
        SetupDialog dialog(setup, kDemo, nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        choose(dialog.provinceBox(), u"330000"_s);
        choose(dialog.prefectureBox(), u"330300"_s);
        choose(dialog.countyBox(), u"330302"_s);
        dialog.serverButton()->setFocus();
        QTest::keyClick(dialog.serverButton(), Qt::Key_Space);
        QVERIFY(dialog.serverButton()->isChecked());
        QVERIFY(dialog.problemLabel()->text().contains(u"Enrol"_s));
        dialog.serverEdit()->setFocus();
        QTest::keyClicks(dialog.serverEdit(), u"http://127.0.0.1:1"_s);
        dialog.enrolCodeEdit()->setFocus();
        QTest::keyClicks(dialog.enrolCodeEdit(), u"ABCD-EFGH"_s);
        QSignalSpy finished(&setup, &HallSetup::enrolmentFinished);
        QTest::keyClick(dialog.enrolCodeEdit(), Qt::Key_Return); // Enter in the code field enrols
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 20000);
        QVERIFY(!finished.constFirst().at(0).toBool());
        QVERIFY2(dialog.enrolmentLabel()->text().contains(u"cannot be reached"_s),
            qPrintable(dialog.enrolmentLabel()->text()));
        QVERIFY(!setup.isEnrolled());
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(dialog.enrolButton()->isEnabled()); // try again once the network is back
    }
};

QTEST_MAIN(TestSetupDialog)
#include "tst_setupDialog.moc"
