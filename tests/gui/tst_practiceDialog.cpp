// The practice dialog (业务练习) by keyboard, in Chinese on a 1366×768 counter screen: matters chosen
// with Space, answers ticked with Space and marked with Enter, the missed review points shown, the
// summary; the quiz recorded once as clerk activities (one per matter asked), also when left early;
// Alt keys unique in both languages; Help → Practice… in the main window; the screenshot.

#include "../unit/CaseTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "MnemonicSupport.h"
#include "cases/ClerkActivityLog.h"
#include "ui/MainWindow.h"
#include "ui/PracticeDialog.h"
#include "ui/PracticeRecorder.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <algorithm>

using namespace ow;
using namespace ow::catalogue;
using namespace ow::ui;
using namespace Qt::StringLiterals;

namespace {

/// Keeps what the dialog records, or refuses it with a message.
class MemoryRecorder : public PracticeRecorder
{
public:
    struct Call
    {
        QString quizId;
        QList<PracticeQuestion> questions;
        QList<SubjectScore> subjects;
    };
    QList<Call> calls;
    QString refusal;

    Result<void> record(
        const QString &quizId, const QList<PracticeQuestion> &questions, const PracticeScore &score) override
    {
        if (!refusal.isEmpty())
            return fail(Error::Code::Io, refusal);
        calls.append(Call {quizId, questions, score.bySubject(questions)});
        return {};
    }
};

CataloguePtr load(const QString &folder)
{
    auto loaded = CatalogueLoader::loadOrError(folder);
    if (!loaded)
        qFatal("%s", qPrintable(loaded.error().toString()));
    return *loaded;
}

} // namespace

class TestPracticeDialog : public QObject
{
    Q_OBJECT

    CataloguePtr m_catalogue;
    QTranslator *m_chinese = nullptr;

    /// Ticks, with Space, the materials of the current question in `wanted`, walking the list by keys.
    static void tick(PracticeDialog &dialog, const QStringList &wanted)
    {
        QListWidget *list = dialog.choiceList();
        QCOMPARE(QApplication::focusWidget(), list);
        test::press(Qt::Key_Home);
        for (int row = 0; row < list->count(); ++row) {
            QCOMPARE(list->currentRow(), row);
            if (wanted.contains(list->item(row)->data(Qt::UserRole + 2).toString()))
                test::press(Qt::Key_Space);
            test::press(Qt::Key_Down);
        }
    }

    /// Answers the question shown: every material to bring but those in `leaveOut`.
    static void answer(PracticeDialog &dialog, const QStringList &leaveOut = {})
    {
        QStringList picks = dialog.currentQuestion()->required();
        for (const QString &id : leaveOut)
            picks.removeAll(id);
        tick(dialog, picks);
        test::press(Qt::Key_Return);
        QVERIFY(dialog.isAnswered());
    }

    void startQuiz(PracticeDialog &dialog, const QStringList &subjects, int questions)
    {
        for (int row = 0; row < dialog.subjectList()->count(); ++row) {
            QListWidgetItem *item = dialog.subjectList()->item(row);
            item->setCheckState(
                subjects.contains(item->data(Qt::UserRole + 1).toString()) ? Qt::Checked : Qt::Unchecked);
        }
        dialog.countField()->setValue(questions);
        dialog.start();
        QVERIFY(dialog.isAsking());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_catalogue = load(QStringLiteral(OW_TEST_DATA_DIR "/practice"));
        m_chinese = ow::test::counterScreenChinese();
        QVERIFY(m_chinese);
    }

    void quizByKeyboard()
    {
        auto recorder = std::make_shared<MemoryRecorder>();
        PracticeDialog dialog(m_catalogue, PracticeSettings(), recorder);
        dialog.setSeed(5);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.isChoosing());

        test::press(Qt::Key_F, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog.filterField());
        test::type(u"H-002"_s);
        test::press(Qt::Key_M, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog.subjectList());
        test::press(Qt::Key_Space);
        QCOMPARE(dialog.subjectList()->currentItem()->data(Qt::UserRole + 1).toString(), u"H-002"_s);
        QCOMPARE(dialog.subjectList()->currentItem()->checkState(), Qt::Checked);
        test::press(Qt::Key_Q, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog.countField());
        test::press(Qt::Key_A, Qt::ControlModifier);
        test::type(u"2"_s);
        test::press(Qt::Key_Return);
        QVERIFY(dialog.isAsking());
        QCOMPARE(dialog.questions().size(), 2);
        QVERIFY(dialog.headingLabel()->text().contains(u"第 1 题"_s));
        QVERIFY(dialog.headingLabel()->text().contains(u"公共场所卫生许可（延续）"_s));

        answer(dialog);
        QCOMPARE(dialog.score().questions().size(), 1);
        const QuestionScore first = dialog.score().questions().first();
        QCOMPARE(first.score, first.maxScore);
        QVERIFY(recorder->calls.isEmpty()); // recorded when the quiz ends
        // Marked: Space no longer changes the answer.
        const Qt::CheckState before = dialog.choiceList()->item(0)->checkState();
        test::press(Qt::Key_Home);
        test::press(Qt::Key_Space);
        QCOMPARE(dialog.choiceList()->item(0)->checkState(), before);

        test::press(Qt::Key_Return); // the next question
        QVERIFY(!dialog.isAnswered());
        QVERIFY(dialog.headingLabel()->text().contains(u"第 2 题"_s));
        const PracticeQuestion second = *dialog.currentQuestion();
        const QString left = second.required().first();
        answer(dialog, {left});
        const QuestionScore missed = dialog.score().questions().last();
        QCOMPARE(missed.missed, QStringList {left});
        const ChecklistLine *line = second.checklist.find(left);
        QVERIFY(!line->reviewPoints.isEmpty());
        QVERIFY(dialog.feedback()->toPlainText().contains(line->name));
        QVERIFY(dialog.feedback()->toPlainText().contains(line->reviewPoints.first().text));

        test::press(Qt::Key_Return); // the summary
        QVERIFY(dialog.isShowingSummary());
        QVERIFY(dialog.totalLabel()->text().contains(
            u"%1 / %2"_s.arg(dialog.score().score()).arg(dialog.score().maxScore())));
        QVERIFY(dialog.summary()->toPlainText().contains(line->reviewPoints.first().text));
        QCOMPARE(recorder->calls.size(), 1);
        QCOMPARE(recorder->calls.first().questions.size(), 2);
        QCOMPARE(recorder->calls.first().subjects.size(), 1);
        QCOMPARE(recorder->calls.first().subjects.first().subject, u"H-002"_s);
        QCOMPARE(recorder->calls.first().subjects.first().score, dialog.score().score());
        dialog.accept(); // closing after the end records nothing more
        QCOMPARE(recorder->calls.size(), 1);
    }

    void againStartsAnotherQuiz()
    {
        auto recorder = std::make_shared<MemoryRecorder>();
        PracticeDialog dialog(m_catalogue, PracticeSettings(), recorder);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        startQuiz(dialog, {u"T-001"_s}, 1);
        answer(dialog);
        test::press(Qt::Key_Return);
        QVERIFY(dialog.isShowingSummary());
        test::press(Qt::Key_Return); // 再练一次
        QVERIFY(dialog.isChoosing());
        startQuiz(dialog, {u"T-001"_s}, 1);
        answer(dialog);
        test::press(Qt::Key_Return);
        QCOMPARE(recorder->calls.size(), 2);
        QVERIFY(recorder->calls.at(0).quizId != recorder->calls.at(1).quizId);
    }

    void leavingEarlyRecordsTheQuestionsAnswered()
    {
        auto recorder = std::make_shared<MemoryRecorder>();
        PracticeDialog dialog(m_catalogue, PracticeSettings(), recorder);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        startQuiz(dialog, {u"H-001"_s, u"T-001"_s}, 5);
        answer(dialog);
        test::press(Qt::Key_Return);
        tick(dialog, {}); // the second is seen, not answered
        test::press(Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(recorder->calls.size(), 1);
        QCOMPARE(recorder->calls.first().questions.size(), 1);
    }

    void refusedRecordIsShown()
    {
        auto recorder = std::make_shared<MemoryRecorder>();
        recorder->refusal = u"磁盘已满"_s;
        PracticeDialog dialog(m_catalogue, PracticeSettings(), recorder);
        QSignalSpy failed(&dialog, &PracticeDialog::recordFailed);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        startQuiz(dialog, {u"T-001"_s}, 1);
        answer(dialog);
        test::press(Qt::Key_Return);
        QVERIFY(dialog.isShowingSummary());
        QVERIFY(dialog.messageLabel()->text().contains(u"磁盘已满"_s));
        QCOMPARE(failed.size(), 1);
    }

    void withoutRecorderSaysSo()
    {
        PracticeDialog dialog(m_catalogue, PracticeSettings(), nullptr);
        QVERIFY(!dialog.messageLabel()->text().isEmpty());
        PracticeDialog recorded(m_catalogue, PracticeSettings(), std::make_shared<MemoryRecorder>());
        QVERIFY(recorded.messageLabel()->text().isEmpty());
    }

    void recordedAsClerkActivities()
    {
        QTemporaryDir dir;
        auto store = std::move(cases::CaseStore::open(dir.path(), cases::testing::workstation()).value());
        cases::testing::SteppingClock time;
        auto recorder
            = std::make_shared<ClerkActivityPracticeRecorder>(*store, u"1001"_s, u"陈晓燕"_s, time.clock());
        PracticeDialog dialog(m_catalogue, PracticeSettings(), recorder);
        dialog.setSeed(21);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        startQuiz(dialog, {u"H-001"_s, u"T-001"_s, u"open-pool"_s}, 6);
        QSet<QString> asked;
        for (int q = 0; q < 6; ++q) {
            asked.insert(dialog.currentQuestion()->subject());
            answer(
                dialog, q == 0 ? QStringList {dialog.currentQuestion()->required().last()} : QStringList());
            test::press(Qt::Key_Return);
        }
        QVERIFY(dialog.isShowingSummary());
        const QList<cases::ClerkActivity> activities = cases::ClerkActivityLog(*store).list().value();
        QCOMPARE(activities.size(), asked.size()); // one per matter or bundle asked
        const QList<SubjectScore> subjects = dialog.score().bySubject(dialog.questions());
        for (const cases::ClerkActivity &activity : activities) {
            QCOMPARE(activity.kind, QString(cases::ClerkActivity::kPractice));
            QCOMPARE(activity.staffNumber, u"1001"_s);
            QCOMPARE(activity.clerkName, u"陈晓燕"_s);
            QCOMPARE(activity.at.date(), QDate(2026, 3, 16));
            QVERIFY2(activity.problem().isEmpty(), qPrintable(activity.problem()));
            QVERIFY(asked.contains(activity.matter));
            const auto subject = std::find_if(subjects.cbegin(), subjects.cend(),
                [&](const SubjectScore &s) { return s.subject == activity.matter; });
            QCOMPARE(activity.detail.value("score"_L1).toInt(), subject->score);
            QCOMPARE(activity.passed(), subject->passed);
        }
        // The same quiz recorded again (a retry) is kept once.
        VERIFY_OK(
            recorder->record(u"00000000-0000-0000-0000-000000000001"_s, dialog.questions(), dialog.score()));
        VERIFY_OK(
            recorder->record(u"00000000-0000-0000-0000-000000000001"_s, dialog.questions(), dialog.score()));
        QCOMPARE(cases::ClerkActivityLog(*store).list().value().size(), 2 * asked.size());
    }

    void altKeysOncePerPageInBothLanguages()
    {
        for (bool chinese : {true, false}) {
            if (!chinese)
                QCoreApplication::removeTranslator(m_chinese);
            PracticeDialog dialog(m_catalogue, PracticeSettings(), std::make_shared<MemoryRecorder>());
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            const auto check = [&](const char *page) {
                const QMultiHash<QChar, QString> keys = test::windowMnemonics(&dialog);
                QVERIFY2(test::collisions(keys).isEmpty(),
                    qPrintable(u"%1 (%2): "_s.arg(QLatin1StringView(page), chinese ? u"zh"_s : u"en"_s)
                        + test::collisions(keys).join(u"; "_s)));
                QVERIFY(keys.size() >= 2);
            };
            check("choose");
            startQuiz(dialog, {u"T-001"_s}, 1);
            check("ask");
            answer(dialog);
            check("marked");
            test::press(Qt::Key_Return);
            check("summary");
        }
        QCoreApplication::installTranslator(m_chinese);
    }

    void helpMenuOpensPractice()
    {
        MainWindow window(test::uiCatalogue());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *practice = window.findChild<QAction *>(u"practiceAction"_s);
        QVERIFY(practice);
        bool inHelp = false;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->menu() && menu->menu()->actions().contains(practice))
                inHelp = mnemonicOfHelp(menu->text());
        QVERIFY(inHelp);
        practice->trigger();
        PracticeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<PracticeDialog *>()) && dialog->isVisible());
        QVERIFY(!dialog->messageLabel()->text().isEmpty()); // no case store here: not recorded
        dialog->reject();
    }

    void screenshot()
    {
        PracticeDialog dialog(
            load(QStringLiteral(OW_DEMO_CATALOGUE)), PracticeSettings(), std::make_shared<MemoryRecorder>());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The first seed whose first question tells a situation of three answers (lodging, say).
        for (quint32 seed = 1; seed < 100; ++seed) {
            dialog.again();
            dialog.setSeed(seed);
            startQuiz(dialog, {u"330302-WJ-001"_s}, 10);
            if (dialog.currentQuestion()->facts.size() >= 3)
                break;
        }
        const PracticeQuestion question = *dialog.currentQuestion();
        QVERIFY(question.facts.size() >= 3);
        QVERIFY(question.required().size() >= 3);
        // A clerk who forgot one material and brought the data-shared one too.
        QStringList picks = question.required();
        picks.removeAt(1);
        for (const ChecklistLine &line : question.checklist.lines)
            if (line.dataShared)
                picks.append(line.materialId);
        tick(dialog, picks);
        test::press(Qt::Key_Return);
        QVERIFY(dialog.isAnswered());
        QCoreApplication::processEvents(); // the layouts follow the new texts, as the event loop has them do
        test::saveScreenshot(dialog, u"zh-practice.png"_s);
        QVERIFY(dialog.frameGeometry().height() <= 768);
        QVERIFY(dialog.frameGeometry().width() <= 1366);

        // The rest answered right but the fourth, then the summary with the review points missed.
        for (int q = 1; q < 10; ++q) {
            test::press(Qt::Key_Return);
            answer(
                dialog, q == 3 ? QStringList {dialog.currentQuestion()->required().first()} : QStringList());
        }
        test::press(Qt::Key_Return);
        QVERIFY(dialog.isShowingSummary());
        QCoreApplication::processEvents();
        test::saveScreenshot(dialog, u"zh-practice-summary.png"_s);
    }

private:
    /// Whether a menu title is the Help menu's, in Chinese or English.
    static bool mnemonicOfHelp(const QString &title) { return test::mnemonicOf(title) == u'H'; }
};

/// A 1366×768 counter screen, and the hall's language: the screenshot goes into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestPracticeDialog>(argc, argv);
}
#include "tst_practiceDialog.moc"
