#include "CaseTestSupport.h"
#include "cases/CaseStore.h"
#include "cases/TransferList.h"
#include "cli/CliApplication.h"
#include "cli/Console.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace ow;
using namespace ow::cases;
using namespace ow::cli;

/// `onewindow-cli transfer`: a list made and printed for a department's waiting paper, listed as
/// JSON, confirmed with a folder missing and an extra one (flagged, exit 1, the scan escaped), and
/// refused a second time; help and usage errors.
class TestTransferCommand : public QObject
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
        arguments << u"--data-dir"_s << m_dir.filePath(u"store"_s);
        Run run;
        {
            Console console(&run.out, &run.err);
            run.exitCode = CliApplication().run(QStringList {u"onewindow-cli"_s} + arguments, console);
        }
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(u"store"_s)));
        auto store = CaseStore::open(m_dir.filePath(u"store"_s), testing::workstation()).value();
        for (int i = 0; i < 2; ++i) {
            Case c = testing::draft();
            c.departmentId = u"wj"_s;
            c.departmentName = u"区卫生健康局"_s;
            c.materialChecks[1].failedPoints.clear();
            Result<Case> created = store->createDraft(c, u"1001"_s);
            QVERIFY(created);
            Case accepted = *created;
            accepted.promisedDeadline = QDate(2026, 12, 31);
            QVERIFY(store->save(accepted, testing::caseEvent(EventKind::Accepted)));
            m_numbers.append(created->number);
        }
    }

    void helpAndUsage()
    {
        const Run help = cli({u"transfer"_s, u"print"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"--out"_s));
        const Run unknown = cli({u"transfer"_s, u"nonsense"_s});
        QCOMPARE(unknown.exitCode, 2);
        const Run noOut = cli({u"transfer"_s, u"print"_s, u"wj"_s});
        QCOMPARE(noOut.exitCode, 2);
        QVERIFY(noOut.err.contains(u"--out"_s));
        QVERIFY(cli({u"help"_s}).out.contains(u"transfer slots"_s));
    }

    void printListConfirm()
    {
        const QString out = m_dir.filePath(u"paper"_s);
        const Run printed = cli({u"transfer"_s, u"print"_s, u"wj"_s, u"--hall"_s, u"33030201"_s,
            u"--counter"_s, u"7"_s, u"--clerk"_s, u"1001"_s, u"--out"_s, out});
        QVERIFY2(printed.exitCode == 0, qPrintable(printed.err));
        QCOMPARE(QDir(out).entryList({u"*.pdf"_s}).size(), 2);

        const Run listed = cli({u"transfer"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray lists = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(lists.size(), 1);
        const QJsonObject list = lists.first().toObject();
        QCOMPARE(list.value("folders"_L1).toInt(), 2);
        QCOMPARE(list.value("confirmed"_L1).toBool(), false);
        const QString id = list.value("id"_L1).toString();
        QVERIFY(TransferList::isWellFormedId(id));

        // One folder handed over, the other missing, and a stranger's label with an escape sequence.
        const Run confirmed = cli({u"transfer"_s, u"confirm"_s, TransferList::scanText(id), u"--clerk"_s,
            u"2001"_s, u"--scan"_s, m_numbers.at(0), u"--scan"_s, u"X\x1b[31mred"_s});
        QCOMPARE(confirmed.exitCode, 1);
        QVERIFY2(confirmed.out.contains(m_numbers.at(1)), qPrintable(confirmed.out));
        QVERIFY(!confirmed.out.contains(QChar(0x1b)));

        const Run again
            = cli({u"transfer"_s, u"confirm"_s, id, u"--clerk"_s, u"2001"_s, u"--scan"_s, m_numbers.at(1)});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(!again.err.isEmpty());

        const Run after = cli({u"transfer"_s, u"list"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(after.out.toUtf8())
                     .array()
                     .first()
                     .toObject()
                     .value("confirmed"_L1)
                     .toBool(),
            true);
    }

    void confirmNeedsAClerk()
    {
        const Run run = cli({u"transfer"_s, u"confirm"_s, u"OWTL:x"_s});
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_MAIN(TestTransferCommand)
#include "tst_transferCommand.moc"
