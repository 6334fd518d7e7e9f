// 登记投诉 at a counter, by keyboard only, in Chinese on a 1366×768 screen: Ctrl+Shift+T from the case
// list's open case, which is prefilled; each problem names its field and puts the cursor there (a
// mobile number of ten digits, no content); the clerk complained about chosen by typing the name,
// the matter by its pinyin initials through the counter's matter search; Enter saves into the
// workstation's complaint log with its outbox row (no server: it waits), listed under 我登记的投诉
// as waiting to be sent. The screenshot for docs/supervision.md.

#include "../unit/CaseTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "MnemonicSupport.h"
#include "cases/CaseNumber.h"
#include "cases/ComplaintLog.h"
#include "ui/CaseListPage.h"
#include "ui/CaseScreens.h"
#include "ui/ComplaintDialog.h"
#include "ui/ComplaintListDialog.h"
#include "ui/ComplaintScreens.h"
#include "ui/MainWindow.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace ow;
using namespace ow::ui;
using namespace Qt::StringLiterals;

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

} // namespace

class TestComplaintDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<cases::CaseStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    QString m_case;
    const QDateTime m_now {QDate(2026, 3, 16), QTime(2, 30), Qt::UTC};

private Q_SLOTS:
    void initTestCase()
    {
        m_store = std::move(cases::CaseStore::open(m_dir.path(), cases::testing::workstation()).value());
        cases::Case draft = cases::testing::draft();
        draft.materialChecks[1].failedPoints.clear();
        cases::Case stored = m_store->createDraft(draft, u"clerk-042"_s).value();
        QVERIFY(m_store->save(stored, cases::testing::caseEvent(cases::EventKind::Accepted)));
        m_case = stored.number;

        intake::IntakeEnvironment environment;
        environment.store = m_store.get();
        environment.clerkId = u"2001"_s;
        environment.clerkName = u"李明"_s;
        environment.clock = Clock::fixed(m_now);
        m_window = std::make_unique<MainWindow>(test::uiCatalogue(), environment);
        CaseScreenContext context;
        context.store = m_store.get();
        context.calendar = *WorkingCalendar::loadBuiltIn();
        context.role = accounts::Role::IntakeClerk;
        context.clerk = u"2001"_s;
        context.clerkName = u"李明"_s;
        context.clock = Clock::fixed(m_now);
        context.clerkNames = {{u"1001"_s, u"王芳"_s}, {u"1002"_s, u"赵强"_s}, {u"2001"_s, u"李明"_s}};
        m_window->addCaseScreens(context);
        m_window->resize(1366, 768);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void recordedByKeyboardFromTheCaseOnScreen()
    {
        // The case list's detail of the case the complainant names.
        test::press(Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(m_window->caseScreens()->caseListPage()->openCase(m_case));
        QTRY_VERIFY(m_window->caseScreens()->caseListPage()->isShowingDetail());

        test::press(Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        ComplaintScreens *screens = m_window->complaintScreens();
        QTRY_VERIFY(screens->recordDialog() && screens->recordDialog()->isVisible());
        ComplaintDialog *dialog = screens->recordDialog();
        QTRY_COMPARE(QApplication::activeWindow(), dialog);
        QCOMPARE(dialog->caseField()->text(), cases::CaseNumber::parse(m_case)->toDisplayString());
        QCOMPARE(dialog->channelField()->currentText(), u"窗口"_s);
        QCOMPARE(QApplication::focusWidget(), dialog->nameField());
        QVERIFY2(test::collisions(test::windowMnemonics(dialog)).isEmpty(),
            qPrintable(test::collisions(test::windowMnemonics(dialog)).join(u", "_s)));

        commit(u"陈静"_s);
        test::press(Qt::Key_Tab);
        test::type(u"1381234567"_s); // one digit short
        test::press(Qt::Key_Return);
        QVERIFY2(
            dialog->problemLabel()->text().startsWith(u"手机"_s), qPrintable(dialog->problemLabel()->text()));
        QCOMPARE(QApplication::focusWidget(), dialog->mobileField());
        test::type(u"8"_s);
        test::press(Qt::Key_Return);
        QVERIFY2(dialog->problemLabel()->text().startsWith(u"投诉内容"_s),
            qPrintable(dialog->problemLabel()->text()));
        QCOMPARE(QApplication::focusWidget(), dialog->contentField());
        commit(u"材料齐全，仍被要求第二次来补交身份证复印件，"_s);
        test::press(Qt::Key_Return, Qt::ShiftModifier); // a new line, not saved yet
        commit(u"不符合“最多跑一次”。"_s);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->contentField()->toPlainText().contains(u'\n'));

        // The clerk by name (the staff number beside it), the matter by its pinyin initials.
        test::press(Qt::Key_Tab); // the case, prefilled
        test::press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->clerkField());
        commit(u"王"_s);
        QCOMPARE(dialog->clerkField()->currentData().toString(), u"1001"_s);
        QVERIFY(dialog->clerkField()->currentText().contains(u"1001"_s));
        test::press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), dialog->matterField());
        test::type(u"ggcs"_s);
        QTRY_VERIFY(dialog->matterCompleter()->popup()->isVisible());
        QTest::keyClick(dialog->matterCompleter()->popup(), Qt::Key_Down);
        QTest::keyClick(dialog->matterCompleter()->popup(), Qt::Key_Return);
        QTRY_COMPARE(dialog->matterField()->text(), u"公共场所卫生许可（新发证）"_s);
        dialog->problemLabel()->clear();
        test::saveScreenshot(*dialog, u"zh-complaint-record.png"_s);
        QVERIFY(dialog->height() <= 768 && dialog->width() <= 1366);

        test::press(Qt::Key_Return);
        QTRY_VERIFY(!screens->recordDialog());

        const QList<cases::ComplaintLogEntry> kept = cases::ComplaintLog(*m_store).list(u"2001"_s).value();
        QCOMPARE(kept.size(), 1);
        const cases::ComplaintRecord &c = kept.first().complaint;
        QCOMPARE(kept.first().sending, cases::ComplaintLogEntry::Sending::Waiting);
        QCOMPARE(c.channel, u"window"_s);
        QCOMPARE(c.complainantName, u"陈静"_s);
        QCOMPARE(c.complainantMobile, u"13812345678"_s);
        QCOMPARE(c.content, u"材料齐全，仍被要求第二次来补交身份证复印件，\n不符合“最多跑一次”。"_s);
        QCOMPARE(c.caseNumber, m_case);
        QCOMPARE(c.clerkStaffNumber, u"1001"_s);
        QCOMPARE(c.clerkName, u"王芳"_s);
        QCOMPARE(c.matterCode, u"330302-WJ-001"_s);
        QCOMPARE(c.recordedByStaffNumber, u"2001"_s);
        QCOMPARE(c.receivedAt, m_now);
        QCOMPARE(cases::ComplaintLog(*m_store).outboxCounts().value(), (QPair<qint64, qint64>(1, 0)));

        // 我登记的投诉: waiting to be sent, the number comes with the sync.
        m_window->complaintScreens()->mineAction()->trigger();
        ComplaintListDialog *list = m_window->findChild<ComplaintListDialog *>();
        QVERIFY(list);
        QTRY_VERIFY(list->isVisible());
        QCOMPARE(list->table()->rowCount(), 1);
        QCOMPARE(list->table()->item(0, 1)->text(), u"待发送"_s);
        QVERIFY(list->table()->item(0, 4)->text().contains(u"王芳"_s));
        list->close();
    }

    void aMatterTypedButNotChosenIsNamed()
    {
        ComplaintDialog *dialog = m_window->complaintScreens()->showRecord();
        QVERIFY(dialog);
        QTRY_COMPARE(QApplication::activeWindow(), dialog);
        dialog->nameField()->setText(u"陈静"_s);
        dialog->mobileField()->setText(u"13812345678"_s);
        dialog->contentField()->setPlainText(u"等候时间过长"_s);
        dialog->matterField()->setText(u"卫生"_s);
        QVERIFY(!dialog->save());
        QVERIFY2(
            dialog->problemLabel()->text().startsWith(u"事项"_s), qPrintable(dialog->problemLabel()->text()));
        QCOMPARE(QApplication::focusWidget(), dialog->matterField());
        dialog->matterField()->clear();
        QVERIFY(dialog->save());
        QCOMPARE(cases::ComplaintLog(*m_store).outboxCounts().value(), (QPair<qint64, qint64>(2, 0)));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_store.reset();
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestComplaintDialog>(argc, argv);
}

#include "tst_complaintDialog.moc"
