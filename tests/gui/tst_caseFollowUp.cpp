// The case after the counter, in the real window of an intake clerk: their own cases and drafts in
// the case list (the hall's by filter), a draft resumed and one discarded with its scans, an overdue
// supplement listed in red, a document printed again marked 补打, and a supplement handed in on the
// material check page with its receipt.

#include "../unit/IntakeDraftSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "cases/DraftStore.h"
#include "cases/Supplements.h"
#include "intake/SupplementSession.h"
#include "ui/CaseAttentionPanel.h"
#include "ui/CaseDetailPanel.h"
#include "ui/CaseListModel.h"
#include "ui/CaseListPage.h"
#include "ui/CaseScreens.h"
#include "ui/ConfirmDialog.h"
#include "ui/DocumentPreview.h"
#include "ui/MainWindow.h"
#include "ui/MaterialCheckPage.h"
#include "ui/PrintDialog.h"
#include "ui/SupplementPage.h"
#include "ui/Theme.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ow;
using namespace ow::ui;
using namespace Qt::StringLiterals;
using cases::MaterialCheck;
using documents::DocumentKind;

namespace {

/// The cases were taken in on Monday 16 March; the clerk looks at them on Friday 20 March.
const QDateTime kTakenIn(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC);
const QDateTime kToday(QDate(2026, 3, 20), QTime(2, 0), Qt::UTC);

bool hasParagraph(const documents::Document &document, const QString &part)
{
    for (const documents::Document::Entry &entry : document.entries)
        if (const auto *paragraph = std::get_if<documents::ParagraphBlock>(&entry.block))
            if (paragraph->text.contains(part))
                return true;
    return false;
}

} // namespace

class TestCaseFollowUp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void clerkSeesOwnCasesAndDraftsFirst();
    void draftIsResumedFromTheList();
    void discardAsksAndRemovesTheScans();
    void reprintIsMarkedAndGoesThroughThePrintDialog();
    void supplementIsCheckedRecordedAndPrinted();
    void supplementLeftUnrecordedLeavesNoScan();

private:
    QString acceptWithWaiver(const QString &clerk, const QDate &due);
    CaseListPage *openCaseList();
    CaseListPage *list() const { return m_window->caseScreens()->caseListPage(); }
    intake::IntakeEnvironment environment(const QString &clerk, const QDateTime &now) const;

    test::IntakeData m_data;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    QString m_mine; ///< lisi's case accepted with a waiver due 18 March: overdue by the 20th
    QString m_hall; ///< wangwu's, due 27 March
    qint64 m_draft = 0; ///< lisi's unnumbered draft holding one scan
    QString m_draftScan;
};

void TestCaseFollowUp::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
}

intake::IntakeEnvironment TestCaseFollowUp::environment(const QString &clerk, const QDateTime &now) const
{
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = clerk;
    environment.clerkName = clerk == u"lisi"_s ? u"李四"_s : u"王五"_s;
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(now);
    return environment;
}

QString TestCaseFollowUp::acceptWithWaiver(const QString &clerk, const QDate &due)
{
    intake::IntakeSession session(environment(clerk, kTakenIn), m_data.catalogue);
    intake::testing::answerHotel(session);
    session.setApplicant(cases::testing::person());
    intake::MaterialCheckList &checks = session.checkList();
    bool waived = false;
    for (int i = 0; i < checks.size(); ++i) {
        if (checks.line(i).waivable && !waived)
            waived = bool(checks.setStatus(i, MaterialCheck::Status::Waived, due));
        else if (checks.line(i).dataShared)
            (void)checks.setStatus(i, MaterialCheck::Status::DataShared);
        else
            (void)checks.receiveAllMet(i);
    }
    Result<documents::Document> decided = session.decide(intake::IntakeDecision::acceptWithWaiver());
    if (!decided)
        qWarning("%s", qPrintable(decided.error().toString()));
    return session.currentCase().number;
}

void TestCaseFollowUp::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = test::openIntakeStore(m_dir->path());
    QVERIFY(m_store);
    m_store->setClock(Clock::fixed(kTakenIn));
    m_mine = acceptWithWaiver(u"lisi"_s, QDate(2026, 3, 18));
    m_hall = acceptWithWaiver(u"wangwu"_s, QDate(2026, 3, 27));
    QVERIFY(!m_mine.isEmpty() && !m_hall.isEmpty());
    {
        // An intake lisi left open, with the photo of a page: kept as a draft.
        intake::IntakeSession open(environment(u"lisi"_s, kTakenIn), m_data.catalogue);
        intake::testing::answerHotel(open);
        open.setApplicant(cases::testing::person());
        const auto scans = open.importScans(open.checkList().line(0).materialId, {QByteArray("a page")});
        QVERIFY(scans);
        m_draftScan = scans->first().sha256;
        QVERIFY(open.keepDraft());
        m_draft = open.draftId();
        QVERIFY(m_draft != 0);
    }
    m_store->setClock(Clock::fixed(kToday));

    m_window = std::make_unique<MainWindow>(m_data.catalogue, environment(u"lisi"_s, kToday));
    CaseScreenContext context;
    context.store = m_store.get();
    context.calendar = *m_data.calendar;
    context.role = accounts::Role::IntakeClerk;
    context.clerk = u"lisi"_s;
    context.clock = Clock::fixed(kToday);
    m_window->addCaseScreens(context);
    m_window->resize(1366, 768);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestCaseFollowUp::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_dir.reset();
}

CaseListPage *TestCaseFollowUp::openCaseList()
{
    // An intake clerk starts at the search; Ctrl+Shift+L opens their case list.
    if (!m_window->isSearching())
        return nullptr;
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    return list() && list()->isVisible() ? list() : nullptr;
}

void TestCaseFollowUp::clerkSeesOwnCasesAndDraftsFirst()
{
    CaseListPage *page = openCaseList();
    QVERIFY(page);
    QVERIFY(page->scopeFilter());
    QCOMPARE(page->scopeFilter()->currentIndex(), 0); // their own
    CaseListModel *model = page->model();
    QCOMPARE(model->total(), qint64(1));
    QCOMPARE(model->summary(0)->number, m_mine);

    // The draft, with 继续办理 and 放弃 for its own clerk.
    CaseAttentionPanel *attention = page->attention();
    QVERIFY(attention->isVisible());
    QCOMPARE(attention->draftTable()->rowCount(), 1);
    QCOMPARE(attention->currentDraft(), m_draft);
    QVERIFY(attention->resumeButton()->isEnabled());
    QVERIFY(attention->discardButton()->isEnabled());

    // The overdue supplement: listed above the table in red, and red in the table's column.
    QTableWidget *supplements = attention->supplementTable();
    QCOMPARE(supplements->rowCount(), 1);
    QCOMPARE(supplements->item(0, 0)->data(Qt::UserRole).toString(), m_mine);
    QCOMPARE(supplements->item(0, 1)->foreground().color(), Theme::danger());
    QVERIFY(supplements->item(0, 1)->text().contains(u"overdue"_s));
    const QModelIndex cell = model->index(0, CaseListModel::SupplementColumn);
    QVERIFY2(cell.data().toString().contains(u"overdue"_s), qPrintable(cell.data().toString()));
    QCOMPARE(cell.data(Qt::ForegroundRole).value<QColor>(), Theme::danger());
    QCOMPARE(cell.data(CaseListModel::SupplementOverdueRole), QVariant(true));
    QVERIFY(m_window->frameGeometry().height() <= 768);
    test::saveScreenshot(*m_window, u"case-list-intake.png"_s);

    // The hall's cases by filter; another clerk's draft could be seen but not taken over.
    page->scopeFilter()->setCurrentIndex(1);
    QCOMPARE(model->total(), qint64(2));
    QCOMPARE(attention->supplementTable()->rowCount(), 2);
    const int hallRow = model->rowOf(m_hall);
    QVERIFY(hallRow >= 0);
    QCOMPARE(model->index(hallRow, CaseListModel::SupplementColumn).data(Qt::ForegroundRole).value<QColor>(),
        Theme::warning()); // awaited, not late
}

void TestCaseFollowUp::draftIsResumedFromTheList()
{
    CaseListPage *page = openCaseList();
    QVERIFY(page);
    page->attention()->draftTable()->setFocus();
    QTest::keyClick(page->attention()->draftTable(), Qt::Key_Return);
    QVERIFY(!page->isVisible());
    QVERIFY(m_window->intakeSession());
    QCOMPARE(m_window->intakeSession()->draftId(), m_draft);
    QCOMPARE(m_window->intakeSession()->currentCase().attachments.size(), 1);
}

void TestCaseFollowUp::discardAsksAndRemovesTheScans()
{
    CaseListPage *page = openCaseList();
    QVERIFY(page);
    const QString scan = m_store->attachments().pathFor(m_draftScan);
    QVERIFY(QFile::exists(scan));

    // Cancelled: nothing happens.
    const int asked = ConfirmDialog::askCount();
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Cancel);
    QTest::keyClick(page->attention()->draftTable(), Qt::Key_Delete);
    QCOMPARE(ConfirmDialog::askCount(), asked + 1);
    QVERIFY(ConfirmDialog::lastText().contains(u"1 scan"_s));
    QCOMPARE(cases::DraftStore(*m_store).list().value().size(), 1);

    // Confirmed: the draft and its scan go, and the store is sound.
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    QVERIFY(page->discardDraft(m_draft));
    QVERIFY(cases::DraftStore(*m_store).list().value().isEmpty());
    QVERIFY(!QFile::exists(scan));
    const cases::StoreCheck check = cases::DraftStore(*m_store).check().value();
    QVERIFY(check.orphanScans.isEmpty() && check.missingScans.isEmpty());
    QVERIFY(!page->attention()->draftTable()->isVisible());
}

void TestCaseFollowUp::reprintIsMarkedAndGoesThroughThePrintDialog()
{
    CaseListPage *page = openCaseList();
    QVERIFY(page);
    QVERIFY(page->openCase(m_mine));
    CaseDetailPanel *detail = page->detail();
    QVERIFY(detail->reprintButton()->isVisible());
    QStringList offered;
    QAction *waiver = nullptr;
    for (QAction *action : detail->reprintButton()->menu()->actions()) {
        offered.append(action->text());
        if (action->text() == CaseDetailPanel::documentName(DocumentKind::WaiverNotice))
            waiver = action;
    }
    QCOMPARE(offered.size(), 2); // the checklist and the waiver notice
    QVERIFY(waiver);
    waiver->trigger();
    QVERIFY(page->isShowingDocument());
    const documents::Document &shown = page->documentPreview()->document();
    QCOMPARE(shown.kind, DocumentKind::WaiverNotice);
    QVERIFY(hasParagraph(shown, u"补打"_s));

    // Ctrl+P goes through the print dialog like every document the counter prints.
    const int asked = PrintDialog::askCount();
    PrintDialog::setNextAnswer(PrintDialog::Answer::Cancel);
    QTest::keyClick(page->documentPreview(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(PrintDialog::askCount(), asked + 1);
    QVERIFY(PrintDialog::lastTitle().contains(shown.title));
    const auto audit = m_store->auditLog().entries().value();
    QCOMPARE(audit.constLast().action, u"document.viewed"_s);
    QVERIFY(audit.constLast().detail.contains(u"\"reprint\":true"_s));

    // Esc: back to the case.
    QTest::keyClick(page->documentPreview(), Qt::Key_Escape);
    QVERIFY(page->isShowingDetail());
}

void TestCaseFollowUp::supplementIsCheckedRecordedAndPrinted()
{
    CaseListPage *page = openCaseList();
    QVERIFY(page);
    // Enter on the overdue supplement opens the case; its detail lists what is awaited, in red.
    QTest::keyClick(page->attention()->supplementTable(), Qt::Key_Return);
    QVERIFY(page->isShowingDetail());
    QCOMPARE(page->detail()->caseNumber(), m_mine);
    QCOMPARE(page->detail()->awaitedTexts().size(), 1);
    QVERIFY(page->detail()->awaitedTexts().first().contains(u"overdue"_s));
    QVERIFY(page->detail()->supplementButton()->isVisible());
    test::saveScreenshot(*m_window, u"case-detail-awaited.png"_s);
    QCOMPARE(QKeySequence::mnemonic(page->detail()->supplementButton()->text()),
        QKeySequence(Qt::ALT | Qt::Key_U));

    // Alt+U opens the supplement page: the material check on what the case awaits.
    QTest::keyClick(m_window.get(), Qt::Key_U, Qt::AltModifier);
    QTRY_VERIFY(page->isShowingSupplement());
    SupplementPage *supplement = page->supplementPage();
    QVERIFY(supplement->session());
    QCOMPARE(supplement->checkPage()->lineList()->count(), 1);
    QSignalSpy scans(page, &CaseListPage::scanRequested);
    supplement->scanButton()->click();
    QCOMPARE(scans.size(), 1);
    const QString materialId = scans.first().at(0).toString();
    supplement->importScans(materialId, {QByteArray("the page handed in")});
    QCOMPARE(supplement->session()->newScans().size(), 1);

    // Recording before anything is marked received is refused, with the reason.
    QVERIFY(!supplement->record());
    QVERIFY(!supplement->message().isEmpty());
    // Ctrl+Enter on the line, as at intake: received, every review point met.
    supplement->checkPage()->lineList()->setFocus();
    QTest::keyClick(supplement->checkPage()->lineList(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(supplement->session()->checkList().check(0).status, MaterialCheck::Status::Received);
    test::saveScreenshot(*m_window, u"supplement.png"_s);

    QSignalSpy changed(m_window->caseScreens(), &CaseScreens::caseChanged);
    QTest::keyClick(supplement->checkPage(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(page->isShowingDocument());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(page->documentPreview()->document().kind, DocumentKind::SupplementReceipt);
    QVERIFY(!hasParagraph(page->documentPreview()->document(), u"补打"_s)); // the original
    const auto events = m_store->events(m_mine).value();
    QCOMPARE(events.constLast().kind, cases::EventKind::SupplementReceived);
    const cases::Case after = m_store->findByNumber(m_mine).value();
    QVERIFY(cases::Supplements::awaited(after, events).isEmpty());
    QCOMPARE(after.attachments.size(), 1);
    // The list no longer has it among the supplements awaited.
    QCOMPARE(page->model()->pendingSupplements().size(), 0);
}

void TestCaseFollowUp::supplementLeftUnrecordedLeavesNoScan()
{
    CaseListPage *page = openCaseList();
    QVERIFY(page);
    QVERIFY(page->openCase(m_mine));
    QVERIFY(page->openSupplement());
    SupplementPage *supplement = page->supplementPage();
    const QString materialId = supplement->session()->awaited().first().materialId;
    supplement->importScans(materialId, {QByteArray("photographed, then the applicant left")});
    const QString path = m_store->attachments().pathFor(supplement->session()->newScans().first().sha256);
    QVERIFY(QFile::exists(path));
    QTest::keyClick(supplement->checkPage()->lineList(), Qt::Key_Escape);
    QVERIFY(page->isShowingDetail());
    QVERIFY(!QFile::exists(path));
    QVERIFY(cases::DraftStore(*m_store).check().value().orphanScans.isEmpty());
}

/// The offscreen screen of a 1366×768 counter, set before the application starts, so the
/// screenshots show what a counter shows.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestCaseFollowUp>(argc, argv, ow::test::ScreenLanguage::English);
}
#include "tst_caseFollowUp.moc"
