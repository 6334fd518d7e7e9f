// The supervisor's audit log window: the chain verified on open with a tampered row shown broken,
// the filters (clerks by name), the CSV export through the file dialog seam, the viewing and the
// export audited; more than a page of rows read page by page (More, PageDown at the last row) with
// the count of the filter, none twice or left out, and exported whole; in Chinese, with the
// screenshot for the documentation.

#include "../unit/CaseTestSupport.h"
#include "CounterScreen.h"
#include "GuiTestSupport.h"
#include "cases/CaseStore.h"
#include "storage/Transaction.h"
#include "ui/AuditLogDialog.h"
#include "ui/CaseScreens.h"
#include "ui/FileDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ow;
using namespace ow::cases;
using namespace ow::ui;
using namespace Qt::StringLiterals;

class TestAuditLogDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseStore> m_store;
    testing::SteppingClock m_time;

    CaseScreenContext context(accounts::Role role = accounts::Role::Supervisor) const
    {
        CaseScreenContext c;
        c.store = m_store.get();
        c.role = role;
        c.clerk = u"S001"_s;
        c.clock = m_time.clock();
        c.clerkNames = {{u"c007"_s, u"陈晓燕"_s}, {u"c012"_s, u"王建国"_s}, {u"s001"_s, u"林督查"_s}};
        return c;
    }

    void record(const QString &clerk, const QString &action, const QString &target)
    {
        VERIFY_OK(
            m_store->auditLog().record(AuditEntry {0, {}, clerk, u"W07"_s, action, target, {}, {}, {}}));
    }

    /// What someone with the database file and an SQLite shell does: rewrites a row in place.
    void tamper(const QString &statement)
    {
        const QString name = u"tamper"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(CaseStore::databasePath(m_dir->path()));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(statement));
            QCOMPARE(query.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(name);
    }

    qsizetype rowsWith(const QString &action) const
    {
        qsizetype count = 0;
        const QList<AuditEntry> rows = m_store->auditLog().entries(1, 100000).value();
        for (const AuditEntry &row : rows)
            count += row.action == action ? 1 : 0;
        return count;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::move(CaseStore::open(m_dir->path(), testing::workstation()).value());
        m_store->setClock(m_time.clock());
        record(u"C007"_s, u"case.accepted"_s, u"33030201202603160700012"_s);
        record(u"C012"_s, u"applicant.viewed"_s, u"33030201202603160700012"_s);
        record(u"C007"_s, u"document.printed"_s, u"33030201202603160700013"_s);
        record(u"C012"_s, u"account.password_changed"_s, u"C012"_s);
        record(u"C007"_s, u"case.corrected"_s, u"33030201202603160700013"_s);
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void openingVerifiesAndIsAudited()
    {
        AuditLogDialog dialog(context());
        QVERIFY(dialog.chainLabel()->text().contains(u"6"_s)); // the look is recorded, then the chain checked
        QCOMPARE(rowsWith(u"audit.viewed"_s), 1);
        QCOMPARE(dialog.table()->rowCount(), 6); // the look itself is the newest row
        QCOMPARE(dialog.table()->item(0, 5)->text(), u"audit.viewed"_s);
        QCOMPARE(dialog.table()->item(0, 2)->text(), u"林督查"_s); // names, never logins
        for (int r = 0; r < dialog.table()->rowCount(); ++r)
            QCOMPARE(dialog.table()->item(r, 7)->text(), AuditReview::markName(AuditReview::Mark::Verified));
    }

    void tamperedRowShowsBroken()
    {
        tamper(u"UPDATE audit_log SET clerk = 'C007' WHERE seq = 2"_s);
        AuditLogDialog dialog(context());
        QVERIFY(dialog.chainLabel()->text().contains(u"2"_s));
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 6);
        // Newest first: rows 6..1; row 2 is the fifth line.
        QCOMPARE(table->item(4, 0)->text(), u"2"_s);
        QCOMPARE(table->item(4, 7)->text(), AuditReview::markName(AuditReview::Mark::Broken));
        QCOMPARE(table->item(5, 7)->text(), AuditReview::markName(AuditReview::Mark::Verified));
        QCOMPARE(table->item(0, 7)->text(), AuditReview::markName(AuditReview::Mark::Unverified));
    }

    void filtersByClerkNameKindAndCase()
    {
        AuditLogDialog dialog(context());
        const int chen = dialog.clerkField()->findText(u"陈晓燕"_s);
        QVERIFY(chen > 0);
        dialog.clerkField()->setCurrentIndex(chen);
        QCOMPARE(dialog.table()->rowCount(), 3);
        dialog.kindField()->setCurrentIndex(
            dialog.kindField()->findData(int(AuditFilter::Kind::PersonalData)));
        QCOMPARE(dialog.table()->rowCount(), 1);
        QCOMPARE(dialog.table()->item(0, 5)->text(), u"document.printed"_s);
        dialog.kindField()->setCurrentIndex(0);
        dialog.caseField()->setFocus();
        QTest::keyClicks(dialog.caseField(), u"0700012"_s);
        QCOMPARE(dialog.table()->rowCount(), 1);
        dialog.fromField()->setDate(m_time.clock().today().addDays(1));
        QCOMPARE(dialog.table()->rowCount(), 0);
    }

    void exportWritesThePeriodAndIsAudited()
    {
        AuditLogDialog dialog(context());
        FileDialog::setNextFileName({}); // cancelled: nothing written, nothing audited
        QVERIFY(!dialog.exportCsv());
        QCOMPARE(rowsWith(u"audit.exported"_s), 0);

        const QString path = m_dir->filePath(u"audit.csv"_s);
        FileDialog::setNextFileName(path);
        dialog.exportButton()->click();
        QCOMPARE(rowsWith(u"audit.exported"_s), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines
            = QString::fromUtf8(file.readAll().mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 6); // header, five rows and the look
        QVERIFY(lines.at(2).contains(u",王建国,C012,"_s));
        QCOMPARE(dialog.table()->item(0, 5)->text(), u"audit.exported"_s);
    }

    void pagesThroughMoreThanOnePage()
    {
        {
            storage::Transaction transaction(m_store->database());
            VERIFY_OK(transaction.begin());
            for (int i = 0; i < 4500; ++i)
                VERIFY_OK(m_store->auditLog().recordInTransaction(
                    AuditEntry {0, {}, u"C007"_s, u"W07"_s, u"applicant.viewed"_s,
                        u"330302012026031607%1"_s.arg(i, 5, 10, QLatin1Char('0')), {}, {}, {}}));
            VERIFY_OK(transaction.commit());
        }
        AuditLogDialog dialog(context());
        dialog.show();
        const qint64 total = 5 + 4500 + 1; // the rows, and the look
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), AuditLogDialog::kPage);
        const QLocale locale;
        QVERIFY2(dialog.statusLabel()->text().contains(locale.toString(AuditLogDialog::kPage))
                && dialog.statusLabel()->text().contains(locale.toString(total)),
            qPrintable(dialog.statusLabel()->text()));
        QVERIFY(dialog.moreButton()->isEnabled());
        dialog.moreButton()->click();
        QCOMPARE(table->rowCount(), 2 * AuditLogDialog::kPage);
        // PageDown anywhere else only scrolls; at the last row it reads the rest.
        table->setFocus();
        table->setCurrentCell(0, 0);
        QTest::keyClick(table, Qt::Key_PageDown);
        QCOMPARE(table->rowCount(), 2 * AuditLogDialog::kPage);
        table->setCurrentCell(table->rowCount() - 1, 0);
        QTest::keyClick(table, Qt::Key_PageDown);
        QCOMPARE(table->rowCount(), int(total));
        QCOMPARE(table->currentRow(), 2 * AuditLogDialog::kPage);
        QVERIFY(!dialog.moreButton()->isEnabled());
        QVERIFY(!dialog.loadMore());
        for (int r = 0; r < table->rowCount(); ++r)
            QCOMPARE(table->item(r, 0)->text().toLongLong(), total - r); // none twice, none left out

        // A narrower filter counts its own rows; the export takes the whole period, not the page.
        dialog.kindField()->setCurrentIndex(dialog.kindField()->findData(int(AuditFilter::Kind::Cases)));
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(!dialog.moreButton()->isEnabled());
        dialog.kindField()->setCurrentIndex(0);
        QCOMPARE(table->rowCount(), AuditLogDialog::kPage);
        const QString path = m_dir->filePath(u"all.csv"_s);
        FileDialog::setNextFileName(path);
        QVERIFY(dialog.exportCsv());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(
            QString::fromUtf8(file.readAll().mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts).size(), 1 + total);
    }

    void onlySupervisorsAndAdministratorsGetTheAction()
    {
        QWidget window;
        auto *stack = new QStackedWidget(&window);
        CaseScreens supervisor(context(accounts::Role::Supervisor), stack, &window);
        QVERIFY(supervisor.auditLogAction());
        std::unique_ptr<QMenu> menu(supervisor.createMenu(&window));
        QVERIFY(menu->actions().contains(supervisor.auditLogAction()));
        CaseScreens clerk(context(accounts::Role::IntakeClerk), stack, &window);
        QVERIFY(!clerk.auditLogAction());
    }

    void screenshot()
    {
        tamper(u"UPDATE audit_log SET target = '33030201202603160700099' WHERE seq = 3"_s);
        AuditLogDialog dialog(context());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        test::saveScreenshot(dialog, u"zh-audit-log.png"_s);
        QVERIFY(dialog.frameGeometry().height() <= 768);
        QVERIFY(dialog.frameGeometry().width() <= 1366);
    }
};

/// A 1366×768 counter screen, and the hall's language: the screenshot goes into the documentation.
int main(int argc, char **argv)
{
    return ow::test::runOnCounterScreen<TestAuditLogDialog>(argc, argv);
}
#include "tst_auditLogDialog.moc"
