// A screening outcome at the counter, by keyboard in the real main window (tests/data/outcomes): a
// light goods vehicle needs no licence, so the walk ends in 无需办理 with no checklist, the intake
// cannot go on and the one-time notice prints; selling only pre-packaged food refers to the filing,
// which F7 opens with the shared answer already given. Saves docs/screenshots/screening-outcome.png.

#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "ui/ChecklistPanel.h"
#include "ui/ConfirmDialog.h"
#include "ui/DocumentPreview.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MaterialDetailPanel.h"
#include "ui/MatterSearchPage.h"
#include "ui/OutcomePanel.h"
#include "ui/QuestionWidget.h"
#include "ui/Theme.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <memory>

using namespace ow;
using namespace ow::ui;

class TestScreeningOutcomeUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void lightVehicleNeedsNoLicence();
    void prepackedFoodOpensTheFiling();

private:
    void open(const QString &code);
    QuestionWidget *focusedQuestion() const;

    catalogue::CataloguePtr m_catalogue;
    test::IntakeData m_data; ///< calendar and hall settings (its demo catalogue is not used)
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTranslator> m_translator;
};

void TestScreeningOutcomeUi::initTestCase()
{
    // The counter's language, so the screenshot shows what the clerk sees.
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QStringLiteral(":/i18n/onewindow_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
    auto loaded = catalogue::CatalogueLoader::loadOrError(QStringLiteral(OW_TEST_DATA_DIR "/outcomes"));
    QVERIFY2(loaded.has_value(), loaded ? "" : qPrintable(loaded.error().toString()));
    m_catalogue = *loaded;
}

void TestScreeningOutcomeUi::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = test::openIntakeStore(m_dir->path());
    QVERIFY(m_store);
    intake::IntakeEnvironment environment;
    environment.store = m_store.get();
    environment.clerkId = QStringLiteral("lisi");
    environment.clerkName = QStringLiteral("李四");
    environment.settings = *m_data.hall;
    environment.calendar = m_data.calendar;
    environment.clock = Clock::fixed(test::kIntakeNow);
    m_window = std::make_unique<MainWindow>(m_catalogue, environment);
    m_window->resize(1366, 768);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
}

void TestScreeningOutcomeUi::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_dir.reset();
}

void TestScreeningOutcomeUi::open(const QString &code)
{
    test::type(code);
    test::press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
    QCOMPARE(m_window->interviewPage()->session()->parts().constFirst().matter->code, code);
}

QuestionWidget *TestScreeningOutcomeUi::focusedQuestion() const
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget())
        if (auto *q = qobject_cast<QuestionWidget *>(w))
            return q;
    return nullptr;
}

void TestScreeningOutcomeUi::lightVehicleNeedsNoLicence()
{
    open(QStringLiteral("T-001"));
    InterviewPage *page = m_window->interviewPage();
    QuestionWidget *mass = focusedQuestion();
    QVERIFY(mass);
    QCOMPARE(mass->question().id, QStringLiteral("vehicle-mass"));
    test::type(QStringLiteral("3"));
    test::press(Qt::Key_Return);

    // The walk ends: the outcome instead of the checklist, the drivers question never asked.
    QVERIFY(page->session()->outcome());
    QVERIFY(page->outcomePanel()->isVisible());
    QVERIFY(!page->checklistPanel()->isVisible());
    QVERIFY(!page->detailPanel()->isVisible()); // no material, no sample
    QVERIFY(page->questionWidget(0, QStringLiteral("drivers"))->isHidden());
    QVERIFY(!page->outcomePanel()->referralButton()->isVisible());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(page->outcomePanel()->noticeButton()));
    auto *banner = page->findChild<QLabel *>(QStringLiteral("situationBanner"));
    QVERIFY(banner->text().contains(QStringLiteral("使用总质量4.5吨及以下")));

    // No case can be accepted on it: the material check stays shut.
    test::press(Qt::Key_F4);
    QVERIFY(!m_window->isChecking());
    QVERIFY(!m_window->statusBar()->currentMessage().isEmpty()); // says why

    // The one-time notice, from the window's shortcut; Esc goes back to the interview.
    test::press(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_window->isShowingDocument());
    QCOMPARE(m_window->documentPreview()->document().title, QStringLiteral("一次性告知书"));
    test::press(Qt::Key_Escape);
    QVERIFY(!m_window->isShowingDocument());

    // A heavier vehicle goes on: the outcome gives way to the checklist and the next question.
    page->questionWidget(0, QStringLiteral("vehicle-mass"))->setFocus();
    test::press(Qt::Key_A, Qt::ControlModifier);
    test::type(QStringLiteral("10"));
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    test::press(Qt::Key_Return);
    QVERIFY(!page->session()->outcome());
    QVERIFY(page->checklistPanel()->isVisible());
    QVERIFY(!page->outcomePanel()->isVisible());
    QVERIFY(page->detailPanel()->isVisible());
    QCOMPARE(focusedQuestion()->question().id, QStringLiteral("drivers"));
}

void TestScreeningOutcomeUi::prepackedFoodOpensTheFiling()
{
    open(QStringLiteral("F-001"));
    InterviewPage *page = m_window->interviewPage();
    test::press(Qt::Key_1); // entity: 企业
    test::press(Qt::Key_1); // scope: 仅销售预包装食品
    const catalogue::ScreeningOutcome *outcome = page->session()->outcome();
    QVERIFY(outcome);
    QCOMPARE(outcome->targetCode, QStringLiteral("F-002"));
    QPushButton *referral = page->outcomePanel()->referralButton();
    QVERIFY(referral->isVisible());
    QVERIFY(page->outcomePanel()
                ->findChild<QLabel *>(QStringLiteral("outcomeHeadline"))
                ->text()
                .contains(QStringLiteral("仅销售预包装食品备案")));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(referral));
    QCoreApplication::processEvents();
    test::saveScreenshot(*m_window, QStringLiteral("screening-outcome.png"));

    // F7: the filing opens with the shared answer given, so its checklist is already settled.
    test::press(Qt::Key_F7);
    QCOMPARE(page->session()->parts().constFirst().matter->code, QStringLiteral("F-002"));
    const catalogue::Answer *entity = page->session()->answer(0, QStringLiteral("entity"));
    QVERIFY(entity);
    QCOMPARE(entity->option, QStringLiteral("company"));
    QVERIFY(page->session()->isComplete());
    QVERIFY(page->checklistPanel()->isVisible());
    QVERIFY(!page->outcomePanel()->isVisible());
    QVERIFY(page->session()->checklist().find(QStringLiteral("business-licence")));
}

/// The offscreen screen of a 1366×768 counter, set before the application starts.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestScreeningOutcomeUi>(argc, argv);
}
#include "tst_screeningOutcomeUi.moc"
