#include "CaseTestSupport.h"
#include "cases/AuditLog.h"
#include "cases/CaseSchema.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ow::cases;
using namespace Qt::StringLiterals;

/// The hash-chained audit log: what it records, and that edits and deletions are caught.
class TestAuditLog : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ow::storage::Database> m_db;
    std::unique_ptr<AuditLog> m_log;
    testing::SteppingClock m_time;

    void recordFive()
    {
        const QStringList actions {u"case.created"_s, u"applicant.viewed"_s, u"case.accepted"_s,
            u"attachment.opened"_s, u"case.transferred"_s};
        for (int i = 0; i < actions.size(); ++i) {
            AuditEntry e;
            e.clerk = u"clerk-%1"_s.arg(i % 2);
            e.counter = u"W07"_s;
            e.action = actions.at(i);
            e.target = u"33030201202603160700012"_s;
            e.detail = i == 1 ? u"{\"fields\":[\"idNumber\"]}"_s : QString();
            QVERIFY(m_log->record(e));
        }
    }

    AuditLog::Verification verify() const
    {
        const auto result = m_log->verify();
        if (!result)
            qFatal("verify failed to run: %s", qPrintable(result.error().toString()));
        return *result;
    }

    void sql(const QString &statement) const
    {
        const auto done = m_db->exec(statement);
        QVERIFY2(done, done ? "" : qPrintable(done.error().toString()));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = ow::storage::Database::openSqlite(m_dir->filePath(u"cases.sqlite"_s)).value();
        QVERIFY(CaseSchema::migrate(*m_db));
        m_log = std::make_unique<AuditLog>(*m_db, m_time.clock());
        recordFive();
    }
    void cleanup()
    {
        m_log.reset();
        m_db.reset();
    }

    void rowsAreChained()
    {
        const QList<AuditEntry> rows = m_log->entries().value();
        QCOMPARE(rows.size(), 5);
        QString previous = AuditLog::genesisHash();
        for (int i = 0; i < rows.size(); ++i) {
            const AuditEntry &row = rows.at(i);
            QCOMPARE(row.seq, i + 1);
            QCOMPARE(row.prevHash, previous);
            QCOMPARE(row.hash.size(), 64);
            QCOMPARE(row.hash, AuditLog::chainHash(previous, row));
            previous = row.hash;
        }
        QCOMPARE(rows.at(1).action, u"applicant.viewed"_s);
        QCOMPARE(rows.at(1).clerk, u"clerk-1"_s);
        QVERIFY(rows.at(1).time > rows.at(0).time);
        const AuditLog::Verification v = verify();
        QVERIFY(v.intact);
        QCOMPARE(v.rowsChecked, 5);
        QCOMPARE(v.brokenSeq, 0);
    }

    void emptyLogIsIntact()
    {
        sql(u"DELETE FROM audit_log"_s);
        sql(u"DELETE FROM audit_head"_s);
        QVERIFY(verify().intact);
        QCOMPARE(verify().rowsChecked, 0);
    }

    void canonicalContentIsUnambiguous()
    {
        AuditEntry a;
        a.action = u"ab"_s;
        a.target = u"c"_s;
        AuditEntry b = a;
        b.action = u"a"_s;
        b.target = u"bc"_s;
        QVERIFY(AuditLog::canonicalContent(a) != AuditLog::canonicalContent(b));
        QVERIFY(AuditLog::chainHash(AuditLog::genesisHash(), a)
            != AuditLog::chainHash(AuditLog::genesisHash(), b));
    }

    void editedRowIsCaught_data()
    {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::newRow("clerk") << u"clerk"_s << u"'clerk-9'"_s;
        QTest::newRow("action") << u"action"_s << u"'case.refused'"_s;
        QTest::newRow("detail") << u"detail"_s << u"'{}'"_s;
        QTest::newRow("time") << u"time"_s << u"'2026-03-16T12:00:02.001Z'"_s;
        QTest::newRow("hash") << u"hash"_s << u"'%1'"_s.arg(QString(64, u'a'));
    }
    void editedRowIsCaught()
    {
        QFETCH(QString, column);
        QFETCH(QString, value);
        sql(u"UPDATE audit_log SET %1 = %2 WHERE seq = 3"_s.arg(column, value));
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.brokenSeq, 3);
        QVERIFY(!v.reason.isEmpty());
    }

    void rehashedRowBreaksTheNextLink()
    {
        // A careful forger recomputes the hash of the row he edits: the next row no longer links.
        AuditEntry row = m_log->entries(2, 1)->first();
        row.action = u"case.refused"_s;
        const QString forged = AuditLog::chainHash(row.prevHash, row);
        sql(u"UPDATE audit_log SET action = 'case.refused', hash = '%1' WHERE seq = 2"_s.arg(forged));
        QCOMPARE(verify().brokenSeq, 3);
    }

    void deletedRowIsCaught()
    {
        sql(u"DELETE FROM audit_log WHERE seq = 2"_s);
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.brokenSeq, 3);
        QCOMPARE(v.rowsChecked, 1);
    }

    void deletedLastRowIsCaught()
    {
        sql(u"DELETE FROM audit_log WHERE seq = 5"_s);
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.brokenSeq, 5);
    }

    void deletedHeadIsCaught()
    {
        sql(u"DELETE FROM audit_head"_s);
        QVERIFY(!verify().intact);
    }

    void appendedForgeryIsCaught()
    {
        AuditEntry fake = m_log->entries(5, 1)->first();
        fake.seq = 6;
        fake.prevHash = fake.hash;
        fake.action = u"case.approved"_s;
        fake.hash = AuditLog::chainHash(fake.prevHash, fake);
        sql(u"INSERT INTO audit_log SELECT 6, time, clerk, counter, 'case.approved', target, detail, '%1', "
            u"'%2'"
            " FROM audit_log WHERE seq = 5"_s.arg(fake.prevHash, fake.hash));
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact); // the head still says 5
        QCOMPARE(v.brokenSeq, 6);
    }

    void newRowsChainOntoTheHead()
    {
        // After a (detected) deletion of the tail, new rows do not quietly refill the gap.
        sql(u"DELETE FROM audit_log WHERE seq = 5"_s);
        AuditEntry e;
        e.clerk = u"clerk-0"_s;
        e.action = u"case.note"_s;
        const AuditEntry written = m_log->record(e).value();
        QCOMPARE(written.seq, 6);
        const AuditLog::Verification v = verify();
        QVERIFY(!v.intact);
        QCOMPARE(v.brokenSeq, 6);
    }

    void caseStoreWritesAreAudited()
    {
        m_log.reset();
        m_db.reset();
        auto store = CaseStore::open(m_dir->path(), testing::workstation()).value();
        const Case c = store->createDraft(testing::draft(), u"clerk-042"_s).value();
        const QList<AuditEntry> rows = store->auditLog().entries().value();
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.last().action, u"case.created"_s);
        QCOMPARE(rows.last().target, c.number);
        QCOMPARE(rows.last().clerk, u"clerk-042"_s);
        QCOMPARE(rows.last().counter, u"W07"_s);
        QVERIFY(!rows.last().detail.contains(u"张"_s)); // no personal data in the trail
        QVERIFY(store->auditLog().verify()->intact);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditLog.moc"
