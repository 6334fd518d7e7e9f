#include "cases/AttachmentStore.h"
#include "cases/AuditLog.h"
#include "cases/CaseJson.h"
#include "cases/CaseLifecycle.h"
#include "cases/CaseStore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ow::cases;
using namespace Qt::StringLiterals;

/// Kills a process that saves cases in a loop (SIGKILL, at random moments) and checks after each
/// kill that the database is intact and every case is wholly there or absent.
class TestCrashSave : public QObject
{
    Q_OBJECT

    static constexpr int kRuns = 16;

    QTemporaryDir m_dir;
    qint64 m_casesSeen = 0;

    /// Checks integrity and wholeness; remembers how many cases it found.
    void checkDatabase()
    {
        const QString path = CaseStore::databasePath(m_dir.path());
        if (!QFile::exists(path))
            return; // killed before the database was created
        auto db = ow::storage::Database::openSqlite(path).value();
        QCOMPARE(db->scalar(u"PRAGMA integrity_check"_s)->toString(), u"ok"_s);
        QCOMPARE(db->scalar(u"SELECT count(*) FROM pragma_foreign_key_check"_s)->toInt(), 0);
        const auto version = db->scalar(u"SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'"_s);
        if (version->toInt() == 0)
            return; // killed during the first migrations: nothing else to check yet

        QSqlQuery cases(db->handle());
        QVERIFY(cases.exec(u"SELECT id, number, state FROM cases"_s));
        qint64 count = 0;
        while (cases.next()) {
            ++count;
            const qint64 id = cases.value(0).toLongLong();
            const QString number = cases.value(1).toString();
            QSqlQuery events(db->handle());
            QVERIFY(events.prepare(
                u"SELECT e.kind, (SELECT count(*) FROM outbox o WHERE o.event_id = e.id),"
                " (SELECT count(*) FROM audit_log a WHERE a.target = ? AND a.detail LIKE '%' || e.id || '%')"
                " FROM case_events e WHERE e.case_id = ? ORDER BY e.seq"_s));
            events.addBindValue(number);
            events.addBindValue(id);
            QVERIFY(events.exec());
            QList<CaseEvent> log;
            while (events.next()) {
                CaseEvent e;
                e.kind = eventKindFromKeyword(events.value(0).toString()).value();
                log.append(e);
                QVERIFY2(events.value(1).toInt() == 1, qPrintable(number)); // its outbox row
                QVERIFY2(events.value(2).toInt() == 1, qPrintable(number)); // its audit row
            }
            QVERIFY2(!log.isEmpty(), qPrintable(u"case %1 has no events"_s.arg(number)));
            QCOMPARE(log.first().kind, EventKind::Created);
            const Derivation derived = CaseLifecycle::derive(log);
            QVERIFY(derived.skipped.isEmpty());
            QCOMPARE(keyword(derived.state), cases.value(2).toString());
        }
        QCOMPARE(
            db->scalar(u"SELECT count(*) FROM outbox WHERE event_id NOT IN (SELECT id FROM case_events)"_s)
                ->toInt(),
            0);
        QCOMPARE(db->scalar(u"SELECT count(*) FROM audit_log"_s)->toLongLong(),
            db->scalar(u"SELECT count(*) FROM case_events"_s)->toLongLong());
        const auto verified = AuditLog(*db).verify();
        QVERIFY(verified && verified->intact);

        // Attachments a committed case refers to were written (and renamed) before the case.
        const AttachmentStore attachments(CaseStore::attachmentsPath(m_dir.path()));
        QSqlQuery files(db->handle());
        QVERIFY(files.exec(u"SELECT sha256 FROM case_attachments"_s));
        while (files.next())
            QVERIFY(attachments.verify(files.value(0).toString()));
        QVERIFY(count >= m_casesSeen); // committed cases never disappear
        m_casesSeen = count;
    }

private Q_SLOTS:
    void killAtRandomMoments()
    {
        QVERIFY(m_dir.isValid());
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        for (int run = 0; run < kRuns; ++run) {
            QProcess saver;
            saver.setProgram(QStringLiteral(OW_CASE_CRASH_SAVER));
            saver.setArguments({m_dir.path()});
            saver.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            saver.start();
            QVERIFY(saver.waitForStarted());
            // Most runs wait until cases are being saved; every fourth may die while opening or
            // migrating the database.
            if (run % 4 != 1) {
                while (!saver.readAllStandardOutput().contains("saved") && saver.state() == QProcess::Running)
                    saver.waitForReadyRead(1000);
                QVERIFY2(saver.state() == QProcess::Running, "the saver stopped by itself");
            }
            QThread::msleep(random.bounded(5, 250));
            saver.kill(); // SIGKILL: no destructors, no flush, no rollback
            QVERIFY(saver.waitForFinished());
            QCOMPARE(saver.exitStatus(), QProcess::CrashExit);
            checkDatabase();
            if (QTest::currentTestFailed())
                return;
        }
        qInfo("%lld cases survived %d kills", m_casesSeen, kRuns);
        QVERIFY(m_casesSeen > 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashSave)
#include "tst_crashSave.moc"
