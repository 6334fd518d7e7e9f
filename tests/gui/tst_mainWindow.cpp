// Drives the real main window by keyboard only: search, interview, change of an earlier answer,
// checklist, sample viewer, navigation; saves the screenshots used in docs/screenshots/.

#include "GuiTestSupport.h"
#include "catalogue/SituationEngine.h"
#include "ui/ChecklistModel.h"
#include "ui/ChecklistPanel.h"
#include "ui/ConfirmDialog.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MaterialDetailPanel.h"
#include "ui/MatterSearchPage.h"
#include "ui/NumberQuestionWidget.h"
#include "ui/QuestionWidget.h"
#include "ui/SampleView.h"
#include "ui/SampleViewer.h"
#include "ui/SearchResultModel.h"
#include "ui/ShortcutsDialog.h"
#include "ui/Theme.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QTest>
#include <memory>

using namespace ow;
using namespace ow::catalogue;
using namespace ow::ui;
using ow::intake::InterviewSession;
using ow::test::press;
using ow::test::type;

namespace {

const QString kMatter = QStringLiteral("330302-WJ-001");

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void titleNamesCatalogue();
    void emptyQueryListsHighFrequencyFirst();
    void pinyinSearchOpensMatter();
    void keyboardInterviewBuildsChecklist();
    void numberBelowThresholdDropsFloorPlan();
    void changingEarlierAnswerShowsPreview();
    void cancellingChangeKeepsAnswers();
    void outOfRangeNumberIsRefused();
    void upAndDownMoveBetweenQuestions();
    void sampleViewerHighlightsAndZooms();
    void backAndResumeKeepInterview();
    void bundleLocksPresetQuestions();
    void helpListsShortcuts();
    void screenshots();

private:
    /// Types the query in the focused search field and opens the first hit with Enter.
    void openBySearch(const QString &query);
    /// The bath situation: 200 m², sauna and pool, through an agent.
    void answerBathSituation(const QString &area = QStringLiteral("200"));
    QuestionWidget *question(const QString &id) const;
    QuestionWidget *focusedQuestion() const;
    Evaluation engineResult(const Answers &answers) const;
    QString screenshotDir() const;
    void saveScreenshot(QWidget *widget, const QString &name) const;

    CataloguePtr m_catalogue;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    Theme::apply(*qApp);
    m_catalogue = test::uiCatalogue();
    QVERIFY2(m_catalogue, "the test catalogue in tests/data/ui does not load");
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>(m_catalogue);
    m_window->resize(1600, 900);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

void TestMainWindow::openBySearch(const QString &query)
{
    QCOMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    type(query);
    press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
}

QuestionWidget *TestMainWindow::question(const QString &id) const
{
    return m_window->interviewPage()->questionWidget(0, id);
}

QuestionWidget *TestMainWindow::focusedQuestion() const
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget())
        if (auto *q = qobject_cast<QuestionWidget *>(w))
            return q;
    return nullptr;
}

Evaluation TestMainWindow::engineResult(const Answers &answers) const
{
    return SituationEngine(m_catalogue).evaluate(*m_catalogue->matter(kMatter), answers);
}

void TestMainWindow::answerBathSituation(const QString &area)
{
    openBySearch(QStringLiteral("ggcswsxk"));
    QCOMPARE(focusedQuestion(), question(QStringLiteral("place-type")));
    press(Qt::Key_2); // 沐浴场所
    QCOMPARE(focusedQuestion(), question(QStringLiteral("bath-area")));
    type(area);
    press(Qt::Key_Return);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("bath-services")));
    press(Qt::Key_1); // 桑拿
    press(Qt::Key_3); // 浴池
    press(Qt::Key_Return);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("agent")));
    press(Qt::Key_2); // 委托代理人
}

void TestMainWindow::titleNamesCatalogue()
{
    QVERIFY(m_window->windowTitle().contains(m_catalogue->name));
    QVERIFY(m_window->windowTitle().contains(m_catalogue->version));
}

void TestMainWindow::emptyQueryListsHighFrequencyFirst()
{
    SearchResultModel *results = m_window->searchPage()->results();
    QVERIFY(results->rowCount() >= 3);
    QCOMPARE(results->hit(0)->code, kMatter); // high frequency before the middle-frequency matter
    QCOMPARE(results->hit(1)->code, QStringLiteral("330302-JT-002"));
    QVERIFY(results->hit(results->rowCount() - 1)->isBundle());
}

void TestMainWindow::pinyinSearchOpensMatter()
{
    type(QStringLiteral("ggcswsxk"));
    SearchResultModel *results = m_window->searchPage()->results();
    QVERIFY(results->rowCount() >= 1);
    QCOMPARE(results->hit(0)->code, kMatter);
    // The whole of 公共场所卫生许可 matched and is highlighted.
    QCOMPARE(results->data(results->index(0), SearchResultModel::HighlightStartRole).toLongLong(), 0);
    QCOMPARE(results->data(results->index(0), SearchResultModel::HighlightLengthRole).toLongLong(), 8);

    press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
    QCOMPARE(m_window->interviewPage()->session()->parts().constFirst().matter->code, kMatter);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("place-type")));
    // Only the first question is shown until it is answered.
    QVERIFY(question(QStringLiteral("place-type"))->isVisible());
    QVERIFY(!question(QStringLiteral("bath-area"))->isVisible());
    QVERIFY(!question(QStringLiteral("lodging-kind"))->isVisible());
}

void TestMainWindow::keyboardInterviewBuildsChecklist()
{
    answerBathSituation();
    const InterviewSession *session = m_window->interviewPage()->session();
    QVERIFY(session->isComplete());

    Answers answers;
    answers.set(QStringLiteral("place-type"), Answer::single(QStringLiteral("bath")));
    answers.set(QStringLiteral("bath-area"), Answer::numeric(200));
    answers.set(
        QStringLiteral("bath-services"), Answer::multi({QStringLiteral("sauna"), QStringLiteral("pool")}));
    answers.set(QStringLiteral("agent"), Answer::single(QStringLiteral("agent")));
    const Evaluation expected = engineResult(answers);
    QVERIFY(expected.complete);
    QCOMPARE(session->parts().constFirst().evaluation.effectiveAnswers, expected.effectiveAnswers);

    // The panel shows the engine's lines, basic materials first, each group in catalogue order.
    QStringList basic;
    QStringList situational;
    for (const ChecklistLine &line : expected.checklist.lines)
        (ChecklistModel::isBasic(line) ? basic : situational).append(line.materialId);
    ChecklistPanel *panel = m_window->interviewPage()->checklistPanel();
    QCOMPARE(panel->materialIds(), basic + situational);
    QVERIFY(panel->materialIds().contains(QStringLiteral("floor-plan"))); // ≥ 150 m²
    QVERIFY(panel->materialIds().contains(QStringLiteral("sauna-safety"))); // sauna chosen
    QVERIFY(panel->materialIds().contains(QStringLiteral("power-of-attorney")));
    QVERIFY(!panel->materialIds().contains(QStringLiteral("ac-report")));
    QVERIFY(panel->summaryText().contains(QString::number(expected.checklist.lines.size())));

    // Complete: the keyboard moved to the checklist and the situation path is shown.
    QCOMPARE(QApplication::focusWidget(), panel->view());
    const QString situation = m_window->interviewPage()->situationText();
    QVERIFY2(situation.contains(expected.situationPath.join(QStringLiteral(" › "))), qPrintable(situation));
}

void TestMainWindow::numberBelowThresholdDropsFloorPlan()
{
    answerBathSituation(QStringLiteral("120"));
    ChecklistPanel *panel = m_window->interviewPage()->checklistPanel();
    QVERIFY(!panel->materialIds().contains(QStringLiteral("floor-plan")));
    QCOMPARE(m_window->interviewPage()->session()->answer(0, QStringLiteral("bath-area"))->number, 120.0);
}

void TestMainWindow::changingEarlierAnswerShowsPreview()
{
    answerBathSituation();
    // Back up to the first question with the keyboard: Shift+Tab from the checklist, then Up.
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("agent")));
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("place-type")));

    const int asked = ConfirmDialog::askCount();
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    press(Qt::Key_1); // 住宿场所
    QCOMPARE(ConfirmDialog::askCount(), asked + 1);
    const QString preview = ConfirmDialog::lastText();
    QVERIFY2(
        preview.contains(QStringLiteral("沐浴场所经营面积是多少？")), qPrintable(preview)); // dropped answer
    QVERIFY2(preview.contains(QStringLiteral("桑拿设施安全检测证明")), qPrintable(preview)); // lost material

    const InterviewSession *session = m_window->interviewPage()->session();
    QCOMPARE(session->answer(0, QStringLiteral("place-type"))->option, QStringLiteral("lodging"));
    QVERIFY(!session->answer(0, QStringLiteral("bath-area")));
    QVERIFY(session->answer(0, QStringLiteral("agent"))); // still applies: kept
    QVERIFY(!question(QStringLiteral("bath-area"))->isVisible());
    QCOMPARE(focusedQuestion(), question(QStringLiteral("lodging-kind")));

    press(Qt::Key_1); // 宾馆、酒店
    QCOMPARE(focusedQuestion(), question(QStringLiteral("central-ac")));
    press(Qt::Key_1); // uses central air conditioning
    QVERIFY(session->isComplete());
    const QStringList ids = m_window->interviewPage()->checklistPanel()->materialIds();
    QVERIFY(ids.contains(QStringLiteral("ac-report")));
    QVERIFY(ids.contains(QStringLiteral("floor-plan"))); // lodging always needs the plan
    QVERIFY(!ids.contains(QStringLiteral("sauna-safety")));
}

void TestMainWindow::cancellingChangeKeepsAnswers()
{
    answerBathSituation();
    const QStringList before = m_window->interviewPage()->checklistPanel()->materialIds();
    press(Qt::Key_Backtab, Qt::ShiftModifier);
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("place-type")));
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Cancel);
    press(Qt::Key_3); // 美容美发: would drop the bath answers
    const InterviewSession *session = m_window->interviewPage()->session();
    QCOMPARE(session->answer(0, QStringLiteral("place-type"))->option, QStringLiteral("bath"));
    QVERIFY(session->answer(0, QStringLiteral("bath-area")));
    QCOMPARE(m_window->interviewPage()->checklistPanel()->materialIds(), before);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("place-type")));
}

void TestMainWindow::outOfRangeNumberIsRefused()
{
    openBySearch(QStringLiteral("ggcswsxk"));
    press(Qt::Key_2);
    type(QStringLiteral("-5"));
    press(Qt::Key_Return);
    QVERIFY(!m_window->interviewPage()->session()->answer(0, QStringLiteral("bath-area")));
    QCOMPARE(focusedQuestion(), question(QStringLiteral("bath-area")));
    auto *message = question(QStringLiteral("bath-area"))->findChild<QLabel *>(QStringLiteral("inputError"));
    QVERIFY(message && message->isVisible());
    // Corrected, it is accepted and the keyboard moves on.
    press(Qt::Key_A, Qt::ControlModifier);
    type(QStringLiteral("80"));
    press(Qt::Key_Return);
    QVERIFY(!message->isVisible());
    QCOMPARE(m_window->interviewPage()->session()->answer(0, QStringLiteral("bath-area"))->number, 80.0);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("bath-services")));
}

void TestMainWindow::upAndDownMoveBetweenQuestions()
{
    openBySearch(QStringLiteral("ggcswsxk"));
    press(Qt::Key_1); // lodging: reveals lodging-kind and central-ac
    QCOMPARE(focusedQuestion(), question(QStringLiteral("lodging-kind")));
    press(Qt::Key_Down);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("central-ac")));
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("place-type")));
    press(Qt::Key_Up); // stays on the first
    QCOMPARE(focusedQuestion(), question(QStringLiteral("place-type")));
    press(Qt::Key_Tab);
    QCOMPARE(focusedQuestion(), question(QStringLiteral("lodging-kind")));
    QVERIFY(question(QStringLiteral("lodging-kind"))->property("active").toBool());
    QVERIFY(!question(QStringLiteral("place-type"))->property("active").toBool());
}

void TestMainWindow::sampleViewerHighlightsAndZooms()
{
    answerBathSituation();
    InterviewPage *page = m_window->interviewPage();
    QVERIFY(page->checklistPanel()->selectMaterial(QStringLiteral("id-card")));
    SampleViewer *viewer = page->sampleViewer();
    QVERIFY(viewer->hasImage());
    QCOMPARE(viewer->view()->markerCount(), 4);
    QCOMPARE(viewer->points()->count(), 4);
    // Point 2 of the list is marker 2 on the image (the citizen ID number).
    viewer->points()->setCurrentRow(1);
    QCOMPARE(viewer->view()->highlighted(), QList<int> {2});
    QVERIFY(viewer->points()->item(1)->text().contains(QStringLiteral("身份证号码")));
    QVERIFY(page->detailPanel()->commonErrorsText().contains(QStringLiteral("有效期")));

    const qreal fitted = viewer->view()->zoom();
    press(Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(viewer->view()->zoom() > fitted);
    QVERIFY(!viewer->view()->isFitting());
    press(Qt::Key_Minus, Qt::ControlModifier);
    press(Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(viewer->view()->zoom() < fitted);
    press(Qt::Key_0, Qt::ControlModifier);
    QVERIFY(viewer->view()->isFitting());
    QCOMPARE(viewer->view()->zoom(), fitted);

    // Ctrl+E gives the sample the whole page; Esc gives it back, a second Esc goes to the search.
    press(Qt::Key_E, Qt::ControlModifier);
    QVERIFY(page->isSampleEnlarged());
    QVERIFY(!page->checklistPanel()->isVisible());
    QCOMPARE(QApplication::focusWidget(), viewer->points());
    press(Qt::Key_Escape);
    QVERIFY(!page->isSampleEnlarged());
    QVERIFY(page->checklistPanel()->isVisible());
    QVERIFY(!m_window->isSearching());

    // A material without a sample says so instead of showing an empty frame.
    QVERIFY(page->checklistPanel()->selectMaterial(QStringLiteral("health-certificates")));
    QVERIFY(!viewer->hasImage());
}

void TestMainWindow::backAndResumeKeepInterview()
{
    openBySearch(QStringLiteral("ggcswsxk"));
    press(Qt::Key_2);
    press(Qt::Key_Escape);
    QVERIFY(m_window->isSearching());
    QCOMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
    press(Qt::Key_Right, Qt::AltModifier);
    QVERIFY(!m_window->isSearching());
    QCOMPARE(m_window->interviewPage()->session()->answer(0, QStringLiteral("place-type"))->option,
        QStringLiteral("bath"));
    QCOMPARE(focusedQuestion(), question(QStringLiteral("bath-area")));
    press(Qt::Key_Left, Qt::AltModifier);
    QVERIFY(m_window->isSearching());
    press(Qt::Key_Right, Qt::AltModifier);
    press(Qt::Key_F, Qt::ControlModifier);
    QVERIFY(m_window->isSearching());
    QCOMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
}

void TestMainWindow::bundleLocksPresetQuestions()
{
    type(QStringLiteral("kbbg")); // 开办宾馆
    QVERIFY(m_window->searchPage()->results()->hit(0)->isBundle());
    press(Qt::Key_Return);
    InterviewPage *page = m_window->interviewPage();
    QCOMPARE(page->session()->parts().size(), 2);
    QuestionWidget *placeType = page->questionWidget(0, QStringLiteral("place-type"));
    QVERIFY(placeType->isLocked());
    QCOMPARE(page->session()->answer(0, QStringLiteral("place-type"))->option, QStringLiteral("lodging"));
    QCOMPARE(focusedQuestion(), page->questionWidget(0, QStringLiteral("lodging-kind")));
    press(Qt::Key_2);
    press(Qt::Key_2);
    press(Qt::Key_1); // agent: self
    QCOMPARE(focusedQuestion(), page->questionWidget(1, QStringLiteral("reason")));
    press(Qt::Key_1);
    QVERIFY(page->session()->isComplete());
    const QStringList ids = page->checklistPanel()->materialIds();
    QCOMPARE(ids.count(QStringLiteral("id-card")), 1); // shared by both matters, handed in once
    QVERIFY(ids.contains(QStringLiteral("vehicle-licence")));
    QVERIFY(ids.contains(QStringLiteral("floor-plan")));
}

void TestMainWindow::helpListsShortcuts()
{
    press(Qt::Key_F1);
    QTRY_VERIFY(m_window->shortcutsDialog() && m_window->shortcutsDialog()->isVisible());
    m_window->shortcutsDialog()->close();
}

QString TestMainWindow::screenshotDir() const
{
    const QString fromEnvironment = qEnvironmentVariable("OW_SCREENSHOTS_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR) : fromEnvironment;
}

void TestMainWindow::saveScreenshot(QWidget *widget, const QString &name) const
{
    QVERIFY(QDir().mkpath(screenshotDir()));
    // Let pending layout requests run, as the event loop would before the clerk sees the window.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    const QString path = QDir(screenshotDir()).filePath(name);
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

void TestMainWindow::screenshots()
{
    // The demo catalogue makes the better pictures (real samples); the test catalogue stands in
    // when the demo is missing or broken, so the screenshots never fail for the demo's sake.
    CataloguePtr catalogue
        = CatalogueLoader::load(QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo")).catalogue;
    if (!catalogue)
        catalogue = m_catalogue;
    m_window.reset();
    m_window = std::make_unique<MainWindow>(catalogue);
    m_window->resize(1600, 900);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    m_window->searchPage()->focusSearch();
    type(QStringLiteral("xk"));
    QVERIFY(m_window->searchPage()->results()->rowCount() > 0);
    saveScreenshot(m_window.get(), QStringLiteral("search.png"));

    press(Qt::Key_Escape); // clears the field
    type(QStringLiteral("ggcswsxk"));
    press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
    // Whatever the demo asks: the second option first (a bath, in the demo), 200 for numbers, then
    // the first option of every other question, and the last one (the agent) with its second.
    InterviewPage *page = m_window->interviewPage();
    bool first = true;
    for (int guard = 0; guard < 30 && !page->session()->isComplete(); ++guard) {
        QuestionWidget *current = focusedQuestion();
        QVERIFY(current);
        if (qobject_cast<NumberQuestionWidget *>(current)) {
            type(QStringLiteral("200"));
            press(Qt::Key_Return);
        } else if (current->question().type == QuestionType::Multi) {
            press(Qt::Key_1);
            press(Qt::Key_Return);
        } else {
            const bool last = page->session()->parts().constFirst().evaluation.visibleQuestions.constLast()
                == &current->question();
            press(first || last ? Qt::Key_2 : Qt::Key_1);
        }
        first = false;
    }
    QVERIFY(page->session()->isComplete());
    saveScreenshot(m_window.get(), QStringLiteral("interview.png"));

    // The ID card's sample with its second review point selected.
    const QStringList ids = page->checklistPanel()->materialIds();
    const auto withSample = std::find_if(
        ids.begin(), ids.end(), [&](const QString &id) { return id == QStringLiteral("id-card"); });
    if (withSample != ids.end())
        page->checklistPanel()->selectMaterial(*withSample);
    page->sampleViewer()->points()->setCurrentRow(1);
    press(Qt::Key_E, Qt::ControlModifier); // the sample enlarged, as a clerk checks a document
    QVERIFY(page->isSampleEnlarged());
    saveScreenshot(m_window.get(), QStringLiteral("sample-viewer.png"));
    press(Qt::Key_Escape);
    QVERIFY(QFileInfo::exists(QDir(screenshotDir()).filePath(QStringLiteral("sample-viewer.png"))));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainWindow.moc"
