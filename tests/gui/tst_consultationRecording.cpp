// A consultation recorded from the interview by keyboard, in the real main window on the demo
// catalogue at the counter's 1366x768 in Chinese: F11 opens the record with the matter and the
// answers so far, the question is typed, Tab goes to the answer, Ctrl+Enter saves it as a
// consultation activity (question, answer, answers) with its outbox row; an empty answer is refused
// naming it and records nothing, Esc leaves without recording; a checklist shown afterwards in the
// same intake is not counted again. Saves docs/screenshots/zh-consultation-record.png.

#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "IntakeTestSupport.h"
#include "cases/ClerkActivityLog.h"
#include "ui/ConsultationDialog.h"
#include "ui/InterviewPage.h"
#include "ui/MainWindow.h"
#include "ui/MatterSearchPage.h"
#include "ui/QuestionWidget.h"
#include "ui/Theme.h"

#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace ow;
using namespace ow::ui;

namespace {

/// Chinese comes through the input method, which commits whole words, not key presses.
void commit(const QString &text)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "no widget has the keyboard focus");
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(target, &event);
}

QuestionWidget *focusedQuestion()
{
    for (QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget())
        if (auto *q = qobject_cast<QuestionWidget *>(w))
            return q;
    return nullptr;
}

} // namespace

class TestConsultationRecording : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void recordedWithTwoKeys();
    void emptyAnswerRefusedAndEscapeRecordsNothing();

private:
    /// The hotel permit opened from the search, its first question answered (lodging).
    void openHotel();
    QList<cases::ClerkActivity> recorded() const;
    /// The consultation being recorded (F11), else null.
    ConsultationDialog *dialog() const { return m_window->findChild<ConsultationDialog *>(); }

    test::IntakeData m_data;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestConsultationRecording::initTestCase()
{
    Theme::apply(*qApp);
    QVERIFY(m_data.load());
}

void TestConsultationRecording::init()
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

void TestConsultationRecording::cleanup()
{
    m_window.reset();
    m_store.reset();
    m_dir.reset();
}

void TestConsultationRecording::openHotel()
{
    test::type(QStringLiteral("330302-WJ-001"));
    test::press(Qt::Key_Return);
    QVERIFY(!m_window->isSearching());
    QuestionWidget *first = focusedQuestion();
    QVERIFY(first);
    QCOMPARE(first->question().id, QStringLiteral("place-type"));
    test::press(Qt::Key_1);
    QVERIFY(!m_window->interviewPage()->session()->parts().constFirst().answers.isEmpty());
}

QList<cases::ClerkActivity> TestConsultationRecording::recorded() const
{
    Result<QList<cases::ClerkActivity>> list = cases::ClerkActivityLog(*m_store).list();
    return list ? *list : QList<cases::ClerkActivity>();
}

void TestConsultationRecording::recordedWithTwoKeys()
{
    openHotel();
    test::press(Qt::Key_F11);
    QTRY_VERIFY(dialog());
    ConsultationDialog *record = dialog();
    QTRY_COMPARE(QApplication::focusWidget(), record->questionField());
    QCOMPARE(record->findChild<QLabel *>(QStringLiteral("consultationMatter"))->text(),
        QStringLiteral("<b>公共场所卫生许可（新发证）</b>"));
    QVERIFY2(record->findChild<QLabel *>(QStringLiteral("consultationAnswers"))
                 ->text()
                 .contains(QStringLiteral("住宿")),
        qPrintable(record->findChild<QLabel *>(QStringLiteral("consultationAnswers"))->text()));
    commit(QStringLiteral("可以委托他人代办吗？"));
    test::press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), record->answerField());
    commit(QStringLiteral("可以。受托人带本人身份证原件和申请人签字的委托书即可办理。"));

    // The window with the record over it, as the clerk sees it.
    QApplication::processEvents();
    QPixmap shot = m_window->grab();
    {
        QPainter painter(&shot);
        painter.drawPixmap(record->mapToGlobal(QPoint()) - m_window->mapToGlobal(QPoint()), record->grab());
    }
    QVERIFY(record->frameGeometry().width() <= 1366 && record->frameGeometry().height() <= 768);
    const QString dir = qEnvironmentVariable("OW_SCREENSHOTS_DIR", QStringLiteral(OW_SCREENSHOT_DEFAULT_DIR));
    QDir().mkpath(dir);
    QVERIFY(shot.save(QDir(dir).filePath(QStringLiteral("zh-consultation-record.png"))));

    test::press(Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(!dialog());
    QList<cases::ClerkActivity> list = recorded();
    QCOMPARE(list.size(), 1);
    const cases::ClerkActivity &a = list.first();
    QCOMPARE(a.kind, QStringLiteral("consultation"));
    QCOMPARE(a.staffNumber, QStringLiteral("lisi"));
    QCOMPARE(a.matter, QStringLiteral("330302-WJ-001"));
    QCOMPARE(a.question(), QStringLiteral("可以委托他人代办吗？"));
    QCOMPARE(a.detail.value(QStringLiteral("answer")).toString(),
        QStringLiteral("可以。受托人带本人身份证原件和申请人签字的委托书即可办理。"));
    QVERIFY(a.detail.value(QStringLiteral("answers")).toObject().contains(QStringLiteral("place-type")));
    QCOMPARE(cases::ClerkActivityLog(*m_store).pendingOutbox(10)->size(), 1);
    // The interview goes on where it was, its keys working.
    QTRY_VERIFY(m_window->interviewPage()->isVisible());
    QTRY_VERIFY(focusedQuestion());

    // A second question in the same intake is a consultation of its own.
    test::press(Qt::Key_F11);
    QTRY_VERIFY(dialog());
    QTRY_COMPARE(QApplication::focusWidget(), dialog()->questionField());
    commit(QStringLiteral("多久能拿到许可证？"));
    test::press(Qt::Key_Return); // Enter in the question goes on to the answer
    commit(QStringLiteral("七个工作日内。"));
    test::press(Qt::Key_Enter, Qt::ControlModifier);
    QTRY_VERIFY(!dialog());
    QCOMPARE(recorded().size(), 2);

    // Answered to the end and the checklist shown, then the next applicant: the visit was counted
    // with its questions, so the checklist is not counted again.
    for (int guard = 0; guard < 10 && !m_window->interviewPage()->session()->isComplete(); ++guard) {
        QTRY_VERIFY(focusedQuestion());
        test::press(
            focusedQuestion()->question().id == QStringLiteral("linen-washing") ? Qt::Key_2 : Qt::Key_1);
    }
    QVERIFY(m_window->interviewPage()->session()->isComplete());
    test::press(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(m_window->isShowingDocument());
    test::press(Qt::Key_Escape);
    QTRY_VERIFY(m_window->interviewPage()->isVisible());
    test::press(Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->isSearching());
    test::type(QStringLiteral("330302-WJ-001"));
    test::press(Qt::Key_Return);
    QTRY_VERIFY(m_window->interviewPage()->isVisible());
    QCOMPARE(recorded().size(), 2);
}

void TestConsultationRecording::emptyAnswerRefusedAndEscapeRecordsNothing()
{
    openHotel();
    test::press(Qt::Key_F11);
    QTRY_VERIFY(dialog());
    ConsultationDialog *record = dialog();
    QTRY_COMPARE(QApplication::focusWidget(), record->questionField());
    commit(QStringLiteral("营业面积怎么算？"));
    test::press(Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(dialog());
    QVERIFY2(record->problemLabel()->text().contains(QStringLiteral("答复")),
        qPrintable(record->problemLabel()->text()));
    QCOMPARE(QApplication::focusWidget(), record->answerField());
    QVERIFY(recorded().isEmpty());
    test::press(Qt::Key_Escape);
    QTRY_VERIFY(!dialog());
    QVERIFY(recorded().isEmpty());
    QTRY_VERIFY(m_window->interviewPage()->isVisible());
}

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestConsultationRecording>(argc, argv);
}

#include "tst_consultationRecording.moc"
