// The supervisor's desk against a real onewindow-server on loopback, fed by cases a counter synced:
// a wrong password refused, the supervisor's own password signing in, the warnings by department
// (clerks by name), the day's figures, the clerks and matters; the 督办单 printed through the print
// dialog's seam and saved as PDF; every table exported to CSV  and XLSX (a
// zip holding the sheet and its strings); a case held here opened from its warning; the session's
// end asking for the password again; a clerk's points drilled down to the items that make them
// (Enter on the ranking), exported, and corrected with a required reason; with the server gone, the last copy
// shown with its age, and the ranking of every month looked at, each with its own age. In Simplified Chinese
// on a 1366×768 counter screen, with the screenshots for the documentation.

#include "../unit/CaseTestSupport.h"
#include "../unit/SyncTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "MnemonicSupport.h"
#include "accounts/PasswordHash.h"
#include "cases/ClerkActivityLog.h"
#include "core/ManualClock.h"
#include "server/HallAccountRepository.h"
#include "server/ServerSchema.h"
#include "ui/CaseListPage.h"
#include "ui/CaseScreens.h"
#include "ui/ConfirmDialog.h"
#include "ui/DeskTableTab.h"
#include "ui/DeskTodayTab.h"
#include "ui/DeskWarningsTab.h"
#include "ui/FileDialog.h"
#include "ui/MainWindow.h"
#include "ui/PointsDrillDownDialog.h"
#include "ui/PrintDialog.h"
#include "ui/SupervisorDeskPage.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>

using namespace ow;
using namespace ow::sync::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kPassword = u"watch-pass-7"_s;

} // namespace

class TestSupervisorDesk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<cases::CaseStore> m_store;
    ManualClock m_clock {QDateTime::currentDateTimeUtc()};
    QString m_late;
    QString m_lastMonth; ///< the month before this one, looked at on the desk
    QStringList m_lastMonthRanking; ///< its ranking as shown then: "staff points" per row

    ui::CaseScreenContext context() const
    {
        ui::CaseScreenContext c;
        c.store = m_store.get();
        c.calendar = *WorkingCalendar::loadBuiltIn();
        c.role = accounts::Role::Supervisor;
        c.clerk = u"3001"_s;
        c.clerkName = u"李监察"_s;
        c.clock = m_clock.clock();
        c.settings = documents::HallSettings::builtIn().value();
        c.clerkNames.insert(u"clerk-042"_s, u"王芳"_s);
        auto hall = sync::SyncSettings::read(*m_store);
        c.hall = *hall;
        return c;
    }

    /// The workstation's window as a supervisor sees it, on the desk.
    std::unique_ptr<ui::MainWindow> openDesk()
    {
        auto window = std::make_unique<ui::MainWindow>(test::uiCatalogue());
        window->addCaseScreens(context());
        window->resize(1366, 768);
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window.get()))
            qWarning("the window did not become active");
        window->caseScreens()->supervisorDeskAction()->trigger();
        return window;
    }

    static ui::SupervisorDeskPage *desk(const ui::MainWindow &window)
    {
        return window.caseScreens()->supervisorDesk();
    }

    QString readText(const QString &path) const
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->start());
        {
            // The hall's accounts on the server: the supervisor and the clerk the warnings name.
            auto db = server::ServerSchema::open(m_server->databaseSpec());
            QVERIFY(db);
            server::HallAccountRepository accounts(**db, Clock::system());
            const QString hall = cases::testing::workstation().hall;
            QVERIFY(accounts.add(hall, u"test"_s, u"3001"_s, u"李监察"_s, u"supervisor"_s,
                accounts::PasswordHash::create(kPassword)));
            QVERIFY(accounts.add(hall, u"test"_s, u"clerk-042"_s, u"王芳"_s, u"intake"_s,
                accounts::PasswordHash::create(u"intake-pass-7"_s)));
        }
        m_store = enrolled(*m_server, m_dir.filePath(u"counter"_s), u"W07"_s);
        // Two cases accepted today; one a week ago and never transferred (its transfer red since the
        // next working day).
        acceptCase(*m_store, 0, 0, 1);
        acceptCase(*m_store, 0, 0, 2);
        cases::Case draft = cases::testing::draft();
        draft.materialChecks[1].failedPoints.clear(); // every material passes, so it may be accepted
        cases::Case late = m_store->createDraft(draft, u"clerk-042"_s).value();
        cases::CaseEvent accepted = cases::testing::caseEvent(cases::EventKind::Accepted);
        accepted.time = QDateTime::currentDateTimeUtc().addDays(-7);
        const Result<cases::CaseEvent> saved = m_store->save(late, accepted);
        QVERIFY2(saved, saved ? "" : qPrintable(saved.error().toString()));
        m_late = late.number;
        // 王芳 recorded a question she answered: a consultation, counted apart as 问答记录 too.
        cases::ClerkActivity asked;
        asked.kind = QString(cases::ClerkActivity::kConsultation);
        asked.staffNumber = u"clerk-042"_s;
        asked.clerkName = u"王芳"_s;
        asked.matter = u"330302-WJ-001"_s;
        asked.detail = QJsonObject {{u"question"_s, u"可以委托他人代办吗？"_s}, {u"answer"_s, u"可以。"_s}};
        QVERIFY(cases::ClerkActivityLog(*m_store).record(asked));
        QString output;
        QCOMPARE(runCli({u"sync"_s, u"run"_s, u"--once"_s, u"--data-dir"_s, m_dir.filePath(u"counter"_s)},
                     &output),
            0);
    }

    void wrongPasswordIsRefused()
    {
        auto window = openDesk();
        ui::SupervisorDeskPage *page = desk(*window);
        QVERIFY(page->isVisible());
        QVERIFY(page->passwordField()->isVisible());
        QVERIFY(page->passwordField()->hasFocus());
        QVERIFY(!page->refresh()); // nothing typed
        test::type(u"not-my-password"_s);
        QVERIFY(!page->refresh());
        QVERIFY(!page->isSignedIn());
        QVERIFY(page->passwordField()->isVisible());
        QVERIFY(page->passwordField()->text().isEmpty()); // never kept
        QVERIFY(page->shown().isEmpty());
    }

    void signedInTheDeskShowsTheHall()
    {
        auto window = openDesk();
        ui::SupervisorDeskPage *page = desk(*window);
        test::type(kPassword);
        test::press(Qt::Key_Return);
        QTRY_VERIFY(page->isSignedIn());
        QVERIFY(!page->isOffline());
        QVERIFY(!page->passwordField()->isVisible());

        // 预警: the late transfer, red, in its department, the first handler by name.
        const supervision::WarningBoard &board = page->warningsTab()->board();
        QVERIFY(board.red() >= 1);
        bool found = false;
        for (const auto &department : board.departments())
            for (const supervision::Warning &w : department.warnings)
                if (w.caseNumber == m_late && w.stage == supervision::Stage::Transfer) {
                    found = true;
                    QCOMPARE(w.colour, supervision::Colour::Red);
                    QCOMPARE(w.clerkName, u"王芳"_s);
                }
        QVERIFY(found);
        QTreeWidget *tree = page->warningsTab()->tree();
        QVERIFY(tree->topLevelItemCount() >= 1);
        QVERIFY(tree->topLevelItem(0)->childCount() >= 1);

        // 今日: the two cases taken in today, both accepted.
        QCOMPARE(page->todayTab()->figure(u"takenIn"_s), u"2"_s);
        QCOMPARE(page->todayTab()->figure(u"accepted"_s), u"2"_s);
        QCOMPARE(page->todayTab()->figure(u"refusals"_s), u"0"_s);
        // 人员 and 事项.
        QTableWidget *clerks = page->clerksTab()->table();
        QCOMPARE(clerks->rowCount(), 1);
        QCOMPARE(clerks->item(0, 1)->text(), u"王芳"_s);
        // This month's: today's two, and the late one when the week ago was this month too.
        QVERIFY(clerks->item(0, 2)->text().toInt() >= 2);
        const auto column = [clerks](const QString &header) {
            for (int c = 0; c < clerks->columnCount(); ++c)
                if (clerks->horizontalHeaderItem(c)->text() == header)
                    return c;
            return -1;
        };
        QVERIFY(column(u"问答记录"_s) == column(u"咨询"_s) + 1);
        QCOMPARE(clerks->item(0, column(u"咨询"_s))->text(), u"1"_s);
        QCOMPARE(clerks->item(0, column(u"问答记录"_s))->text(), u"1"_s);
        QVERIFY(page->mattersTab()->table()->rowCount() >= 1);

        test::saveScreenshot(*window, u"zh-supervisor-desk.png"_s);
        QVERIFY(window->frameGeometry().width() <= 1366 && window->frameGeometry().height() <= 768);
        page->tabs()->setCurrentWidget(page->todayTab());
        test::saveScreenshot(*window, u"zh-supervisor-desk-today.png"_s);

        // The session's hours over: the next refresh asks for the password again.
        const QDateTime before = m_clock.clock().nowUtc();
        m_clock.advance(qint64(9) * 3600 * 1000);
        QVERIFY(!page->isSignedIn());
        QVERIFY(!page->refresh());
        QVERIFY(page->passwordField()->isVisible());
        m_clock.set(before);
    }

    void exportsNoticeAndCases()
    {
        auto window = openDesk();
        ui::SupervisorDeskPage *page = desk(*window);
        test::type(kPassword);
        QVERIFY(page->refresh());
        ui::DeskWarningsTab *warnings = page->warningsTab();

        // CSV: UTF-8 with its byte order mark, the refused case's row with the clerk by name.
        const QString csv = m_dir.filePath(u"warnings.csv"_s);
        ui::FileDialog::setNextFileName(csv);
        QVERIFY(warnings->exportTo(false));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QByteArray csvBytes = csvFile.readAll();
        QVERIFY(csvBytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(QString::fromUtf8(csvBytes).contains(m_late));
        QVERIFY(QString::fromUtf8(csvBytes).contains(u"王芳"_s));

        // XLSX: a zip (PK) whose shared strings hold the clerk's name.
        QVERIFY(warnings->xlsxButton());
        const QString xlsx = m_dir.filePath(u"clerks.xlsx"_s);
        ui::FileDialog::setNextFileName(xlsx);
        QVERIFY(page->clerksTab()->exportTo(true));
        QFile xlsxFile(xlsx);
        QVERIFY(xlsxFile.open(QIODevice::ReadOnly));
        QVERIFY(xlsxFile.read(2) == "PK");
        QProcess unzip;
        unzip.start(u"unzip"_s, {u"-p"_s, xlsx, u"xl/sharedStrings.xml"_s});
        QVERIFY(unzip.waitForFinished(10000));
        QVERIFY(QString::fromUtf8(unzip.readAllStandardOutput()).contains(u"王芳"_s));
        unzip.start(u"unzip"_s, {u"-l"_s, xlsx});
        QVERIFY(unzip.waitForFinished(10000));
        QVERIFY(unzip.readAllStandardOutput().contains("xl/worksheets/sheet1.xml"));
        // Cancelled: nothing written, nothing said.
        ui::FileDialog::setNextFileName(QString());
        QVERIFY(!page->mattersTab()->exportTo(false));

        // The 督办单 of the late case's department: cancelled at the print dialog, saved as PDF.
        for (int i = 0; i < warnings->tree()->topLevelItemCount(); ++i) {
            QTreeWidgetItem *head = warnings->tree()->topLevelItem(i);
            for (int c = 0; c < head->childCount(); ++c)
                if (head->child(c)->text(1) == m_late)
                    warnings->tree()->setCurrentItem(head->child(c));
        }
        QCOMPARE(warnings->selectedCase(), m_late);
        ui::PrintDialog::setNextAnswer(ui::PrintDialog::Answer::Cancel);
        const int asked = ui::PrintDialog::askCount();
        QVERIFY(!warnings->printNotice());
        QCOMPARE(ui::PrintDialog::askCount(), asked + 1);
        const QString pdf = m_dir.filePath(u"notice.pdf"_s);
        ui::FileDialog::setNextFileName(pdf);
        QVERIFY(warnings->saveNoticePdf());
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");

        // The late case is held here: its warning opens it in the case list.
        warnings->openButton()->click();
        QVERIFY(window->caseScreens()->caseListPage()->isVisible());
        QVERIFY(window->caseScreens()->caseListPage()->isShowingDetail());
        // A case this workstation does not hold is said so, on the desk.
        window->caseScreens()->showSupervisorDesk();
        QVERIFY(!window->caseScreens()->openCaseFromDesk(u"330302012603160799"_s));
        QVERIFY(page->statusLabel()->text().contains(u"330302012603160799"_s));
    }

    void pointsDrilledDownAndCorrected()
    {
        auto window = openDesk();
        ui::SupervisorDeskPage *page = desk(*window);
        test::type(kPassword);
        QVERIFY(page->refresh());
        ui::DeskTableTab *ranking = page->pointsTab();
        QVERIFY(ranking);
        page->tabs()->setCurrentWidget(ranking->parentWidget());
        QTableWidget *table = ranking->table();
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 1)->text() == u"clerk-042"_s)
                row = r;
        QVERIFY(row >= 0);
        const int total = table->item(row, 3)->text().toInt();
        QVERIFY(total >= 2); // the cases taken in today at least

        // Enter on the clerk opens the items of the month; their sum is the total of the ranking.
        table->setFocus();
        table->setCurrentCell(row, 2);
        QTest::keyClick(table, Qt::Key_Return);
        QPointer<ui::PointsDrillDownDialog> dialog = page->pointsDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QTableWidget *items = dialog->itemsTab()->table();
        QVERIFY(items->rowCount() >= 2);
        QCOMPARE(dialog->itemSum(), total);
        QVERIFY2(dialog->totalLabel()->text().contains(QString::number(total)),
            qPrintable(dialog->totalLabel()->text()));
        QVERIFY(dialog->statusLabel()->text().isEmpty()); // the items add up

        // A correction without a reason is refused before anything is asked or sent.
        const int asked = ui::ConfirmDialog::askCount();
        dialog->pointsField()->setValue(3);
        QVERIFY(!dialog->recordCorrection());
        QCOMPARE(ui::ConfirmDialog::askCount(), asked);
        QCOMPARE(items->rowCount() >= 2, true);
        const int before = items->rowCount();
        // Cancelled at the confirmation: nothing recorded.
        dialog->reasonField()->setText(u"补录遗漏的咨询登记"_s);
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Cancel);
        QVERIFY(!dialog->recordCorrection());
        QVERIFY(dialog->reload());
        QCOMPARE(items->rowCount(), before);
        // Confirmed: an item of its own with the reason and the supervisor's name; the total follows.
        ui::ConfirmDialog::setNextAnswer(ui::ConfirmDialog::Choice::Confirm);
        QVERIFY(dialog->recordCorrection());
        QCOMPARE(items->rowCount(), before + 1);
        QCOMPARE(dialog->itemSum(), total + 3);
        QVERIFY(dialog->totalLabel()->text().contains(QString::number(total + 3)));
        bool correction = false;
        for (int r = 0; r < items->rowCount(); ++r)
            if (items->item(r, 5)->text() == u"补录遗漏的咨询登记"_s) {
                correction = true;
                QCOMPARE(items->item(r, 2)->text(), u"3"_s);
                QCOMPARE(items->item(r, 6)->text(), u"李监察"_s);
            } else {
                // A case's item names its matter by name, as the desk's matters do.
                QCOMPARE(items->item(r, 4)->text(), page->mattersTab()->table()->item(0, 2)->text());
            }
        QVERIFY(correction);
        QVERIFY(dialog->reasonField()->text().isEmpty());

        // Exported like the desk's other tables: the correction's reason in the CSV.
        const QString csv = m_dir.filePath(u"points.csv"_s);
        ui::FileDialog::setNextFileName(csv);
        QVERIFY(dialog->itemsTab()->exportTo(false));
        QVERIFY(readText(csv).contains(u"补录遗漏的咨询登记"_s));
        QVERIFY(test::collisions(test::windowMnemonics(dialog)).isEmpty());

        // The ranking, refreshed, shows the corrected total too.
        dialog->close();
        QVERIFY(page->refresh());
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 1)->text() == u"clerk-042"_s)
                QCOMPARE(table->item(r, 3)->text().toInt(), total + 3);

        // The screenshot: the ranking with the drill-down over it, as on the counter's screen.
        table->setCurrentCell(row, 2);
        QVERIFY(page->openPoints(table->currentRow()));
        dialog = page->pointsDialog();
        QVERIFY(dialog);
        QCoreApplication::processEvents();
        QPixmap shot = window->grab();
        const QPixmap over = dialog->grab();
        {
            QPainter painter(&shot);
            painter.drawPixmap((shot.width() - over.width()) / 2, (shot.height() - over.height()) / 2, over);
        }
        QLabel composed;
        composed.setPixmap(shot);
        composed.resize(shot.size());
        QVERIFY(shot.width() <= 1366 && shot.height() <= 768);
        test::saveScreenshot(composed, u"zh-supervisor-desk-points.png"_s);
        dialog->close();

        // Last month from the month chooser: the clerk's points of that month (the late case when it
        // was taken in last month) and the drill-down of that month, without this month's correction.
        QComboBox *month = page->pointsMonth();
        QVERIFY(month);
        QCOMPARE(month->count(), 12);
        QCOMPARE(month->itemText(0), QDate::currentDate().toString(u"yyyy-MM"_s));
        const QString last = month->itemText(1);
        QVERIFY(page->showPointsMonth(last));
        int lastRow = -1;
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 1)->text() == u"clerk-042"_s)
                lastRow = r;
        QVERIFY(lastRow >= 0);
        const int lastTotal = table->item(lastRow, 3)->text().toInt();
        m_lastMonth = last;
        for (int r = 0; r < table->rowCount(); ++r)
            m_lastMonthRanking.append(table->item(r, 1)->text() + u' ' + table->item(r, 3)->text());
        QVERIFY(lastTotal <= 1);
        dialog = page->openPoints(lastRow);
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(last));
        QCOMPARE(dialog->itemsTab()->table()->rowCount(), lastTotal);
        QCOMPARE(dialog->itemSum(), lastTotal);
        dialog->close();
    }

    void offlineShowsTheLastCopyWithItsAge()
    {
        m_server->kill();
        m_clock.advance(qint64(2) * 3600 * 1000 + 60 * 1000);
        auto window = openDesk();
        ui::SupervisorDeskPage *page = desk(*window);
        QVERIFY(!page->shown().isEmpty());
        QVERIFY(page->isOffline());
        const QString fetched = page->shown().fetched.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
        QVERIFY2(page->statusLabel()->text().contains(fetched), qPrintable(page->statusLabel()->text()));
        QVERIFY(page->statusLabel()->text().contains(u"2"_s));
        QVERIFY(page->warningsTab()->board().red() >= 1);
        // Refreshing without the server keeps the copy on screen.
        test::type(kPassword);
        QVERIFY(!page->refresh());
        QVERIFY(page->isOffline());
        QVERIFY(page->statusLabel()->text().contains(fetched));
        test::saveScreenshot(*window, u"zh-supervisor-desk-offline.png"_s);

        // Every month looked at was kept: last month's ranking, as it was shown then, with its age.
        QVERIFY(!m_lastMonth.isEmpty());
        QComboBox *month = page->pointsMonth();
        QVERIFY(month && month->findText(m_lastMonth) >= 0);
        QVERIFY(page->showPointsMonth(m_lastMonth));
        QTableWidget *table = page->pointsTab()->table();
        QStringList ranking;
        for (int r = 0; r < table->rowCount(); ++r)
            ranking.append(table->item(r, 1)->text() + u' ' + table->item(r, 3)->text());
        QCOMPARE(ranking, m_lastMonthRanking);
        const QString status = page->statusLabel()->text();
        QVERIFY2(status.contains(m_lastMonth) && status.contains(u"2"_s), qPrintable(status));
        QCOMPARE(month->currentText(), m_lastMonth);
        page->tabs()->setCurrentWidget(page->pointsTab()->parentWidget());
        test::saveScreenshot(*window, u"zh-supervisor-desk-offline-month.png"_s);
        // A month never looked at has no copy.
        const QString never = month->itemText(month->count() - 1);
        QVERIFY(never != m_lastMonth);
        QVERIFY(!page->showPointsMonth(never));
        // Back to this month: the copy the desk kept with the whole hall.
        QVERIFY(page->showPointsMonth(month->itemText(0)));
        QVERIFY(page->statusLabel()->text().contains(month->itemText(0)));
    }

    /// Each tab of the desk, with the menus, answers every Alt key once, in Chinese and in English.
    void altKeysInBothLanguages()
    {
        for (const bool chinese : {true, false}) {
            if (!chinese)
                QCoreApplication::removeTranslator(ow::test::counterScreenChinese());
            auto window = openDesk();
            ui::SupervisorDeskPage *page = desk(*window);
            QVERIFY(page->tabs()->count() >= 4);
            for (int i = 0; i < page->tabs()->count(); ++i) {
                page->tabs()->setCurrentIndex(i);
                QCoreApplication::processEvents();
                const QStringList clash = test::collisions(test::windowMnemonics(window.get()));
                QVERIFY2(clash.isEmpty(),
                    qPrintable(u"%1, tab %2: %3"_s.arg(chinese ? u"zh"_s : u"en"_s)
                                   .arg(i)
                                   .arg(clash.join(u"; "_s))));
            }
        }
        QCoreApplication::installTranslator(ow::test::counterScreenChinese());
    }
};

/// A 1366×768 counter screen, and the hall's language: the screenshots go into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestSupervisorDesk>(argc, argv);
}
#include "tst_supervisorDesk.moc"
