// The material check page driven by keyboard on a real checklist: the demo catalogue's public-place
// hygiene licence for a bath of 200 m² with a pool (waivable, data-shared and ordinary lines).

#include "GuiTestSupport.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/ChecklistBuilder.h"
#include "catalogue/SituationEngine.h"
#include "ui/FileDialog.h"
#include "ui/MaterialCheckDelegate.h"
#include "ui/MaterialCheckPage.h"
#include "ui/MaterialCheckPanel.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace ow;
using namespace ow::catalogue;
using namespace ow::ui;
using Status = cases::MaterialCheck::Status;
using ow::test::press;
using ow::test::type;

namespace {

const QDate kDefaultDeadline(2026, 12, 4);

QStringList pointIds(const ChecklistLine &line)
{
    QStringList ids;
    for (const ReviewPoint &point : line.reviewPoints)
        ids.append(point.id);
    return ids;
}

} // namespace

class TestMaterialCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsOnFirstPendingLine();
    void receivedWithAllPointsIsRThenEnter();
    void ctrlEnterReceivesAndMovesOn();
    void waiveRefusedOnNonWaivableLine();
    void waiverStoresDeadline();
    void dataSharingOnlyWhenShared();
    void failedPointWithTypedReasonIsStored();
    void quickReasonComesFromCommonErrors();
    void missingClearsTicks();
    void earlierChecksAreKeptById();
    void importGoesThroughTheFileDialogSeam();
    void scanAndOpenAttachment();
    void screenshot();
    void bundleLinesSayWhichMatterTheyServe();

private:
    /// Moves the selection to a material with Up/Down, as the clerk would.
    void selectLine(const QString &materialId);
    const ChecklistLine &line(const QString &materialId) const;
    cases::MaterialCheck check(const QString &materialId) const;

    CataloguePtr m_catalogue;
    Checklist m_checklist;
    std::unique_ptr<MaterialCheckPage> m_page;
};

void TestMaterialCheck::initTestCase()
{
    Theme::apply(*qApp);
    Result<CataloguePtr> loaded
        = CatalogueLoader::loadOrError(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo"));
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().toString()));
    m_catalogue = *loaded;
    const Matter *matter = m_catalogue->matter(QStringLiteral("330302-WJ-001"));
    QVERIFY(matter);
    Answers answers;
    answers.set(QStringLiteral("place-type"), Answer::single(QStringLiteral("bath")));
    answers.set(QStringLiteral("bath-area"), Answer::numeric(200));
    answers.set(QStringLiteral("central-ac"), Answer::single(QStringLiteral("no")));
    answers.set(QStringLiteral("bath-pool"), Answer::single(QStringLiteral("pool")));
    answers.set(QStringLiteral("agent"), Answer::single(QStringLiteral("self")));
    const Evaluation evaluation = SituationEngine(m_catalogue).evaluate(*matter, answers);
    QVERIFY(evaluation.complete);
    m_checklist = evaluation.checklist;
    // The lines the tests rely on, with the attributes they rely on.
    QVERIFY(m_checklist.find(QStringLiteral("id-card")));
    QVERIFY(!m_checklist.find(QStringLiteral("id-card"))->waivable);
    QVERIFY(!m_checklist.find(QStringLiteral("id-card"))->commonErrors.isEmpty());
    QVERIFY(m_checklist.find(QStringLiteral("hygiene-test-report"))->waivable);
    QVERIFY(m_checklist.find(QStringLiteral("business-licence"))->dataShared);
}

void TestMaterialCheck::init()
{
    m_page = std::make_unique<MaterialCheckPage>();
    m_page->resize(1366, 700);
    m_page->setDefaultSupplementDeadline(kDefaultDeadline);
    m_page->setChecklist(m_checklist, {});
    m_page->show();
    QApplication::setActiveWindow(m_page.get());
    QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    m_page->focusFirstPending();
    QTRY_COMPARE(QApplication::focusWidget(), m_page->lineList());
}

void TestMaterialCheck::cleanup()
{
    m_page.reset();
}

const ChecklistLine &TestMaterialCheck::line(const QString &materialId) const
{
    return *m_checklist.find(materialId);
}

cases::MaterialCheck TestMaterialCheck::check(const QString &materialId) const
{
    for (const cases::MaterialCheck &c : m_page->checks())
        if (c.materialId == materialId)
            return c;
    return {};
}

void TestMaterialCheck::selectLine(const QString &materialId)
{
    const int target = int(m_checklist.materialIds().indexOf(materialId));
    QVERIFY(target >= 0);
    m_page->lineList()->setFocus();
    while (m_page->currentLine() < target)
        press(Qt::Key_Down);
    while (m_page->currentLine() > target)
        press(Qt::Key_Up);
    QCOMPARE(m_page->currentLine(), target);
}

void TestMaterialCheck::startsOnFirstPendingLine()
{
    QCOMPARE(m_page->checks().size(), m_checklist.lines.size());
    QCOMPARE(m_page->pendingCount(), int(m_checklist.lines.size()));
    QCOMPARE(m_page->currentLine(), 0);
    QCOMPARE(m_page->panel()->currentLine(), 0);
    QVERIFY(m_page->summaryText().contains(QString::number(m_checklist.lines.size())));
}

void TestMaterialCheck::receivedWithAllPointsIsRThenEnter()
{
    const ChecklistLine &first = m_checklist.lines.constFirst();
    QVERIFY(!first.reviewPoints.isEmpty());
    QSignalSpy changed(m_page.get(), &MaterialCheckPage::checksChanged);
    press(Qt::Key_R);
    QCOMPARE(check(first.materialId).status, Status::Received);
    QVERIFY(check(first.materialId).pointsTicked.isEmpty()); // R alone does not claim the points
    QVERIFY(check(first.materialId).copies >= 1); // handling defaults from the checklist
    press(Qt::Key_Return);
    QCOMPARE(check(first.materialId).pointsTicked, pointIds(first));
    QCOMPARE(m_page->currentLine(), 1);
    QCOMPARE(QApplication::focusWidget(), m_page->lineList());
    QCOMPARE(m_page->pendingCount(), int(m_checklist.lines.size()) - 1);
    QVERIFY(changed.count() >= 2);
}

void TestMaterialCheck::ctrlEnterReceivesAndMovesOn()
{
    selectLine(QStringLiteral("id-card"));
    const int row = m_page->currentLine();
    press(Qt::Key_Return, Qt::ControlModifier);
    const cases::MaterialCheck idCard = check(QStringLiteral("id-card"));
    QCOMPARE(idCard.status, Status::Received);
    QCOMPARE(idCard.pointsTicked, pointIds(line(QStringLiteral("id-card"))));
    // verify-original-keep-copy: both ticks on, one copy.
    QVERIFY(idCard.originalSeen);
    QVERIFY(idCard.copyKept);
    QCOMPARE(idCard.copies, 1);
    QCOMPARE(m_page->currentLine(), row + 1);
}

void TestMaterialCheck::waiveRefusedOnNonWaivableLine()
{
    selectLine(QStringLiteral("id-card"));
    QVERIFY(!m_page->panel()->statusButton(Status::Waived)->isEnabled());
    press(Qt::Key_W);
    QCOMPARE(check(QStringLiteral("id-card")).status, Status::Pending);
    QVERIFY(!check(QStringLiteral("id-card")).supplementDeadline.isValid());
    QVERIFY(m_page->panel()->message().contains(line(QStringLiteral("id-card")).name));
    QCOMPARE(QApplication::focusWidget(), m_page->lineList());
    QCOMPARE(m_page->waivedCount(), 0);
}

void TestMaterialCheck::waiverStoresDeadline()
{
    selectLine(QStringLiteral("hygiene-test-report"));
    QVERIFY(m_page->panel()->statusButton(Status::Waived)->isEnabled());
    press(Qt::Key_W);
    // The deadline is asked first, with the controller's default.
    QCOMPARE(QApplication::focusWidget(), m_page->panel()->deadlineEdit());
    QCOMPARE(m_page->panel()->deadlineEdit()->date(), kDefaultDeadline);
    QCOMPARE(check(QStringLiteral("hygiene-test-report")).status, Status::Pending);
    press(Qt::Key_Up); // one day later: the section under the cursor steps
    const QDate chosen = m_page->panel()->deadlineEdit()->date();
    QVERIFY(chosen > kDefaultDeadline);
    press(Qt::Key_Return);
    const cases::MaterialCheck waived = check(QStringLiteral("hygiene-test-report"));
    QCOMPARE(waived.status, Status::Waived);
    QCOMPARE(waived.supplementDeadline, chosen);
    QCOMPARE(m_page->waivedCount(), 1);
    QCOMPARE(QApplication::focusWidget(), m_page->lineList());

    // Esc while asking leaves the line as it was.
    selectLine(QStringLiteral("bath-water-report"));
    press(Qt::Key_W);
    press(Qt::Key_Escape);
    QCOMPARE(check(QStringLiteral("bath-water-report")).status, Status::Pending);
    QCOMPARE(m_page->waivedCount(), 1);
}

void TestMaterialCheck::dataSharingOnlyWhenShared()
{
    selectLine(QStringLiteral("id-card"));
    press(Qt::Key_D);
    QCOMPARE(check(QStringLiteral("id-card")).status, Status::Pending);
    selectLine(QStringLiteral("business-licence"));
    press(Qt::Key_D);
    QCOMPARE(check(QStringLiteral("business-licence")).status, Status::DataShared);
    QVERIFY(!check(QStringLiteral("business-licence")).copyKept);
}

void TestMaterialCheck::failedPointWithTypedReasonIsStored()
{
    const ChecklistLine &idCard = line(QStringLiteral("id-card"));
    QVERIFY(idCard.reviewPoints.size() >= 2);
    selectLine(QStringLiteral("id-card"));
    press(Qt::Key_R);
    press(Qt::Key_Right);
    QCOMPARE(QApplication::focusWidget(), m_page->panel()->pointList());
    press(Qt::Key_Space); // first point met, the cursor moves to the second
    QCOMPARE(m_page->panel()->pointList()->currentRow(), 1);
    press(Qt::Key_F);
    QCOMPARE(QApplication::focusWidget(), m_page->panel()->reasonEditor());
    // Letters that are status keys elsewhere are text here.
    const QString reason = QStringLiteral("Number differs from the form: read 3303 vs 3302, WRD");
    type(reason);
    press(Qt::Key_Return);
    const cases::MaterialCheck checked = check(QStringLiteral("id-card"));
    QCOMPARE(checked.status, Status::Received);
    QCOMPARE(checked.pointsTicked, QStringList {idCard.reviewPoints.at(0).id});
    QCOMPARE(checked.failedPoints.size(), 1);
    QCOMPARE(checked.failedPoints.constFirst().pointId, idCard.reviewPoints.at(1).id);
    QCOMPARE(checked.failedPoints.constFirst().reason, reason);
    QCOMPARE(m_page->failedPointCount(), 1);
    QCOMPARE(QApplication::focusWidget(), m_page->panel()->pointList());

    // An empty reason is refused: the applicant must be told why.
    press(Qt::Key_F);
    press(Qt::Key_Return);
    QVERIFY(!m_page->panel()->message().isEmpty());
    QCOMPARE(QApplication::focusWidget(), m_page->panel()->reasonEditor());
    press(Qt::Key_Escape);

    // Enter after that keeps the failure: it is what the correction notice lists.
    press(Qt::Key_Left);
    press(Qt::Key_Return);
    QCOMPARE(check(QStringLiteral("id-card")).failedPoints.size(), 1);
    QCOMPARE(check(QStringLiteral("id-card")).pointsTicked.size(), idCard.reviewPoints.size() - 1);
}

void TestMaterialCheck::quickReasonComesFromCommonErrors()
{
    const ChecklistLine &idCard = line(QStringLiteral("id-card"));
    selectLine(QStringLiteral("id-card"));
    press(Qt::Key_R);
    press(Qt::Key_Right);
    press(Qt::Key_F);
    press(Qt::Key_Down);
    QCOMPARE(m_page->panel()->reasonEditor()->currentText(), idCard.commonErrors.constFirst());
    press(Qt::Key_Return);
    const cases::MaterialCheck checked = check(QStringLiteral("id-card"));
    QCOMPARE(checked.failedPoints.size(), 1);
    QCOMPARE(checked.failedPoints.constFirst().pointId, idCard.reviewPoints.constFirst().id);
    QCOMPARE(checked.failedPoints.constFirst().reason, idCard.commonErrors.constFirst());

    // Space on the failed point: met after all, the failure goes.
    press(Qt::Key_Up);
    press(Qt::Key_Space);
    QVERIFY(check(QStringLiteral("id-card")).failedPoints.isEmpty());
    QCOMPARE(m_page->failedPointCount(), 0);
}

void TestMaterialCheck::missingClearsTicks()
{
    selectLine(QStringLiteral("id-card"));
    press(Qt::Key_R);
    press(Qt::Key_Right);
    press(Qt::Key_Space);
    QCOMPARE(check(QStringLiteral("id-card")).pointsTicked.size(), 1);
    press(Qt::Key_Left);
    press(Qt::Key_M);
    const cases::MaterialCheck missing = check(QStringLiteral("id-card"));
    QCOMPARE(missing.status, Status::Missing);
    QVERIFY(missing.pointsTicked.isEmpty());
    QVERIFY(!missing.originalSeen);
    QCOMPARE(missing.copies, 0);
    QCOMPARE(m_page->missingCount(), 1);
    // Nothing to tick on a material that was not handed in.
    press(Qt::Key_Right);
    press(Qt::Key_Space);
    QVERIFY(check(QStringLiteral("id-card")).pointsTicked.isEmpty());
}

void TestMaterialCheck::earlierChecksAreKeptById()
{
    cases::MaterialCheck earlier;
    earlier.materialId = QStringLiteral("id-card");
    earlier.status = Status::Received;
    earlier.copies = 2;
    earlier.note = QStringLiteral("copy on A4");
    cases::MaterialCheck gone;
    gone.materialId = QStringLiteral("no-longer-on-the-checklist");
    gone.status = Status::Missing;
    m_page->setChecklist(m_checklist, {gone, earlier});
    QCOMPARE(m_page->checks().size(), m_checklist.lines.size());
    QCOMPARE(check(QStringLiteral("id-card")), earlier);
    QCOMPARE(m_page->pendingCount(), int(m_checklist.lines.size()) - 1);
    QCOMPARE(m_page->missingCount(), 0);
}

void TestMaterialCheck::importGoesThroughTheFileDialogSeam()
{
    selectLine(QStringLiteral("id-card"));
    QSignalSpy imports(m_page.get(), &MaterialCheckPage::importRequested);
    const QStringList files {QDir::temp().filePath(QStringLiteral("id-front.jpg")),
        QDir::temp().filePath(QStringLiteral("id-back.jpg"))};
    FileDialog::setNextFileNames(files);
    const int asked = FileDialog::askCount();
    press(Qt::Key_I, Qt::ControlModifier);
    QCOMPARE(FileDialog::askCount(), asked + 1);
    QVERIFY(FileDialog::lastCaption().contains(line(QStringLiteral("id-card")).name));
    QCOMPARE(imports.count(), 1);
    QCOMPARE(imports.at(0).at(0).toString(), QStringLiteral("id-card"));
    QCOMPARE(imports.at(0).at(1).toStringList(), files);

    // Cancelled: nothing to import.
    FileDialog::setNextFileNames({});
    press(Qt::Key_I, Qt::ControlModifier);
    QCOMPARE(imports.count(), 1);
}

void TestMaterialCheck::scanAndOpenAttachment()
{
    cases::CaseAttachment mine;
    mine.sha256 = QStringLiteral("aa11");
    mine.materialId = QStringLiteral("id-card");
    mine.fileName = QStringLiteral("id-card-front.jpg");
    mine.size = 184320;
    mine.added = QDateTime(QDate(2026, 11, 22), QTime(9, 41), Qt::UTC);
    cases::CaseAttachment other = mine;
    other.sha256 = QStringLiteral("bb22");
    other.materialId = QStringLiteral("health-cert");
    m_page->setAttachments({mine, other});

    selectLine(QStringLiteral("id-card"));
    QCOMPARE(m_page->panel()->attachmentList()->count(), 1);
    QSignalSpy scans(m_page.get(), &MaterialCheckPage::scanRequested);
    press(Qt::Key_F6);
    QCOMPARE(scans.count(), 1);
    QCOMPARE(scans.at(0).at(0).toString(), QStringLiteral("id-card"));

    QSignalSpy opens(m_page.get(), &MaterialCheckPage::attachmentOpenRequested);
    m_page->panel()->attachmentList()->setFocus();
    m_page->panel()->attachmentList()->setCurrentRow(0);
    press(Qt::Key_Return);
    QCOMPARE(opens.count(), 1);
    QCOMPARE(opens.at(0).at(0).toString(), QStringLiteral("aa11"));
}

void TestMaterialCheck::screenshot()
{
    // A check in progress: some received, one with a failed point, one waived, one data-shared.
    m_page->resize(1366, 700);
    cases::CaseAttachment scan;
    scan.sha256 = QStringLiteral("aa11");
    scan.materialId = QStringLiteral("id-card");
    scan.fileName = QStringLiteral("居民身份证-正反面.jpg");
    scan.size = 412672;
    scan.added = QDateTime(QDate(2026, 11, 22), QTime(1, 41), Qt::UTC);
    m_page->setAttachments({scan});
    press(Qt::Key_Return, Qt::ControlModifier); // the application form
    selectLine(QStringLiteral("business-licence"));
    press(Qt::Key_D);
    selectLine(QStringLiteral("hygiene-test-report"));
    press(Qt::Key_W);
    press(Qt::Key_Return);
    selectLine(QStringLiteral("id-card"));
    press(Qt::Key_R);
    press(Qt::Key_Right);
    press(Qt::Key_Space);
    press(Qt::Key_F);
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    QCOMPARE(m_page->failedPointCount(), 1);

    QString dir = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR);
    QDir().mkpath(dir);
    QApplication::processEvents(); // lay out the rows the last keys hid before grabbing
    QVERIFY(m_page->grab().save(QDir(dir).filePath(QStringLiteral("material-check.png"))));
}

void TestMaterialCheck::bundleLinesSayWhichMatterTheyServe()
{
    // One matter: the lines need not say whom they serve.
    auto *list = m_page->lineList();
    QCOMPARE(list->item(0)->data(MaterialCheckDelegate::MattersRole).toString(), QString());

    // The restaurant bundle's merged checklist: shared materials name every matter they serve.
    const Bundle *bundle = m_catalogue->bundle(QStringLiteral("catering-enterprise"));
    QVERIFY(bundle);
    const SituationEngine engine(m_catalogue);
    QList<Checklist> checklists;
    for (const BundleMember &member : bundle->members) {
        const Matter *matter = m_catalogue->matter(member.matterCode);
        QVERIFY(matter);
        checklists.append(engine.evaluate(*matter, {}).checklist);
    }
    const Checklist merged = ChecklistBuilder::merge(checklists);
    m_page->setChecklist(merged, {});
    bool shared = false;
    for (int i = 0; i < list->count(); ++i) {
        const ChecklistLine &line = merged.lines.at(i);
        const QString matters = list->item(i)->data(MaterialCheckDelegate::MattersRole).toString();
        QVERIFY2(!matters.isEmpty(), qPrintable(line.name));
        for (const QString &name : line.matterNames)
            QVERIFY2(matters.contains(name), qPrintable(matters));
        shared = shared || line.matterNames.size() > 1;
    }
    QVERIFY(shared);
}

QTEST_MAIN(TestMaterialCheck)
#include "tst_materialCheck.moc"
