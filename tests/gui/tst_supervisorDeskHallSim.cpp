// The supervisor's desk on a simulated month: ow-hallsim takes a month of a hall (3 counters, 8
// clerks, a department desk, planted delays and bad ratings never called back) and, on the
// server's today, the cases the clerks took in from queue tickets, into a real onewindow-server on
// loopback. A supervisor signs in at an enrolled workstation on the counter's 1366×768 screen: the
// desk shows every planted case still late today in red (the results never fetched, the bad
// ratings never called back) and no red on a case that was not planted, and its clerks' figures
// of the month are the generator's (two cases each, the planted time from call to receipt).
// Screenshot for the documentation.

#include "../unit/CaseTestSupport.h"
#include "../unit/SyncTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "accounts/PasswordHash.h"
#include "core/WorkingCalendar.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "ui/CaseScreens.h"
#include "ui/DeskTableTab.h"
#include "ui/DeskWarningsTab.h"
#include "ui/MainWindow.h"
#include "ui/SupervisorDeskPage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QSet>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace ow;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"watch-pass-7"_s;

} // namespace

class TestSupervisorDeskHallSim : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<cases::CaseStore> m_store;
    QJsonObject m_plan;

    ui::CaseScreenContext context() const
    {
        ui::CaseScreenContext c;
        c.store = m_store.get();
        c.calendar = *WorkingCalendar::loadBuiltIn();
        c.role = accounts::Role::Supervisor;
        c.clerk = u"3001"_s;
        c.clerkName = u"李监察"_s;
        c.settings = documents::HallSettings::builtIn().value();
        c.hall = *sync::SyncSettings::read(*m_store);
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A month three months back, as tst_hallSimulation takes it.
        const QDate month = QDate::currentDate().addMonths(-3);
        Result<WorkingCalendar> calendar = WorkingCalendar::loadBuiltIn();
        QVERIFY(calendar);
        if (!calendar->hasYear(month.year()) || !calendar->hasYear(month.addMonths(2).year()))
            QSKIP("the built-in holiday calendar has no data for the simulated months");
        const QString hall = cases::testing::workstation().hall;
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        {
            // The hall's accounts: the supervisor, and the eight clerks the desk names.
            auto db = server::ServerSchema::open(m_server->databaseSpec());
            QVERIFY(db);
            server::HallAccountRepository accounts(**db, Clock::system());
            QVERIFY(accounts.add(hall, u"test"_s, u"3001"_s, u"李监察"_s, u"supervisor"_s,
                accounts::PasswordHash::create(kPassword)));
            for (int clerk = 1; clerk <= 8; ++clerk)
                QVERIFY(accounts.add(hall, u"test"_s, QString::number(1000 + clerk), u"窗口%1号"_s.arg(clerk),
                    u"intake"_s, accounts::PasswordHash::create(u"intake-pass-7"_s)));
        }
        const QStringList codes {m_server->enrolCode(hall, u"W01"_s), m_server->enrolCode(hall, u"W02"_s),
            m_server->enrolCode(hall, u"W03"_s), m_server->enrolCode(hall, u"W08"_s)};
        QProcess sim;
        sim.start(QStringLiteral(OW_HALLSIM_PATH),
            {u"--server"_s, m_server->url(), u"--codes"_s, codes.join(u','), u"--folder"_s,
                m_dir.filePath(u"stations"_s), u"--month"_s, month.toString(u"yyyy-MM"_s)});
        QVERIFY(sim.waitForFinished(540000));
        QVERIFY2(sim.exitCode() == 0, sim.readAllStandardError().constData());
        m_plan = QJsonDocument::fromJson(sim.readAllStandardOutput()).object();
        QCOMPARE(m_plan.value(u"queueCases"_s).toInt(), 16);
        // The supervisor's workstation, enrolled in the same hall.
        m_store = enrolled(*m_server, m_dir.filePath(u"supervisor"_s), u"W09"_s);
    }

    void deskShowsThePlantedMonth()
    {
        auto window = std::make_unique<ui::MainWindow>(test::uiCatalogue());
        window->addCaseScreens(context());
        window->resize(1366, 768);
        window->show();
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        window->caseScreens()->supervisorDeskAction()->trigger();
        ui::SupervisorDeskPage *page = window->caseScreens()->supervisorDesk();
        QVERIFY(page);
        test::type(kPassword);
        test::press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(page->isSignedIn(), 60000);
        QVERIFY(!page->isOffline());

        // What must be red today: the planted warnings that never clear — results never fetched
        // and bad ratings nobody called back.
        QSet<QString> planted;
        for (const QJsonValue &v : m_plan.value(u"planted"_s).toArray())
            planted.insert(v.toString());
        QSet<QString> stillLate;
        for (const QJsonValue &v : m_plan.value(u"expected"_s).toArray()) {
            const QJsonObject e = v.toObject();
            const QString stage = e.value(u"stage"_s).toString();
            if (e.value(u"colour"_s).toString() == u"red"_s
                && (stage == u"pickup"_s || stage == u"follow-up"_s))
                stillLate.insert(e.value(u"case"_s).toString() + u'/' + stage);
        }
        QVERIFY(stillLate.size() >= 20);
        const supervision::WarningBoard &board = page->warningsTab()->board();
        QSet<QString> red;
        for (const auto &department : board.departments())
            for (const supervision::Warning &w : department.warnings) {
                if (w.colour != supervision::Colour::Red)
                    continue;
                red.insert(w.caseNumber + u'/' + supervision::keyword(w.stage));
                QVERIFY2(planted.contains(w.caseNumber),
                    qPrintable(u"%1 is red (%2) and was not planted"_s.arg(
                        w.caseNumber, supervision::keyword(w.rule))));
                if (w.stage == supervision::Stage::FollowUp)
                    QVERIFY(w.clerkName.startsWith(u"窗口"_s));
            }
        for (const QString &late : std::as_const(stillLate))
            QVERIFY2(red.contains(late), qPrintable(u"not red on the desk: "_s + late));
        // Shown in the tree by department, red first.
        QTreeWidget *tree = page->warningsTab()->tree();
        QVERIFY(tree->topLevelItemCount() >= 1);
        int rows = 0;
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            rows += tree->topLevelItem(i)->childCount();
        QCOMPARE(rows, board.red() + board.yellow());
        test::saveScreenshot(*window, u"zh-supervisor-desk-hallsim.png"_s);
        QVERIFY(window->frameGeometry().width() <= 1366 && window->frameGeometry().height() <= 768);

        // 人员: this month is the queue's day, two cases per clerk with the planted call-to-receipt.
        const QJsonObject planned = m_plan.value(u"callToReceipt"_s).toObject();
        QTableWidget *clerks = page->clerksTab()->table();
        QCOMPARE(clerks->rowCount(), 8);
        for (int r = 0; r < clerks->rowCount(); ++r) {
            const QString staff = clerks->item(r, 0)->text();
            QVERIFY2(planned.contains(staff), qPrintable(staff));
            QCOMPARE(clerks->item(r, 1)->text(), u"窗口%1号"_s.arg(staff.toInt() - 1000));
            QCOMPARE(clerks->item(r, 2)->text(), u"2"_s);
            QCOMPARE(clerks->item(r, clerks->columnCount() - 1)->text(),
                QString::number(
                    planned.value(staff).toObject().value(u"averageMinutes"_s).toDouble(), 'f', 1));
        }
        page->tabs()->setCurrentWidget(page->clerksTab());
        test::saveScreenshot(*window, u"zh-supervisor-desk-hallsim-clerks.png"_s);
    }
};

int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestSupervisorDeskHallSim>(argc, argv);
}
#include "tst_supervisorDeskHallSim.moc"
