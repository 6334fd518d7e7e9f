// The interview's frequently asked questions (常见问题) at the counter, by keyboard in the real main
// window on the demo catalogue: F12 puts the entries that apply to the answers so far in place of the
// checklist and F12 again gives the checklist back; an entry whose condition waits for an answer
// appears once it is given (a bath of 150 m² or more) and goes when the answer changes; the search
// narrows the list; a bundle lists its own entries and its matters'. Saves
// docs/screenshots/zh-interview-faq.png at the counter's 1366x768 in Chinese.

#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "ui/ChecklistPanel.h"
#include "ui/ConfirmDialog.h"
#include "ui/FaqPanel.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MatterSearchPage.h"
#include "ui/QuestionWidget.h"
#include "ui/Theme.h"

#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <memory>

using namespace ow;
using namespace ow::ui;

class TestInterviewFaq : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void entriesFollowTheAnswers();
    void bundleListsItsOwnAndItsMatters();

private:
    void open(const QString &text);

    test::IntakeData m_data;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QTranslator> m_translator;
};

void TestInterviewFaq::initTestCase()
{
    m_translator = std::make_unique<QTranslator>();
    QVERIFY(m_translator->load(QStringLiteral(":/i18n/onewindow_zh_CN.qm")));
    QVERIFY(QCoreApplication::installTranslator(m_translator.get()));
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
}

void TestInterviewFaq::init()
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
    m_window = std::make_unique<MainWindow>(m_data.catalogue, environment);
    m_window->resize(1366, 768);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_COMPARE(QApplication::focusWidget(), m_window->searchPage()->searchField());
}

void TestInterviewFaq::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_dir.reset();
}

void TestInterviewFaq::open(const QString &text)
{
    test::type(text);
    test::press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
}

void TestInterviewFaq::entriesFollowTheAnswers()
{
    open(QStringLiteral("330302-WJ-001"));
    InterviewPage *page = m_window->interviewPage();
    FaqPanel *faqs = page->faqPanel();
    QCOMPARE(page->session()->parts().constFirst().matter->code, QStringLiteral("330302-WJ-001"));
    const QStringList always {QStringLiteral("办理卫生许可证要收费吗？"),
        QStringLiteral("卫生许可证的有效期是多久？"), QStringLiteral("检测报告还没出来，能不能先拿证？"),
        QStringLiteral("可以委托他人代办吗？")};

    // Closed at first: the checklist has the middle, and the header button counts what applies.
    QVERIFY(!page->isFaqShown());
    QVERIFY(page->checklistPanel()->isVisible());
    QVERIFY(!faqs->isVisible());
    QCOMPARE(faqs->listedQuestions(), always);

    // The bath of 200 m²: the evaluation's entry appears once the area is given.
    test::press(Qt::Key_2); // place-type: 沐浴场所
    QCOMPARE(faqs->listedQuestions(), always);
    QuestionWidget *area = page->questionWidget(0, QStringLiteral("bath-area"));
    QVERIFY(area && area->isVisible());
    QTRY_VERIFY(area->hasFocus() || area->isAncestorOf(QApplication::focusWidget()));
    test::type(QStringLiteral("200"));
    test::press(Qt::Key_Return);
    QCOMPARE(faqs->listedQuestions(),
        always + QStringList {QStringLiteral("经营面积150平方米以上的，还要交什么？")});

    // F12 from the questions: the entries in place of the checklist, the keyboard in the search.
    test::press(Qt::Key_F12);
    QVERIFY(page->isFaqShown());
    QVERIFY(faqs->isVisible());
    QVERIFY(!page->checklistPanel()->isVisible());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(faqs->searchField()));
    QCoreApplication::processEvents();
    test::saveScreenshot(*m_window, QStringLiteral("zh-interview-faq.png"));

    // The search narrows the list to the entries holding the word, in question or answer.
    faqs->searchField()->setText(QStringLiteral("委托"));
    QCOMPARE(faqs->listedQuestions(), QStringList {QStringLiteral("可以委托他人代办吗？")});
    faqs->searchField()->setText(QStringLiteral("邮寄"));
    QVERIFY(faqs->listedQuestions().isEmpty());
    faqs->searchField()->clear();
    QCOMPARE(faqs->listedQuestions().size(), 5);

    // F12 again: the checklist is back and the keyboard on the next open question.
    test::press(Qt::Key_F12);
    QVERIFY(!page->isFaqShown());
    QVERIFY(page->checklistPanel()->isVisible());
    QVERIFY(!faqs->isVisible());

    // A smaller bath: the entry goes with the answer that brought it.
    area->setFocus();
    test::press(Qt::Key_A, Qt::ControlModifier);
    test::type(QStringLiteral("80"));
    ConfirmDialog::setNextAnswer(ConfirmDialog::Choice::Confirm);
    test::press(Qt::Key_Return);
    QCOMPARE(faqs->listedQuestions(), always);
}

void TestInterviewFaq::bundleListsItsOwnAndItsMatters()
{
    open(QStringLiteral("kblg")); // 开办旅馆, by its pinyin initials
    InterviewPage *page = m_window->interviewPage();
    QVERIFY(page->session()->bundle());
    QCOMPARE(page->session()->bundle()->id, QStringLiteral("hotel"));
    test::press(Qt::Key_F12);
    QVERIFY(page->isFaqShown());
    const QStringList listed = page->faqPanel()->listedQuestions();
    // The bundle's own entries first, then those of its matters, each under its name.
    QCOMPARE(listed.value(0), QStringLiteral("这几项许可要分开跑几个部门吗？"));
    QCOMPARE(listed.value(1), QStringLiteral("旅馆业特种行业许可为什么最后发？"));
    QVERIFY(listed.contains(QStringLiteral("办理卫生许可证要收费吗？")));
    // The bath's entry is not for a lodging: the bundle presets the place type.
    QVERIFY(!listed.contains(QStringLiteral("经营面积150平方米以上的，还要交什么？")));
    QStringList titles;
    for (QLabel *label : page->faqPanel()->findChildren<QLabel *>(QStringLiteral("sectionTitle")))
        titles.append(label->text());
    QVERIFY(titles.contains(QStringLiteral("开办旅馆")));
    QVERIFY(titles.contains(QStringLiteral("公共场所卫生许可（新发证）")));
}

/// The offscreen screen of a 1366×768 counter, set before the application starts.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestInterviewFaq>(argc, argv);
}
#include "tst_interviewFaq.moc"
