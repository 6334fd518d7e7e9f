#include "cli/CliApplication.h"
#include "cli/QuizCommand.h"

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
const QString kPractice = QStringLiteral(OW_TEST_DATA_DIR "/practice");
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
        for (const char *sub : {"lint", "paths", "diff", "walk", "search", "quiz"})
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

    void walkRejectsANumberOutOfRange()
    {
        // area has min 0: -5 was dropped and the question reported as "not asked".
        const Run run = cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic,
            QStringLiteral("--matter"), QStringLiteral("M1"), QStringLiteral("--answer"),
            QStringLiteral("place=bath"), QStringLiteral("--answer"), QStringLiteral("area=-5")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("at least 0")) && run.err.contains(QStringLiteral("-5")),
            qPrintable(run.err));
    }

    void walkRejectsTheSameQuestionTwice()
    {
        const Run run = cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic,
            QStringLiteral("--matter"), QStringLiteral("M1"), QStringLiteral("--answer"),
            QStringLiteral("place=bath"), QStringLiteral("--answer"), QStringLiteral("place=hotel")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("'place'")) && run.err.contains(QStringLiteral("twice")),
            qPrintable(run.err));
    }

    void walkABundle()
    {
        const Run run
            = cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic, QStringLiteral("--bundle"),
                QStringLiteral("open-shop"), QStringLiteral("--answer"), QStringLiteral("premises=rented"),
                QStringLiteral("--answer"), QStringLiteral("M2:scale=large"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = json(run);
        QCOMPARE(result.value(QStringLiteral("bundle")).toString(), QStringLiteral("open-shop"));
        QVERIFY(result.value(QStringLiteral("complete")).toBool());
        const QJsonArray matters = result.value(QStringLiteral("matters")).toArray();
        QCOMPARE(matters.size(), 2);
        QCOMPARE(matters.at(0).toObject().value(QStringLiteral("presets")).toArray().at(0).toString(),
            QStringLiteral("place"));
        // id-card: handed in once for both matters; licence: only the large shop needs it.
        QHash<QString, QStringList> servedBy;
        for (const QJsonValue &line : result.value(QStringLiteral("checklist")).toArray()) {
            QStringList codes;
            for (const QJsonValue &code : line.toObject().value(QStringLiteral("matters")).toArray())
                codes.append(code.toString());
            servedBy.insert(line.toObject().value(QStringLiteral("material")).toString(), codes);
        }
        QCOMPARE(servedBy.value(QStringLiteral("id-card")),
            (QStringList {QStringLiteral("M1"), QStringLiteral("M2")}));
        QCOMPARE(servedBy.value(QStringLiteral("licence")), QStringList {QStringLiteral("M2")});
        QCOMPARE(servedBy.value(QStringLiteral("lease")), QStringList {QStringLiteral("M1")});

        const Run text = cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic,
            QStringLiteral("--bundle"), QStringLiteral("open-shop")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("for: M1, M2")), qPrintable(text.out));
        // The bundle fixes place; a second answer to it, or to a question no matter asks, is an error.
        QCOMPARE(
            cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic, QStringLiteral("--bundle"),
                    QStringLiteral("open-shop"), QStringLiteral("--answer"), QStringLiteral("place=bath")})
                .exitCode,
            2);
        QCOMPARE(
            cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic, QStringLiteral("--bundle"),
                    QStringLiteral("open-shop"), QStringLiteral("--answer"), QStringLiteral("colour=red")})
                .exitCode,
            2);
        QCOMPARE(cli({QStringLiteral("catalogue"), QStringLiteral("walk"), kBasic, QStringLiteral("--bundle"),
                         QStringLiteral("nope")})
                     .exitCode,
            2);
    }

    void pathsListsBundles()
    {
        const Run run = cli({QStringLiteral("catalogue"), QStringLiteral("paths"), kBasic,
            QStringLiteral("--bundle"), QStringLiteral("open-shop"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject result = json(run);
        QVERIFY(!result.contains(QStringLiteral("matters")));
        const QJsonArray bundles = result.value(QStringLiteral("bundles")).toArray();
        QCOMPARE(bundles.size(), 1);
        // place is fixed to hotel: premises (4 answers) × scale (2).
        const QJsonArray situations = bundles.at(0).toObject().value(QStringLiteral("situations")).toArray();
        QCOMPARE(situations.size(), 8);
        for (const QJsonValue &situation : situations) {
            const QJsonArray matters = situation.toObject().value(QStringLiteral("matters")).toArray();
            QCOMPARE(matters.size(), 2);
            QVERIFY(matters.at(0)
                        .toObject()
                        .value(QStringLiteral("key"))
                        .toString()
                        .startsWith(QStringLiteral("place=hotel")));
            for (const QJsonValue &line : situation.toObject().value(QStringLiteral("checklist")).toArray())
                QVERIFY(!line.toObject().value(QStringLiteral("matters")).toArray().isEmpty());
        }
        // The matters' paths stay apart (the golden output of a release); --bundles lists every bundle.
        const Run matters = cli({QStringLiteral("catalogue"), QStringLiteral("paths"), kBasic});
        QVERIFY(!matters.out.contains(QStringLiteral("\nbundle ")));
        const Run text = cli(
            {QStringLiteral("catalogue"), QStringLiteral("paths"), kBasic, QStringLiteral("--bundles")});
        QVERIFY2(text.out.contains(QStringLiteral("\nbundle open-shop "))
                && text.out.contains(QStringLiteral("situation 8/8: M1 ")),
            qPrintable(text.out.right(2000)));
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

    /// `catalogue quiz` with `input` typed as the answers.
    static Run quiz(const QStringList &arguments, QString input)
    {
        Run run;
        {
            Console console(&run.out, &run.err);
            QTextStream in(&input, QIODevice::ReadOnly);
            run.exitCode = ow::cli::QuizCommand(console, in).run(arguments);
        }
        return run;
    }

    /// The typed answer to each question of a quiz (--json): the numbers of the materials to bring,
    /// but for `leaveOut` in the first question.
    static QString answers(const QJsonObject &quiz, const QString &leaveOut = {})
    {
        QString typed;
        bool first = true;
        for (const QJsonValue &value : quiz.value(QStringLiteral("questions")).toArray()) {
            const QJsonArray choices = value.toObject().value(QStringLiteral("choices")).toArray();
            const QJsonArray required = value.toObject().value(QStringLiteral("required")).toArray();
            QStringList numbers;
            for (int c = 0; c < choices.size(); ++c) {
                const QString id = choices.at(c).toObject().value(QStringLiteral("material")).toString();
                if (required.contains(id) && !(first && id == leaveOut))
                    numbers.append(QString::number(c + 1));
            }
            typed += numbers.join(QLatin1Char(' ')) + QLatin1Char('\n');
            first = false;
        }
        return typed;
    }

    void quizJsonIsTheSeededQuizWithItsKey()
    {
        const QStringList arguments {kPractice, QStringLiteral("--matter"), QStringLiteral("H-001"),
            QStringLiteral("--matter"), QStringLiteral("T-001"), QStringLiteral("--questions"),
            QStringLiteral("4"), QStringLiteral("--seed"), QStringLiteral("8"), QStringLiteral("--json")};
        const Run run = quiz(arguments, {});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject object = json(run);
        QCOMPARE(object.value(QStringLiteral("seed")).toInt(), 8);
        const QJsonArray questions = object.value(QStringLiteral("questions")).toArray();
        QCOMPARE(questions.size(), 4);
        for (const QJsonValue &value : questions) {
            const QJsonObject question = value.toObject();
            QVERIFY(QStringList({QStringLiteral("H-001"), QStringLiteral("T-001")})
                        .contains(question.value(QStringLiteral("subject")).toString()));
            QVERIFY(!question.value(QStringLiteral("required")).toArray().isEmpty());
            QVERIFY(question.value(QStringLiteral("choices")).toArray().size()
                > question.value(QStringLiteral("required")).toArray().size());
        }
        QCOMPARE(quiz(arguments, {}).out, run.out); // the same seed, the same quiz
    }

    void quizTextRunMarksTheAnswers()
    {
        const QStringList arguments {kPractice, QStringLiteral("--matter"), QStringLiteral("H-001"),
            QStringLiteral("--questions"), QStringLiteral("2"), QStringLiteral("--seed"),
            QStringLiteral("2")};
        const QJsonObject key = json(quiz(arguments + QStringList {QStringLiteral("--json")}, {}));
        const Run right = quiz(arguments, answers(key));
        QCOMPARE(right.exitCode, 0);
        QVERIFY2(right.out.contains(QStringLiteral("passed")), qPrintable(right.out));
        QVERIFY(right.out.contains(QStringLiteral("经营场所属于哪一类？")));

        // The application form left out of the first answer: missed, with its review points.
        const Run missed = quiz(arguments, answers(key, QStringLiteral("application-form")));
        QVERIFY2(
            missed.out.contains(QStringLiteral("missed: 公共场所卫生许可申请表")), qPrintable(missed.out));
        QVERIFY(missed.out.contains(QStringLiteral("法定代表人签字并加盖公章")));
        int most = 0;
        for (const QJsonValue &question : key.value(QStringLiteral("questions")).toArray())
            most += int(question.toObject().value(QStringLiteral("required")).toArray().size());
        QVERIFY(right.out.contains(QStringLiteral("Total %1 / %1 (100%): passed").arg(most)));
        QVERIFY(missed.out.contains(QStringLiteral("Total %1 / %2 (").arg(most - 1).arg(most)));
    }

    void quizAsksAgainForANumberNotInTheList()
    {
        const QStringList arguments {kPractice, QStringLiteral("--matter"), QStringLiteral("T-001"),
            QStringLiteral("--questions"), QStringLiteral("1"), QStringLiteral("--seed"),
            QStringLiteral("1")};
        const QJsonObject key = json(quiz(arguments + QStringList {QStringLiteral("--json")}, {}));
        const Run run = quiz(arguments, QStringLiteral("99\n") + answers(key));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("'99' is not a number of the list")));
        // Extra picks cost a point each: every number ticked fails.
        const Run all = quiz(arguments, QStringLiteral("1 2 3 4 5 6\n"));
        QCOMPARE(all.exitCode, 1);
        QVERIFY(all.out.contains(QStringLiteral("not to be brought: ")));
    }

    void quizStopsWhenTheInputEnds()
    {
        const Run none = quiz({kPractice, QStringLiteral("--seed"), QStringLiteral("1")}, {});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.out.contains(QStringLiteral("The input ended: 0 of 10 questions answered.")));
        const Run bad = quiz({kPractice, QStringLiteral("--questions"), QStringLiteral("0")}, {});
        QCOMPARE(bad.exitCode, 2);
        const Run unknown = quiz({kPractice, QStringLiteral("--matter"), QStringLiteral("X-1")}, {});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("X-1")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
