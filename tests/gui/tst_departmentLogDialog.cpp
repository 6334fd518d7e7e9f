// Cases → Departments' log against a real onewindow-server on loopback: a case synced from this
// counter, its department's status reports posted with the department's key; the supervisor's
// wrong password refused and never kept, their own password signing in, the rows of the filter, a
// department filter, the CSV export through the file dialog's seam (cells defused), each look and
// the export recorded by the server; the action only for a supervisor; Alt keys in both languages;
// the kind filter; the page of looks at the log (reading it recorded too); the server's check of the
// log's hash chain shown, and a row changed in the server's database shown broken in red.
// In Simplified Chinese on a 1366×768 counter screen, with the screenshot for the documentation.

#include "../unit/CaseTestSupport.h"
#include "../unit/SyncTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "MnemonicSupport.h"
#include "accounts/PasswordHash.h"
#include "server/DepartmentLog.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "ui/CaseScreens.h"
#include "ui/DepartmentLogDialog.h"
#include "ui/FileDialog.h"
#include "ui/MainWindow.h"
#include "ui/Theme.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>

using namespace ow;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"watch-pass-7"_s;

} // namespace

class TestDepartmentLogDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<cases::CaseStore> m_store;
    QString m_number;

    ui::CaseScreenContext context(accounts::Role role = accounts::Role::Supervisor) const
    {
        ui::CaseScreenContext c;
        c.store = m_store.get();
        c.calendar = *WorkingCalendar::loadBuiltIn();
        c.role = role;
        c.clerk = u"3001"_s;
        c.clerkName = u"李监察"_s;
        c.clock = Clock::system();
        c.settings = documents::HallSettings::builtIn().value();
        auto hall = sync::SyncSettings::read(*m_store);
        c.hall = *hall;
        return c;
    }
    int looks()
    {
        auto db = server::ServerSchema::open(m_server->databaseSpec());
        if (!db)
            return -1;
        const Result<QJsonArray> rows
            = server::DepartmentLog(**db, Clock::system()).looks(cases::testing::workstation().hall, 100);
        return rows ? int(rows->size()) : -1;
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
            QVERIFY(accounts.add(cases::testing::workstation().hall, u"test"_s, u"3001"_s, u"李监察"_s,
                u"supervisor"_s, accounts::PasswordHash::create(kPassword)));
        }
        m_store = enrolled(*m_server, m_dir.filePath(u"counter"_s), u"W07"_s);
        const cases::Case c = acceptCase(*m_store, 0, 0, 1);
        m_number = c.number;
        QString output;
        QCOMPARE(runCli({u"sync"_s, u"run"_s, u"--once"_s, u"--data-dir"_s, m_dir.filePath(u"counter"_s)},
                     &output),
            0);
        const QString key = m_server->departmentKey(c.departmentId);
        QCOMPARE(runCli({u"case"_s, u"status"_s, c.number, u"in-review"_s, u"--server"_s, m_server->url(),
                            u"--key"_s, key},
                     &output),
            0);
        QCOMPARE(runCli({u"case"_s, u"status"_s, c.number, u"approved"_s, u"--server"_s, m_server->url(),
                            u"--key"_s, key, u"--note"_s, u"=准予许可"_s},
                     &output),
            0);
    }

    void onlyForSupervisors()
    {
        ui::MainWindow window(test::uiCatalogue());
        window.addCaseScreens(context(accounts::Role::IntakeClerk));
        QVERIFY(!window.caseScreens() || !window.caseScreens()->departmentLogAction());
        ui::MainWindow supervisor(test::uiCatalogue());
        supervisor.addCaseScreens(context());
        QVERIFY(supervisor.caseScreens()->departmentLogAction());
    }

    void wrongPasswordRefusedThenRowsShownAndExported()
    {
        ui::DepartmentLogDialog dialog(context());
        dialog.resize(1366, 700);
        dialog.show();
        QVERIFY(!dialog.load()); // nothing typed
        dialog.passwordField()->setText(u"not-my-password"_s);
        QVERIFY(!dialog.load());
        QVERIFY(dialog.passwordField()->text().isEmpty()); // never kept
        QCOMPARE(dialog.table()->rowCount(), 0);
        QCOMPARE(looks(), 0);

        dialog.passwordField()->setText(kPassword);
        QVERIFY2(dialog.load(), qPrintable(dialog.statusLabel()->text()));
        QVERIFY(dialog.passwordField()->text().isEmpty());
        QCOMPARE(dialog.table()->rowCount(), 2);
        QCOMPARE(dialog.table()->item(0, 5)->text(), m_number);
        QCOMPARE(dialog.table()->item(1, 8)->text(), u"=准予许可"_s);
        QCOMPARE(dialog.table()->item(1, 0)->text(), u"2"_s);
        QCOMPARE(looks(), 1);
        QVERIFY(dialog.chainLabel()->isVisible());
        QVERIFY2(dialog.chainLabel()->text().contains(u"2"_s), qPrintable(dialog.chainLabel()->text()));
        QCOMPARE(dialog.table()->item(1, 0)->background().style(), Qt::NoBrush);
        test::saveScreenshot(dialog, u"zh-department-log.png"_s);

        // Signed in, a filter needs no password again; another department has none of these.
        dialog.departmentField()->setText(u"sc"_s);
        QVERIFY(dialog.load());
        QCOMPARE(dialog.table()->rowCount(), 0);
        QCOMPARE(looks(), 2);

        dialog.departmentField()->clear();
        const QString path = m_dir.filePath(u"log.csv"_s);
        ui::FileDialog::setNextFileName(path);
        QVERIFY(dialog.exportCsv());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll().mid(3));
        const QStringList lines = text.split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(2).contains(u"'=准予许可"_s), qPrintable(lines.at(2)));
        QCOMPARE(looks(), 3);
        ui::FileDialog::setNextFileName(QString()); // cancelled: nothing asked of the server
        QVERIFY(!dialog.exportCsv());
        QCOMPARE(looks(), 3);
    }

    void kindFilterLooksAndBrokenChain()
    {
        ui::DepartmentLogDialog dialog(context());
        dialog.resize(1366, 700);
        dialog.show();
        dialog.passwordField()->setText(kPassword);
        dialog.kindField()->setCurrentIndex(dialog.kindField()->findData(u"pre-application-review"_s));
        QVERIFY2(dialog.load(), qPrintable(dialog.statusLabel()->text()));
        QCOMPARE(dialog.table()->rowCount(), 0);
        dialog.kindField()->setCurrentIndex(dialog.kindField()->findData(u"status-report"_s));
        QVERIFY(dialog.load());
        QCOMPARE(dialog.table()->rowCount(), 2);
        const int before = looks();

        // Opening the page of looks reads them, and that reading is recorded too.
        dialog.pages()->setCurrentWidget(dialog.looksTable());
        QCOMPARE(looks(), before + 1);
        QCOMPARE(dialog.looksTable()->rowCount(), before + 1);
        QVERIFY(!dialog.looksTable()->item(1, 3)->text().isEmpty()); // the filter of the last look
        test::saveScreenshot(dialog, u"zh-department-log-looks.png"_s);
        dialog.pages()->setCurrentWidget(dialog.table());

        {
            // Someone with the server's database file rewrites the department's decision.
            auto db = server::ServerSchema::open(m_server->databaseSpec());
            QVERIFY(db);
            QVERIFY((*db)->run(u"UPDATE department_log SET detail = '准予许可' WHERE seq = 2"_s));
        }
        dialog.kindField()->setCurrentIndex(0);
        QVERIFY(dialog.load());
        QVERIFY2(dialog.chainLabel()->text().contains(u"2"_s), qPrintable(dialog.chainLabel()->text()));
        QVERIFY(dialog.chainLabel()->styleSheet().contains(ui::Theme::danger().name()));
        QCOMPARE(dialog.table()->item(1, 0)->background().color(), ui::Theme::dangerSoft());
        QCOMPARE(dialog.table()->item(0, 0)->background().style(), Qt::NoBrush);
        test::saveScreenshot(dialog, u"zh-department-log-broken.png"_s);
    }

    void altKeysInBothLanguages()
    {
        for (const bool chinese : {true, false}) {
            if (!chinese)
                QCoreApplication::removeTranslator(ow::test::counterScreenChinese());
            ui::DepartmentLogDialog dialog(context());
            dialog.show();
            QCoreApplication::processEvents();
            const QStringList clash = test::collisions(test::windowMnemonics(&dialog));
            QVERIFY2(clash.isEmpty(), qPrintable(clash.join(u"; "_s)));
            ui::MainWindow window(test::uiCatalogue());
            window.addCaseScreens(context());
            window.show();
            QCoreApplication::processEvents();
            const QStringList menuClash = test::collisions(test::windowMnemonics(&window));
            QVERIFY2(menuClash.isEmpty(), qPrintable(menuClash.join(u"; "_s)));
        }
        QCoreApplication::installTranslator(ow::test::counterScreenChinese());
    }
};

/// A 1366×768 counter screen, and the hall's language: the screenshot goes into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestDepartmentLogDialog>(argc, argv);
}
#include "tst_departmentLogDialog.moc"
