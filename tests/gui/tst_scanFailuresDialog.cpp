// The scans set aside by the sync, at the workstation: the status bar's warning opens a dialog that
// names each by case number and material (never by hash or id) with its reason; "Read again" and
// "Give up" (confirmed) make the same decisions as onewindow-cli sync retry-scan|discard-scan.

#include "../unit/CaseTestSupport.h"
#include "GuiTestSupport.h"
#include "cases/CaseStore.h"
#include "cases/ScanFailures.h"
#include "ui/ConfirmDialog.h"
#include "ui/ScanFailuresDialog.h"
#include "ui/SyncStatusIndicator.h"

#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::cases;
using namespace ow::ui;
using namespace Qt::StringLiterals;

class TestScanFailuresDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void warningOpensTheDetails();
    void listsByCaseAndMaterial();
    void readAgainForgetsTheFailure();
    void giveUpAsksFirst();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseStore> m_store;
    QString m_scan;
    QString m_number;
};

void TestScanFailuresDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = CaseStore::open(m_dir->path(), testing::workstation());
    QVERIFY(store.has_value());
    m_store = std::move(*store);
    Result<QString> scan = m_store->attachments().put("a scan of the water report");
    QVERIFY(scan.has_value());
    m_scan = *scan;
    Case draft = testing::draft();
    draft.attachments = {CaseAttachment {
        m_scan, u"water-report"_s, u"scan-0042.jpg"_s, u"image/jpeg"_s, 26, QDateTime::currentDateTimeUtc()}};
    Result<Case> saved = m_store->createDraft(draft, u"clerk-042"_s);
    QVERIFY2(saved.has_value(), saved ? "" : qPrintable(saved.error().toString()));
    m_number = saved->number;
    QVERIFY(ScanFailures(m_store->database())
                .record(m_scan, u"The attachment is damaged: its content no longer matches its hash."_s,
                    QDateTime::currentDateTimeUtc())
                .has_value());
}

void TestScanFailuresDialog::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestScanFailuresDialog::warningOpensTheDetails()
{
    SyncStatusIndicator indicator;
    QSignalSpy details(&indicator, &SyncStatusIndicator::detailsRequested);
    indicator.setStatus(true, 1, 0, {});
    QTest::mouseClick(&indicator, Qt::LeftButton);
    QCOMPARE(details.size(), 0);
    indicator.setStatus(true, 1, 0, u"1 scan cannot be read"_s);
    QVERIFY(indicator.isWarning());
    QTest::mouseClick(&indicator, Qt::LeftButton);
    QCOMPARE(details.size(), 1);
}

void TestScanFailuresDialog::listsByCaseAndMaterial()
{
    ScanFailuresDialog dialog(*m_store);
    QCOMPARE(dialog.lineCount(), 1);
    auto *table = dialog.findChild<QTableWidget *>();
    QVERIFY(table);
    QCOMPARE(table->item(0, 0)->text(), m_number);
    QCOMPARE(table->item(0, 1)->text(), u"水质检测报告"_s);
    QVERIFY(table->item(0, 2)->text().contains(u"damaged"_s));
    for (int column = 0; column < table->columnCount(); ++column) {
        QVERIFY(!table->item(0, column)->text().contains(m_scan.left(12)));
        QVERIFY(!table->item(0, column)->text().contains(u"water-report"_s));
    }
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.width() <= 1366 && dialog.height() <= 768);
    ow::test::saveScreenshot(dialog, u"scan-failures.png"_s);
}

void TestScanFailuresDialog::readAgainForgetsTheFailure()
{
    ScanFailuresDialog dialog(*m_store);
    QSignalSpy decided(&dialog, &ScanFailuresDialog::decided);
    dialog.selectLine(0);
    dialog.retrySelected();
    QCOMPARE(decided.size(), 1);
    QCOMPARE(dialog.lineCount(), 0);
    QVERIFY(!ScanFailures(m_store->database()).find(m_scan)->has_value());
}

void TestScanFailuresDialog::giveUpAsksFirst()
{
    ScanFailuresDialog dialog(*m_store);
    QSignalSpy decided(&dialog, &ScanFailuresDialog::decided);
    dialog.selectLine(0);
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Cancel);
    dialog.discardSelected();
    QVERIFY(ConfirmDialog::lastText().contains(m_number));
    QCOMPARE(decided.size(), 0);
    QCOMPARE(dialog.lineCount(), 1);
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    dialog.discardSelected();
    QCOMPARE(decided.size(), 1);
    QCOMPARE(dialog.lineCount(), 0);
    const auto failure = ScanFailures(m_store->database()).find(m_scan);
    QVERIFY(failure && *failure);
    QVERIFY((*failure)->discarded.isValid());
}

QTEST_MAIN(TestScanFailuresDialog)
#include "tst_scanFailuresDialog.moc"
