#include "CaseTestSupport.h"
#include "cases/CaseNumber.h"
#include "cases/DraftStore.h"
#include "cli/CliApplication.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::cases;
using namespace Qt::StringLiterals;
using ow::cli::CliApplication;
using ow::cli::Console;

/// onewindow-cli case list|show and audit verify on a small database: output, masking, exit codes.
class TestCaseCommand : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;
    QStringList m_numbers;

    Run cli(QStringList arguments) const
    {
        arguments << u"--data-dir"_s << m_dir.path();
        Run run;
        {
            Console console(&run.out, &run.err);
            run.exitCode = CliApplication().run(QStringList {u"onewindow-cli"_s} + arguments, console);
        }
        return run;
    }

    static QJsonObject json(const Run &run) { return QJsonDocument::fromJson(run.out.toUtf8()).object(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = CaseStore::open(m_dir.path(), testing::workstation()).value();
        testing::SteppingClock time;
        store->setClock(time.clock());
        for (int i = 0; i < 3; ++i) {
            Case c = testing::draft();
            c.materialChecks[1].failedPoints.clear();
            if (i == 2)
                c.applicant = testing::enterprise();
            m_numbers.append(store->createDraft(c, u"clerk-042"_s)->number);
        }
        const Case first = store->findByNumber(m_numbers.first()).value();
        QVERIFY(store->save(first, testing::caseEvent(EventKind::Accepted)));
    }

    void listIsMasked()
    {
        const Run run = cli({u"case"_s, u"list"_s});
        QCOMPARE(run.exitCode, 0);
        // Grouped as on the receipt, so the clerk finds it on the paper.
        QVERIFY(run.out.contains(CaseNumber::parse(m_numbers.at(1)).value().toDisplayString()));
        QVERIFY(run.out.contains(u"张*丰"_s));
        QVERIFY(!run.out.contains(u"张三丰"_s));
        QVERIFY(!run.out.contains(u"11010519491231002X"_s));
        QVERIFY2(run.out.contains(u"3 of 3 cases"_s), qPrintable(run.out));
    }

    void listJsonAndFilters()
    {
        Run run = cli({u"case"_s, u"list"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(json(run).value(u"total"_s).toInt(), 3);
        QCOMPARE(json(run).value(u"cases"_s).toArray().first().toObject().value(u"number"_s).toString(),
            m_numbers.last());
        run = cli({u"case"_s, u"list"_s, u"--state"_s, u"accepted"_s, u"--json"_s});
        QCOMPARE(json(run).value(u"total"_s).toInt(), 1);
        QCOMPARE(json(run).value(u"cases"_s).toArray().first().toObject().value(u"state"_s).toString(),
            u"accepted"_s);
        run = cli({u"case"_s, u"list"_s, u"--text"_s, u"某某印刷"_s, u"--json"_s});
        QCOMPARE(json(run).value(u"total"_s).toInt(), 1);
        QCOMPARE(cli({u"case"_s, u"list"_s, u"--state"_s, u"lost"_s}).exitCode, 2);
        QCOMPARE(cli({u"case"_s, u"list"_s, u"--from"_s, u"16/03/2026"_s}).exitCode, 2);
    }

    void showIsMasked()
    {
        Run run = cli({u"case"_s, u"show"_s, m_numbers.first()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"33030201-"_s));
        QVERIFY(run.out.contains(u"居民身份证"_s));
        QVERIFY(run.out.contains(displayName(CaseState::Accepted)));
        QVERIFY(!run.out.contains(u"张三丰"_s));
        run = cli({u"case"_s, u"show"_s, m_numbers.last(), u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject c = json(run);
        QCOMPARE(c.value(u"number"_s).toString(), m_numbers.last());
        QCOMPARE(c.value(u"events"_s).toArray().size(), 1);
        QVERIFY(!c.contains(u"qrToken"_s));
        const QJsonObject applicant = c.value(u"applicant"_s).toObject();
        QCOMPARE(applicant.value(u"name"_s).toString(), testing::enterprise().name); // public register
        QCOMPARE(applicant.value(u"contactMobile"_s).toString(), u"139****4321"_s);
        QVERIFY(!run.out.contains(u"360426199101010071"_s));
        QVERIFY(!run.out.contains(u"学院中路"_s));
    }

    void numberAsPrintedOnTheReceipt()
    {
        const CaseNumber number = CaseNumber::parse(m_numbers.first()).value();
        const QString printed = number.toDisplayString(); // 33030201-20260315-010001-7
        QVERIFY(printed.contains(u'-'));
        const QStringList groups = printed.split(u'-');
        for (const QStringList &typed : {QStringList {printed}, QStringList {groups.join(u' ')}, groups,
                 QStringList {printed.toLower()}}) {
            const Run run = cli(QStringList {u"case"_s, u"show"_s} + typed + QStringList {u"--json"_s});
            QVERIFY2(run.exitCode == 0, qPrintable(typed.join(u'|') + u": "_s + run.err));
            QCOMPARE(json(run).value(u"number"_s).toString(), m_numbers.first());
        }
        // Part of a printed number, as a filter: the hall and the day.
        const Run run = cli({u"case"_s, u"list"_s, u"--text"_s, groups.mid(0, 2).join(u'-'), u"--json"_s});
        QCOMPARE(json(run).value(u"total"_s).toInt(), 3);
        // A wrong number is quoted back short and safe.
        const Run bad = cli({u"case"_s, u"show"_s, u"3303\x1b[2J"_s + QString(5000, u'9')});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.size() < 400, qPrintable(bad.err.left(400)));
        QVERIFY(!bad.err.contains(QChar(0x1b)));
    }

    void showRejectsBadAndUnknownNumbers()
    {
        QString typo = m_numbers.first();
        typo[10] = typo.at(10) == u'1' ? u'2' : u'1';
        QCOMPARE(cli({u"case"_s, u"show"_s, typo}).exitCode, 1);
        const QString unknown = CaseNumber::make(u"33030201"_s, QDate(2020, 1, 1), 1).value().toString();
        const Run run = cli({u"case"_s, u"show"_s, unknown});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(unknown));
    }

    void missingDatabaseIsAnError()
    {
        Run run;
        {
            Console console(&run.out, &run.err);
            run.exitCode = CliApplication().run(
                {u"onewindow-cli"_s, u"case"_s, u"list"_s, u"--data-dir"_s, m_dir.filePath(u"nothing"_s)},
                console);
        }
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFile::exists(m_dir.filePath(u"nothing/cases.sqlite"_s)));
    }

    void auditVerify()
    {
        Run run = cli({u"audit"_s, u"verify"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(json(run).value(u"intact"_s).toBool());
        QCOMPARE(json(run).value(u"rowsChecked"_s).toInt(), 4);
        {
            auto db = ow::storage::Database::openSqlite(CaseStore::databasePath(m_dir.path())).value();
            QVERIFY(db->exec(u"UPDATE audit_log SET clerk = 'someone-else' WHERE seq = 2"_s));
        }
        run = cli({u"audit"_s, u"verify"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(u"2"_s));
        run = cli({u"audit"_s, u"verify"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(json(run).value(u"brokenRow"_s).toInt(), 2);
    }

    void checkStoreFindsOrphanAndMissingScans()
    {
        Run run = cli({u"case"_s, u"check-store"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"sound"_s), qPrintable(run.out));

        // A scan left behind by a crash (written, cited by nothing) and a draft citing a scan that
        // is not in the folder.
        QString orphan;
        QString missing = QString(64, u'a');
        {
            auto store = CaseStore::open(m_dir.path(), testing::workstation()).value();
            orphan = store->attachments().put("left behind by a crash").value();
            Draft draft;
            draft.summary.clerk = u"clerk-042"_s;
            draft.summary.title = u"公共场所卫生许可"_s;
            draft.summary.created = draft.summary.updated = QDateTime::currentDateTimeUtc();
            draft.scans = {missing};
            QVERIFY(DraftStore(*store).keep(draft));
        }
        run = cli({u"case"_s, u"check-store"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(orphan), qPrintable(run.out));
        QVERIFY2(run.out.contains(missing), qPrintable(run.out));
        run = cli({u"case"_s, u"check-store"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!json(run).value(u"sound"_s).toBool());
        QCOMPARE(json(run).value(u"orphanScans"_s).toArray(), QJsonArray {orphan});
        QCOMPARE(json(run).value(u"missingScans"_s).toArray(), QJsonArray {missing});

        // Once the orphan is removed and the draft discarded the store is sound again.
        {
            auto store = CaseStore::open(m_dir.path(), testing::workstation()).value();
            QVERIFY(QFile::remove(store->attachments().pathFor(orphan)));
            DraftStore drafts(*store);
            // Kept in a variable: a range-for over list().value() would read a destroyed temporary.
            const QList<DraftSummary> listed = drafts.list().value();
            for (const DraftSummary &d : listed)
                QVERIFY(drafts.discard(d.id));
        }
        QCOMPARE(cli({u"case"_s, u"check-store"_s}).exitCode, 0);
        QCOMPARE(cli({u"case"_s, u"check-store"_s, u"--help"_s}).exitCode, 0);
    }

    void usageErrors()
    {
        QCOMPARE(cli({u"case"_s}).exitCode, 2);
        QCOMPARE(cli({u"case"_s, u"frobnicate"_s}).exitCode, 2);
        QCOMPARE(cli({u"audit"_s, u"fix"_s}).exitCode, 2);
        QCOMPARE(cli({u"case"_s, u"show"_s}).exitCode, 2);
        QCOMPARE(cli({u"case"_s, u"list"_s, u"--help"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCaseCommand)
#include "tst_caseCommand.moc"
