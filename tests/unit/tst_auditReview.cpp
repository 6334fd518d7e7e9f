#include "CaseTestSupport.h"
#include "cases/AuditReview.h"
#include "cases/CaseSchema.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::cases;
using namespace Qt::StringLiterals;

/// The supervisor's reading of the audit log: filters, the chain's marks per row, the CSV of a
/// period, and the rows that record the log was viewed or exported.
class TestAuditReview : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ow::storage::Database> m_db;
    std::unique_ptr<AuditLog> m_log;
    std::unique_ptr<ow::ManualClock> m_time;

    void record(
        const QString &clerk, const QString &action, const QString &target, const QString &detail = {})
    {
        VERIFY_OK(m_log->record(AuditEntry {0, {}, clerk, u"W07"_s, action, target, detail, {}, {}}));
    }

    void sql(const QString &statement) const
    {
        const auto done = m_db->exec(statement);
        QVERIFY2(done, done ? "" : qPrintable(done.error().toString()));
    }

    QList<qint64> seqs(const AuditFilter &filter) const
    {
        AuditReview review(*m_log, *m_db);
        QList<qint64> found;
        const QList<AuditEntry> rows = review.find(filter).value();
        for (const AuditEntry &row : rows)
            found << row.seq;
        return found;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = ow::storage::Database::openSqlite(m_dir->filePath(u"cases.sqlite"_s)).value();
        QVERIFY(CaseSchema::migrate(*m_db));
        // Noon UTC on 16 March, one hour per row and a day between the two halves.
        m_time = std::make_unique<ow::ManualClock>(QDateTime(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC), 0);
        m_log = std::make_unique<AuditLog>(*m_db, m_time->clock());
        record(u"zhang"_s, u"case.accepted"_s, u"33030201202603160700012"_s); // 1
        record(u"li"_s, u"applicant.viewed"_s, u"33030201202603160700012"_s); // 2
        record(u"zhang"_s, u"account.login"_s, u"zhang"_s); // 3
        m_time->advance(24 * 3600 * 1000);
        record(u"li"_s, u"document.printed"_s, u"33030201202603170700003"_s); // 4
        record(u"zhang"_s, u"account.password_changed"_s, u"zhang"_s); // 5
    }
    void cleanup()
    {
        m_log.reset();
        m_db.reset();
    }

    void filtersByClerkKindCaseAndPeriod()
    {
        QCOMPARE(seqs({}), (QList<qint64> {5, 4, 3, 2, 1})); // newest first
        AuditFilter byClerk;
        byClerk.clerk = u"li"_s;
        QCOMPARE(seqs(byClerk), (QList<qint64> {4, 2}));
        AuditFilter personal;
        personal.kind = AuditFilter::Kind::PersonalData;
        QCOMPARE(seqs(personal), (QList<qint64> {4, 2}));
        AuditFilter accounts;
        accounts.kind = AuditFilter::Kind::Accounts;
        QCOMPARE(seqs(accounts), (QList<qint64> {5, 3}));
        AuditFilter byCase;
        byCase.caseNumber = u" 0700012 "_s; // a part of the number, as typed
        QCOMPARE(seqs(byCase), (QList<qint64> {2, 1}));
        const QDate firstDay = QDateTime(QDate(2026, 3, 16), QTime(12, 0), Qt::UTC).toLocalTime().date();
        AuditFilter firstDayOnly;
        firstDayOnly.from = firstDay;
        firstDayOnly.to = firstDay;
        QCOMPARE(seqs(firstDayOnly), (QList<qint64> {3, 2, 1}));
        AuditFilter fromSecondDay;
        fromSecondDay.from = firstDay.addDays(1);
        QCOMPARE(seqs(fromSecondDay), (QList<qint64> {5, 4}));
        AuditFilter combined = fromSecondDay;
        combined.clerk = u"zhang"_s;
        combined.kind = AuditFilter::Kind::Accounts;
        QCOMPARE(seqs(combined), (QList<qint64> {5}));

        AuditReview review(*m_log, *m_db);
        QCOMPARE(review.find({}, 2).value().size(), 2);
        QCOMPARE(review.clerks().value(), (QStringList {u"li"_s, u"zhang"_s}));
    }

    void kindOfAction()
    {
        QCOMPARE(AuditReview::kindOf(u"attachment.viewed"_s), AuditFilter::Kind::PersonalData);
        QCOMPARE(AuditReview::kindOf(u"case.corrected"_s), AuditFilter::Kind::Cases);
        QCOMPARE(AuditReview::kindOf(u"account.role_changed"_s), AuditFilter::Kind::Accounts);
        QCOMPARE(AuditReview::kindOf(u"audit.exported"_s), AuditFilter::Kind::AuditLog);
    }

    void intactChainMarksEveryRowVerified()
    {
        AuditReview review(*m_log, *m_db);
        const AuditLog::Verification result = review.verify().value();
        QVERIFY(result.intact);
        QCOMPARE(result.rowsChecked, 5);
        for (qint64 seq = 1; seq <= 5; ++seq)
            QCOMPARE(review.markOf(seq), AuditReview::Mark::Verified);
    }

    void tamperedRowIsMarkedBrokenAndLaterRowsUnverified()
    {
        // Someone with the SQLite file rewrites who looked at the applicant's data.
        sql(u"UPDATE audit_log SET clerk = 'zhang' WHERE seq = 2"_s);
        AuditReview review(*m_log, *m_db);
        const AuditLog::Verification result = review.verify().value();
        QVERIFY(!result.intact);
        QCOMPARE(result.brokenSeq, 2);
        QCOMPARE(review.markOf(1), AuditReview::Mark::Verified);
        QCOMPARE(review.markOf(2), AuditReview::Mark::Broken);
        QCOMPARE(review.markOf(5), AuditReview::Mark::Unverified);
        const QString csv
            = QString::fromUtf8(review.csv(review.find({}).value(), [](const QString &s) { return s; }));
        const QStringList lines = csv.split(u"\r\n"_s, Qt::SkipEmptyParts);
        QVERIFY(lines.at(2).startsWith(u"2,"_s));
        QVERIFY(lines.at(2).contains(AuditReview::markName(AuditReview::Mark::Broken)));
    }

    void csvIsOldestFirstWithNamesAndQuoting()
    {
        record(u"zhang"_s, u"case.corrected"_s, u"=HYPERLINK(\"x\")"_s, u"{\"a\":1,\"b\":2}"_s);
        AuditReview review(*m_log, *m_db);
        QVERIFY(review.verify());
        AuditFilter filter;
        filter.clerk = u"zhang"_s;
        const QByteArray bytes = review.csv(
            review.find(filter).value(), [](const QString &login) -> QString { return u"张三-"_s + login; });
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 4); // header and rows 1, 3, 5, 6
        QVERIFY(lines.at(1).startsWith(u"1,"_s));
        QVERIFY(lines.at(1).contains(u",张三-zhang,zhang,W07,"_s));
        QVERIFY(lines.at(4).startsWith(u"6,"_s));
        // The formula is defused and the quotes doubled; the detail's commas stay inside one cell.
        QVERIFY(lines.at(4).contains(u",\"'=HYPERLINK(\"\"x\"\")\","_s));
        QVERIFY(lines.at(4).contains(u",\"{\"\"a\"\":1,\"\"b\"\":2}\","_s));
    }

    void viewingAndExportingAreAudited()
    {
        AuditReview review(*m_log, *m_db);
        QVERIFY(review.verify());
        AuditFilter filter;
        filter.from = QDate(2026, 3, 1);
        filter.to = QDate(2026, 3, 31);
        filter.clerk = u"li"_s;
        filter.kind = AuditFilter::Kind::PersonalData;
        VERIFY_OK(review.recordViewed(u"wang"_s, u"W01"_s, filter));
        VERIFY_OK(review.recordExported(u"wang"_s, u"W01"_s, filter, 2));
        const QList<AuditEntry> rows = m_log->entries(6).value();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).action, u"audit.viewed"_s);
        QCOMPARE(rows.at(0).clerk, u"wang"_s);
        QCOMPARE(rows.at(0).counter, u"W01"_s);
        QCOMPARE(rows.at(1).action, u"audit.exported"_s);
        const QJsonObject detail = QJsonDocument::fromJson(rows.at(1).detail.toUtf8()).object();
        QCOMPARE(detail.value(u"from"_s).toString(), u"2026-03-01"_s);
        QCOMPARE(detail.value(u"to"_s).toString(), u"2026-03-31"_s);
        QCOMPARE(detail.value(u"clerk"_s).toString(), u"li"_s);
        QCOMPARE(detail.value(u"kind"_s).toString(), u"personal-data"_s);
        QCOMPARE(detail.value(u"rows"_s).toInt(), 2);
        QVERIFY(detail.value(u"intact"_s).toBool());
        QVERIFY(m_log->verify().value().intact); // the new rows chain like any other
    }
};

QTEST_GUILESS_MAIN(TestAuditReview)
#include "tst_auditReview.moc"
