// 材料交接 at the workstation, in the real window: the intake clerk makes the transfer list of three
// cases and prints it with the folder labels; the department's receiver scans the list's QR code and
// two of the labels back, and the third folder is flagged missing on screen and in the events; the
// supervisor sees a list left unconfirmed after its day in red. In Chinese, with the screenshots of the
// case screens for the documentation.

#include "../unit/IntakeDraftSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "cases/CaseNumber.h"
#include "cases/TransferDesk.h"
#include "ui/CaseListPage.h"
#include "ui/CaseScreens.h"
#include "ui/DocumentPreview.h"
#include "ui/MainWindow.h"
#include "ui/PickupPage.h"
#include "ui/PrintDialog.h"
#include "ui/Theme.h"
#include "ui/TransferPage.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ow;
using namespace ow::ui;
using namespace Qt::StringLiterals;
using documents::DocumentKind;

namespace {

/// What the QR codes of a document encode, in order, as a scanner reads them.
QStringList qrTexts(const documents::Document &document)
{
    QStringList texts;
    for (const documents::Document::Entry &entry : document.entries)
        if (const auto *code = std::get_if<documents::QrBlock>(&entry.block))
            texts.append(code->text.isEmpty() ? code->link.toString() : code->text);
    return texts;
}

} // namespace

class TestTransferScreens : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void listIsMadePrintedScannedAndTheMissingFolderFlagged();
    void supervisorSeesAnUnconfirmedListInRed();
    void chineseScreensForTheDocs();

private:
    void accept(int count, bool waiver = false);
    std::unique_ptr<MainWindow> openWindow(accounts::Role role, const QString &clerk, const QDateTime &now);
    /// The intake clerk's list of the three cases, made through the page; its id.
    QString makeList(TransferPage *page);

    test::IntakeData m_data;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    QStringList m_cases;
};

void TestTransferScreens::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
}

void TestTransferScreens::accept(int count, bool waiver)
{
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = u"lisi"_s;
    environment.clerkName = u"李四"_s;
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(test::kIntakeNow);
    for (int i = 0; i < count; ++i) {
        intake::IntakeSession session(environment, m_data.catalogue);
        intake::testing::answerHotel(session);
        session.setApplicant(cases::testing::person());
        intake::MaterialCheckList &checks = session.checkList();
        bool waived = false;
        for (int line = 0; line < checks.size(); ++line)
            if (waiver && !waived && checks.line(line).waivable)
                waived
                    = bool(checks.setStatus(line, cases::MaterialCheck::Status::Waived, QDate(2026, 3, 18)));
            else if (checks.line(line).dataShared)
                (void)checks.setStatus(line, cases::MaterialCheck::Status::DataShared);
            else
                (void)checks.receiveAllMet(line);
        Result<documents::Document> decided = session.decide(
            waiver ? intake::IntakeDecision::acceptWithWaiver() : intake::IntakeDecision::accept());
        QVERIFY2(decided, decided ? "" : qPrintable(decided.error().toString()));
        m_cases.append(session.currentCase().number);
    }
}

void TestTransferScreens::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = test::openIntakeStore(m_dir->path());
    QVERIFY(m_store);
    m_cases.clear();
    accept(3);
    QCOMPARE(m_cases.size(), 3);
}

void TestTransferScreens::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestTransferScreens::openWindow(
    accounts::Role role, const QString &clerk, const QDateTime &now)
{
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = clerk;
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(now);
    auto window = std::make_unique<MainWindow>(m_data.catalogue, environment);
    CaseScreenContext context;
    context.store = m_store.get();
    context.calendar = *m_data.calendar;
    context.role = role;
    context.clerk = clerk;
    context.clock = Clock::fixed(now);
    context.clerkNames = {{u"lisi"_s, u"李四"_s}, {u"zhao"_s, u"赵收件"_s}};
    window->addCaseScreens(context);
    window->resize(1366, 768);
    window->show();
    QApplication::setActiveWindow(window.get());
    if (!QTest::qWaitForWindowActive(window.get()))
        return nullptr;
    return window;
}

QString TestTransferScreens::makeList(TransferPage *page)
{
    QListWidget *waiting = page->waitingList();
    if (!waiting || waiting->count() != 1 || !waiting->item(0)->text().contains(u"3"_s))
        return {};
    const QString department = waiting->item(0)->data(Qt::UserRole).toString();
    if (!page->selectDepartment(department) || page->folderTable()->rowCount() != 3)
        return {};
    if (!page->makeButton()->isEnabled())
        return {};
    page->makeButton()->click();
    if (!page->isShowingDocument() || !page->currentList())
        return {};
    return page->currentList()->id;
}

void TestTransferScreens::listIsMadePrintedScannedAndTheMissingFolderFlagged()
{
    // The intake clerk: Ctrl+Shift+H opens the transfer lists; the department's paper waits.
    std::unique_ptr<MainWindow> clerk = openWindow(accounts::Role::IntakeClerk, u"lisi"_s, test::kIntakeNow);
    QVERIFY(clerk);
    QTest::keyClick(clerk.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    TransferPage *page = clerk->caseScreens()->transferPage();
    QVERIFY(page && page->isVisible());
    QVERIFY(!page->confirmButton()->isVisible()); // a counter clerk does not receive
    QSignalSpy changed(clerk->caseScreens(), &CaseScreens::caseChanged);
    const QString id = makeList(page);
    QVERIFY(!id.isEmpty());
    QCOMPARE(changed.size(), 3); // three TransferListed events for the sync
    for (const QString &number : std::as_const(m_cases))
        QCOMPARE(m_store->events(number).value().constLast().kind, cases::EventKind::TransferListed);

    // The list prints through the print dialog, with its QR code.
    const documents::Document list = page->documentPreview()->document();
    QCOMPARE(list.kind, DocumentKind::TransferList);
    QCOMPARE(qrTexts(list), QStringList {cases::TransferList::scanText(id)});
    const int asked = PrintDialog::askCount();
    PrintDialog::setNextAnswer(PrintDialog::Answer::Cancel);
    QTest::keyClick(page->documentPreview(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(PrintDialog::askCount(), asked + 1);

    // Then the folder labels, one QR code per folder.
    QTest::keyClick(page->documentPreview(), Qt::Key_Escape);
    QVERIFY(!page->isShowingDocument());
    QTest::keyClick(clerk.get(), Qt::Key_B, Qt::AltModifier);
    QTRY_VERIFY(page->isShowingDocument());
    const documents::Document labels = page->documentPreview()->document();
    QCOMPARE(labels.kind, DocumentKind::FolderLabels);
    const QStringList labelCodes = qrTexts(labels);
    QCOMPARE(labelCodes.size(), 3);
    PrintDialog::setNextAnswer(PrintDialog::Answer::Cancel);
    QTest::keyClick(page->documentPreview(), Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(PrintDialog::askCount(), asked + 2);
    page->showDesk();
    page->refresh();
    QCOMPARE(page->waitingList()->item(0)->flags(), Qt::NoItemFlags); // nothing waits any more
    clerk.reset();

    // The department's receiver at the counter: the transfer lists are their first screen.
    std::unique_ptr<MainWindow> receiver
        = openWindow(accounts::Role::DepartmentReceiver, u"zhao"_s, test::kIntakeNow.addSecs(600));
    QVERIFY(receiver);
    TransferPage *desk = receiver->caseScreens()->transferPage();
    QVERIFY(desk && desk->isVisible());
    QVERIFY(!receiver->caseScreens()->caseListPage() && !receiver->caseScreens()->pickupPage());
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(desk->scanField()));
    // A folder before the list is refused with a reason.
    test::type(labelCodes.at(0));
    test::press(Qt::Key_Return);
    QVERIFY(!desk->check());
    QVERIFY(!desk->message().isEmpty());
    QCOMPARE(m_store->events(m_cases.at(0)).value().constLast().kind, cases::EventKind::TransferListed);

    // The scanner types the list's code and Enter, then two labels; the third folder is not there.
    test::type(cases::TransferList::scanText(id));
    test::press(Qt::Key_Return);
    QVERIFY(desk->check());
    QCOMPARE(desk->folderTable()->rowCount(), 3);
    for (const QString &code : {labelCodes.at(0), labelCodes.at(2)}) {
        test::type(code);
        test::press(Qt::Key_Return);
    }
    QCOMPARE(desk->check()->received(), (QStringList {m_cases.at(0), m_cases.at(2)}));
    QCOMPARE(desk->check()->missing(), QStringList {m_cases.at(1)});
    QVERIFY(desk->confirmButton()->isEnabled());
    test::saveScreenshot(*receiver, u"transfer-receive.png"_s);

    QTest::keyClick(receiver.get(), Qt::Key_C, Qt::AltModifier);
    QTRY_VERIFY(!desk->check());
    // Flagged on screen: the message names the missing folder, its row is red.
    const QString printed = cases::CaseNumber::parse(m_cases.at(1))->toDisplayString(); // as on the label
    QVERIFY2(desk->message().contains(printed), qPrintable(desk->message()));
    QTableWidgetItem *missingRow = desk->folderTable()->item(1, TransferPage::kStatusColumn);
    QCOMPARE(desk->folderTable()->item(1, 0)->data(Qt::UserRole).toString(), m_cases.at(1));
    QCOMPARE(desk->folderTable()->item(1, 0)->text(), printed);
    QCOMPARE(missingRow->foreground().color(), Theme::danger());
    QCOMPARE(
        desk->folderTable()->item(0, TransferPage::kStatusColumn)->foreground().color(), Theme::success());
    // And in the events: the two folders handed over are transferred, the third flagged missing.
    QCOMPARE(m_store->findByNumber(m_cases.at(0)).value().state, cases::CaseState::Transferred);
    QCOMPARE(m_store->findByNumber(m_cases.at(2)).value().state, cases::CaseState::Transferred);
    QVERIFY(m_store->findByNumber(m_cases.at(1)).value().state != cases::CaseState::Transferred);
    const cases::CaseEvent flagged = m_store->events(m_cases.at(1)).value().constLast();
    QCOMPARE(flagged.kind, cases::EventKind::TransferFlagged);
    QCOMPARE(flagged.payload.value(u"problem"_s).toString(), u"missing"_s);
    QCOMPARE(flagged.clerk, u"zhao"_s);
    QVERIFY(receiver->frameGeometry().height() <= 768);
}

void TestTransferScreens::supervisorSeesAnUnconfirmedListInRed()
{
    cases::TransferDesk desk(*m_store, u"lisi"_s, Clock::fixed(test::kIntakeNow));
    const Result<QList<cases::TransferDesk::Waiting>> waiting = desk.waiting();
    QVERIFY(waiting && waiting->size() == 1);
    const Result<cases::TransferList> made = desk.make(waiting->constFirst().departmentId);
    QVERIFY(made);

    // The next morning the list is still not confirmed.
    std::unique_ptr<MainWindow> supervisor
        = openWindow(accounts::Role::Supervisor, u"boss"_s, test::kIntakeNow.addDays(1));
    QVERIFY(supervisor);
    QTest::keyClick(supervisor.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    TransferPage *page = supervisor->caseScreens()->transferPage();
    QVERIFY(page && page->isVisible());
    QVERIFY(!page->makeButton()->isVisible() && !page->confirmButton()->isVisible());
    QListWidget *late = page->overdueLists();
    QVERIFY(late && late->isVisible());
    QCOMPARE(late->count(), 1);
    QCOMPARE(late->item(0)->data(Qt::UserRole).toString(), made->id);
    QCOMPARE(late->item(0)->foreground().color(), Theme::danger());
    QVERIFY(late->item(0)->toolTip().contains(u"李四"_s)); // the clerk by name
    test::saveScreenshot(*supervisor, u"transfer-overdue.png"_s);

    // A supervisor reads the list; nothing they do records anything.
    late->setCurrentRow(0);
    QTest::mouseClick(late->viewport(), Qt::LeftButton, {}, late->visualItemRect(late->item(0)).center());
    QCOMPARE(page->currentList()->id, made->id);
    QVERIFY(!page->check());
    QVERIFY(!page->confirm());
}

void TestTransferScreens::chineseScreensForTheDocs()
{
    // A case awaiting a waived material, and one whose licence is ready at the pickup counter.
    accept(1, true);
    const QString waiver = m_cases.constLast();
    const QString ready = m_cases.at(0);
    QList<cases::CaseEvent> events;
    for (const cases::EventKind kind : {cases::EventKind::Transferred, cases::EventKind::InReview,
             cases::EventKind::Approved, cases::EventKind::ResultReady}) {
        cases::CaseEvent event;
        event.caseNumber = ready;
        event.kind = kind;
        event.clerk = u"wj-07"_s;
        events.append(event);
    }
    QVERIFY(m_store->appendEvents(events));

    std::unique_ptr<MainWindow> window = openWindow(accounts::Role::Admin, u"lisi"_s, test::kIntakeNow);
    QVERIFY(window);
    CaseScreens *screens = window->caseScreens();
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(screens->caseListPage()->isVisible());
    test::saveScreenshot(*window, u"zh-case-list.png"_s);
    QVERIFY(screens->caseListPage()->openCase(waiver));
    QVERIFY(screens->caseListPage()->openSupplement());
    test::saveScreenshot(*window, u"zh-supplement.png"_s);

    QTest::keyClick(window.get(), Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(screens->pickupPage()->isVisible());
    QVERIFY(screens->pickupPage()->lookUp(ready));
    // The originals verified at intake go back with the licence: the case card names them.
    bool returnedShown = false;
    for (const QLabel *label : screens->pickupPage()->findChildren<QLabel *>())
        returnedShown = returnedShown || label->text().contains(u"退还原件："_s);
    QVERIFY2(returnedShown, "the pickup card does not list the originals to return");
    test::saveScreenshot(*window, u"zh-pickup.png"_s);

    QTest::keyClick(window.get(), Qt::Key_H, Qt::ControlModifier | Qt::ShiftModifier);
    TransferPage *page = screens->transferPage();
    QVERIFY(page->isVisible());
    QVERIFY(page->selectDepartment(page->waitingList()->item(0)->data(Qt::UserRole).toString()));
    QCOMPARE(page->folderTable()->rowCount(), 3); // the ready case went over already
    test::saveScreenshot(*window, u"zh-transfer-list.png"_s);
    QVERIFY(window->frameGeometry().height() <= 768);
}

/// The offscreen screen of a 1366×768 counter, set before the application starts, so the
/// screenshots show what a counter shows.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestTransferScreens>(argc, argv);
}
#include "tst_transferScreens.moc"
