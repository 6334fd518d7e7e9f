#include "cli/CliApplication.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using ow::cli::CliApplication;
using ow::cli::Console;

namespace {
const QString kDemo = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");
const QString kBasic = QStringLiteral(OW_TEST_DATA_DIR "/engine/basic");
const QString kChanged = QStringLiteral(OW_TEST_DATA_DIR "/engine/changed");
} // namespace

/// onewindow-cli catalogue …: exit codes, text and JSON output, errors.
class TestCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run cli(const QStringList &arguments)
    {
        Run run;
        {
            Console console(&run.out, &run.err);
            run.exitCode
                = CliApplication().run(QStringList {QStringLiteral("onewindow-cli")} + arguments, console);
        }
        return run;
    }

    static QJsonObject json(const Run &run)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("not JSON: %s", qPrintable(run.out.left(200)));
        return doc.object();
    }

private Q_SLOTS:
    void helpEverywhere_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("top") << QStringList {QStringLiteral("--help")};
        for (const char *sub : {"lint", "paths", "diff", "walk", "search"})
            QTest::newRow(sub) << QStringList {
                QStringLiteral("catalogue"), QString::fromLatin1(sub), QStringLiteral("--help")};
    }
    void helpEverywhere()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("Usage: ")), qPrintable(run.out.left(200)));
    }

    void unknownCommandIsAUsageError()
    {
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("catalogue"), QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("catalogue"), QStringLiteral("lint")}).exitCode, 2); // DIR missing
    }

    void lintDemoIsClean()
    {
        const Run run
            = cli({QStringLiteral("catalogue"), QStringLiteral("lint"), kDemo, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = json(run);
        QCOMPARE(result.value(QStringLiteral("errors")).toInt(), 0);
        QCOMPARE(result.value(QStringLiteral("warnings")).toInt(), 0);
        const QJsonObject counts = result.value(QStringLiteral("counts")).toObject();
        QVERIFY(counts.value(QStringLiteral("matters")).toInt() >= 12);
        QVERIFY(counts.value(QStringLiteral("bundles")).toInt() >= 3);
        QVERIFY(counts.value(QStringLiteral("situations")).toInt()
            > counts.value(QStringLiteral("matters")).toInt());
    }

    void lintReportsErrorsWithFileAndLineAndExitsOne()
    {
        const QString broken = QStringLiteral(OW_TEST_DATA_DIR "/loader/condition-unknown-question");
        const Run run = cli({QStringLiteral("catalogue"), QStringLiteral("lint"), broken});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.out.contains(QStringLiteral("matters/")) && run.out.contains(QStringLiteral("[unknown-id]")),
            qPrintable(run.out));
    }

    void lintWithAnErrorStillWarnsAndCounts()
    {
        const QString folder = QStringLiteral(OW_TEST_DATA_DIR "/lint/errors-hide-nothing");
        const Run text = cli({QStringLiteral("catalogue"), QStringLiteral("lint"), folder});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(QStringLiteral("[vague-name]"))
                && text.out.contains(QStringLiteral("[question-no-effect]"))
                && text.out.contains(QStringLiteral("2 matters, 4 questions, 10 situations")),
            qPrintable(text.out));
        const Run run
            = cli({QStringLiteral("catalogue"), QStringLiteral("lint"), folder, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject result = json(run);
        QCOMPARE(result.value(QStringLiteral("errors")).toInt(), 1);
        QCOMPARE(result.value(QStringLiteral("warnings")).toInt(), 2);
        const QJsonObject counts = result.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("matters")).toInt(), 2);
        QCOMPARE(counts.value(QStringLiteral("situations")).toInt(), 10);
    }

    void lintOfAMissingFolderFails()
    {
        const Run run = cli(
            {QStringLiteral("catalogue"), QStringLiteral("lint"), QStringLiteral("/nonexistent/catalogue")});
        QCOMPARE(run.exitCode, 1);
    }

    void pathsIsDeterministic()
    {
        const Run first = cli({QStringLiteral("catalogue"), QStringLiteral("paths"), kDemo});
        const Run second = cli({QStringLiteral("catalogue"), QStringLiteral("paths"), kDemo});
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.out, second.out);
        QVERIFY(first.out.count(QStringLiteral("\nmatter ")) >= 12);
    }

    void pathsJsonForOneMatter()
    {
        const Run run = cli({QStringLiteral("catalogue"), QStringLiteral("paths"), kBasic,
            QStringLiteral("--matter"), QStringLiteral("M2"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray matters = json(run).value(QStringLiteral("matters")).toArray();
        QCOMPARE(matters.size(), 1);
        const QJsonArray situations = matters.at(0).toObject().value(QStringLiteral("situations")).toArray();
        QCOMPARE(situations.size(), 2);
        const QJsonArray large = situations.at(1).toObject().value(QStringLiteral("checklist")).toArray();
        QCOMPARE(
            large.last().toObject().value(QStringLiteral("material")).toString(), QStringLiteral("licence"));
        QCOMPARE(large.last().toObject().value(QStringLiteral("dataShared")).toBool(), true);
        QCOMPARE(cli({QStringLiteral("catalogue"), QStringLiteral("paths"), kBasic,
                         QStringLiteral("--matter"), QStringLiteral("NOPE")})
                     .exitCode,
            2);
    }

    void diffNamesGainedAndChangedMaterials()
    {
        const Run same = cli({QStringLiteral("catalogue"), QStringLiteral("diff"), kBasic, kBasic});
        QCOMPARE(same.exitCode, 0);
        const Run run = cli({QStringLiteral("catalogue"), QStringLiteral("diff"), kBasic, kChanged,
            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray changes = json(run).value(QStringLiteral("situations")).toArray();
        QCOMPARE(changes.size(), 5); // four bath situations over 150 m² (copies) + M2 large (lease)
        const QJsonObject last = changes.last().toObject();
        QCOMPARE(last.value(QStringLiteral("matter")).toString(), QStringLiteral("M2"));
        QCOMPARE(last.value(QStringLiteral("gained"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("material"))
                     .toString(),
            QStringLiteral("lease"));
    }

    void walkShowsNextQuestionAndReasons()
    {
        const Run run
            = cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic, QStringLiteral("--matter"),
                QStringLiteral("M1"), QStringLiteral("--answer"), QStringLiteral("place=bath"),
                QStringLiteral("--answer"), QStringLiteral("area=200"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = json(run);
        QCOMPARE(result.value(QStringLiteral("next")).toString(), QStringLiteral("premises"));
        QCOMPARE(result.value(QStringLiteral("complete")).toBool(), false);
        const QJsonArray checklist = result.value(QStringLiteral("checklist")).toArray();
        QCOMPARE(checklist.last().toObject().value(QStringLiteral("material")).toString(),
            QStringLiteral("fire-check"));
        const QJsonArray reasons = checklist.last().toObject().value(QStringLiteral("reasons")).toArray();
        QCOMPARE(
            reasons.at(0).toObject().value(QStringLiteral("question")).toString(), QStringLiteral("area"));
    }

    void walkRejectsABadAnswer()
    {
        const Run run
            = cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic, QStringLiteral("--matter"),
                QStringLiteral("M1"), QStringLiteral("--answer"), QStringLiteral("place=castle")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("castle")));
    }

    void searchFindsByPinyinInitials()
    {
        const Run run = cli({QStringLiteral("catalogue"), QStringLiteral("search"), kDemo,
            QStringLiteral("ggcswsxk"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray hits = json(run).value(QStringLiteral("hits")).toArray();
        QVERIFY(!hits.isEmpty());
        QVERIFY(hits.at(0)
                    .toObject()
                    .value(QStringLiteral("name"))
                    .toString()
                    .startsWith(QStringLiteral("公共场所卫生许可")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
