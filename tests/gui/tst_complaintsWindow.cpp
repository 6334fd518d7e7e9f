// 投诉处理 against a real onewindow-server on loopback, fed by complaints a counter recorded and
// synced: the supervisor signs in on the desk, whose figures count the open and overdue complaints;
// the window opened from the desk (Alt+L) lists them, the one past its deadline red; by keyboard a
// complaint is assigned to a clerk chosen by name, replied to (Ctrl+Enter) and closed with the
// complainant's verdict, each step in its history; one taken by the 12345 hotline is recorded from
// the window; a step its state no longer allows (closed meanwhile elsewhere) is refused and said.
// In Simplified Chinese on a 1366×768 counter screen, with the screenshot for docs/supervision.md.

#include "../unit/CaseTestSupport.h"
#include "../unit/SyncTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "MnemonicSupport.h"
#include "accounts/PasswordHash.h"
#include "cases/ComplaintLog.h"
#include "core/ManualClock.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "sync/SyncRound.h"
#include "ui/CaseScreens.h"
#include "ui/ChoiceDialog.h"
#include "ui/ComplaintDialog.h"
#include "ui/ComplaintScreens.h"
#include "ui/ComplaintsWindow.h"
#include "ui/DeskTodayTab.h"
#include "ui/MainWindow.h"
#include "ui/SupervisorDeskPage.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>

using namespace ow;
using namespace ow::sync::testing;
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

const QString kPassword = u"watch-pass-7"_s;

} // namespace

class TestComplaintsWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<cases::CaseStore> m_store;
    QString m_late; ///< id of the complaint past its deadline
    QString m_fresh;

    ui::CaseScreenContext context() const
    {
        ui::CaseScreenContext c;
        c.store = m_store.get();
        c.calendar = *WorkingCalendar::loadBuiltIn();
        c.role = accounts::Role::Supervisor;
        c.clerk = u"3001"_s;
        c.clerkName = u"李监察"_s;
        c.clock = Clock::system();
        c.settings = documents::HallSettings::builtIn().value();
        c.clerkNames = {{u"1001"_s, u"王芳"_s}, {u"2001"_s, u"李明"_s}, {u"3001"_s, u"李监察"_s}};
        c.hall = *sync::SyncSettings::read(*m_store);
        return c;
    }

    static cases::ComplaintRecord complaint(const QString &content, const QDateTime &received)
    {
        cases::ComplaintRecord c;
        c.receivedAt = received;
        c.complainantName = u"陈静"_s;
        c.complainantMobile = u"13812345678"_s;
        c.content = content;
        c.clerkStaffNumber = u"1001"_s;
        c.clerkName = u"王芳"_s;
        c.recordedByStaffNumber = u"2001"_s;
        c.recordedByName = u"李明"_s;
        return c;
    }

    /// The row of the complaint `id` in the window's table, -1 when not listed.
    static int rowOf(const ui::ComplaintsWindow &window, const QString &id)
    {
        for (int row = 0; row < window.table()->rowCount(); ++row)
            if (window.table()->item(row, 0)->data(Qt::UserRole).toString() == id)
                return row;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        {
            auto db = server::ServerSchema::open(m_server->databaseSpec());
            QVERIFY(db);
            server::HallAccountRepository accounts(**db, Clock::system());
            const QString hall = cases::testing::workstation().hall;
            QVERIFY(accounts.add(hall, u"test"_s, u"3001"_s, u"李监察"_s, u"supervisor"_s,
                accounts::PasswordHash::create(kPassword)));
            QVERIFY(accounts.add(hall, u"test"_s, u"1001"_s, u"王芳"_s, u"intake"_s,
                accounts::PasswordHash::create(u"intake-pass-7"_s)));
            QVERIFY(accounts.add(hall, u"test"_s, u"2001"_s, u"李明"_s, u"intake"_s,
                accounts::PasswordHash::create(u"intake-pass-8"_s)));
        }
        m_store = enrolled(*m_server, m_dir.filePath(u"counter"_s), u"W07"_s);
        // Taken at the counter: one three weeks ago (past its deadline of working days), one today.
        cases::ComplaintLog log(*m_store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_late = log.record(complaint(u"窗口人员态度生硬，材料被退回三次。"_s, now.addDays(-21)))->id;
        m_fresh = log.record(complaint(u"等候时间超过一小时。"_s, now.addSecs(-600)))->id;
        auto client = clientFor(*m_store);
        const Result<sync::RoundReport> round = sync::SyncRound(*m_store, *client).run();
        QVERIFY2(round, round ? "" : qPrintable(round.error().toString()));
        QCOMPARE(round->complaintsSent, 2);
    }

    void handledByKeyboard()
    {
        ui::MainWindow window(test::uiCatalogue());
        window.addCaseScreens(context());
        window.resize(1366, 768);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.caseScreens()->supervisorDeskAction()->trigger();
        ui::SupervisorDeskPage *desk = window.caseScreens()->supervisorDesk();
        QTRY_COMPARE(QApplication::focusWidget(), desk->passwordField());
        test::type(kPassword);
        test::press(Qt::Key_Return);
        QTRY_VERIFY(desk->isSignedIn());
        // The desk's figures: two open, one of them overdue (red).
        QCOMPARE(desk->todayTab()->figure(u"complaintsOpen"_s), u"2"_s);
        QCOMPARE(desk->todayTab()->figure(u"complaintsOverdue"_s), u"1"_s);
        // And they go with the day's figures when exported.
        const documents::ExportTable today = desk->todayTab()->exportTable();
        QVERIFY(today.rows.contains(QStringList {u"超期投诉"_s, u"1"_s}));
        QVERIFY(today.rows.contains(QStringList {u"未办结投诉"_s, u"2"_s}));

        QVERIFY2(test::collisions(test::windowMnemonics(&window)).isEmpty(),
            qPrintable(test::collisions(test::windowMnemonics(&window)).join(u", "_s)));
        test::press(Qt::Key_L, Qt::AltModifier);
        // A button clicks a moment after its Alt key.
        QTRY_VERIFY(window.complaintScreens()->handlingWindow());
        ui::ComplaintsWindow *complaints = window.complaintScreens()->handlingWindow();
        QTRY_VERIFY(complaints->isVisible());
        QTRY_COMPARE(QApplication::activeWindow(), complaints);
        QTRY_COMPARE(complaints->table()->rowCount(), 2);
        QVERIFY(complaints->width() <= 1366 && complaints->height() <= 768);
        QVERIFY2(test::collisions(test::windowMnemonics(complaints)).isEmpty(),
            qPrintable(test::collisions(test::windowMnemonics(complaints)).join(u", "_s)));
        const int late = rowOf(*complaints, m_late);
        QVERIFY(late >= 0);
        QCOMPARE(complaints->table()->item(late, 4)->foreground().color(), ui::Theme::danger());
        QVERIFY(complaints->table()->item(late, 0)->text().startsWith(u"TS"_s));
        QCOMPARE(complaints->table()->item(late, 5)->text(),
            supervision::displayName(supervision::ComplaintState::Received));
        QVERIFY(complaints->table()->item(late, 3)->text().contains(u"王芳"_s));
        QVERIFY(complaints->counts().value(u"overdue"_s).toInt() == 1);

        // Assign the late one to 王芳, chosen by name.
        QVERIFY(complaints->select(m_late));
        ui::ChoiceDialog::setNextAnswer(1); // 李明, 李监察, 王芳 by name: 李监察 is second
        test::press(Qt::Key_A, Qt::AltModifier);
        QTRY_VERIFY(
            complaints->current() && complaints->current()->state == supervision::ComplaintState::Assigned);
        QVERIFY(ui::ChoiceDialog::lastItems().join(u'|').contains(u"王芳"_s));
        QCOMPARE(complaints->current()->assignee.staffNumber, u"3001"_s);
        ui::ChoiceDialog::setNextAnswer(2);
        test::press(Qt::Key_A, Qt::AltModifier);
        QTRY_COMPARE(complaints->current()->assignee.name, u"王芳"_s);
        QCOMPARE(complaints->table()->item(rowOf(*complaints, m_late), 6)->text(), u"王芳"_s);

        // Reply, by keyboard: Alt+P to the reply, Ctrl+Enter sends it.
        test::press(Qt::Key_P, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), complaints->replyField());
        commit(u"已核实，向您致歉；已对窗口人员批评教育，材料一次性告知。"_s);
        test::press(Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(
            complaints->current() && complaints->current()->state == supervision::ComplaintState::Replied);
        QVERIFY(complaints->details()->toPlainText().contains(u"批评教育"_s));
        test::saveScreenshot(*complaints, u"zh-complaints.png"_s);

        // Closed with the complainant's verdict: it leaves the open list, stays under 全部.
        ui::ChoiceDialog::setNextAnswer(0);
        test::press(Qt::Key_C, Qt::AltModifier);
        QTRY_COMPARE(complaints->table()->rowCount(), 1);
        QCOMPARE(rowOf(*complaints, m_late), -1);
        complaints->stateFilter()->setCurrentIndex(complaints->stateFilter()->findData(u"all"_s));
        QVERIFY(complaints->reload());
        QVERIFY(complaints->select(m_late));
        QCOMPARE(complaints->current()->state, supervision::ComplaintState::Closed);
        QCOMPARE(complaints->current()->result, supervision::ComplaintResult::Satisfied);
        QVERIFY(complaints->current()->history.size() >= 4);
        QVERIFY(!complaints->findChild<QPushButton *>(u"complaintClose"_s)->isEnabled());

        // A complaint from the 12345 hotline, recorded in the window.
        test::press(Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY(complaints->findChild<ui::ComplaintDialog *>());
        ui::ComplaintDialog *record = complaints->findChild<ui::ComplaintDialog *>();
        QTRY_VERIFY(record->isVisible());
        QTRY_COMPARE(QApplication::activeWindow(), record);
        QCOMPARE(record->channelField()->currentData().toString(), u"12345"_s);
        record->nameField()->setFocus();
        commit(u"周敏"_s);
        test::press(Qt::Key_Tab);
        test::type(u"13912345678"_s);
        test::press(Qt::Key_Tab);
        commit(u"12345转来：网上预约后到窗口仍需重新取号。"_s);
        test::press(Qt::Key_Return);
        QTRY_COMPARE(complaints->table()->rowCount(), 3);
        QTRY_VERIFY(complaints->statusLabel()->text().contains(u"TS"_s));

        // Closed meanwhile elsewhere: the window still offers to reply, the server refuses (409).
        QVERIFY(complaints->select(m_fresh));
        {
            QString output;
            QCOMPARE(runCli({u"server"_s, u"supervisor-key"_s, u"--data-dir"_s, m_dir.filePath(u"server"_s),
                                u"--hall"_s, cases::testing::workstation().hall, u"--name"_s, u"监察"_s,
                                u"--json"_s},
                         &output),
                0);
            sync::SyncClient other {QUrl(m_server->url()),
                QJsonDocument::fromJson(output.toUtf8()).object().value(u"secret"_s).toString()};
            QVERIFY(other.call("POST", u"/supervision/complaints/"_s + m_fresh + u"/reply"_s, {},
                R"({"text":"已电话答复"})"));
        }
        complaints->replyField()->setPlainText(u"第二次答复"_s);
        QVERIFY(!complaints->replyToCurrent());
        QVERIFY2(complaints->statusLabel()->text().startsWith(u"未办理"_s),
            qPrintable(complaints->statusLabel()->text()));
        complaints->close();
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestComplaintsWindow>(argc, argv);
}

#include "tst_complaintsWindow.moc"
