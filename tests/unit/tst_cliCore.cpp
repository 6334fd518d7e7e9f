#include "cli/CliApplication.h"
#include "cli/Console.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using ow::cli::CliApplication;
using ow::cli::Console;

/// onewindow-cli validate … and calendar …: exit codes, text and JSON output, errors.
class TestCliCore : public QObject
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

    static QStringList args(std::initializer_list<const char *> list)
    {
        QStringList result;
        for (const char *item : list)
            result.append(QString::fromUtf8(item));
        return result;
    }

private Q_SLOTS:
    void helpEverywhere_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("validate") << args({"validate", "--help"});
        QTest::newRow("add-workdays") << args({"calendar", "add-workdays", "--help"});
        QTest::newRow("is-workday") << args({"calendar", "is-workday", "--help"});
        QTest::newRow("list") << args({"calendar", "list", "--help"});
    }
    void helpEverywhere()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("--json")));
    }

    void topLevelUsageNamesTheCommands()
    {
        const Run run = cli(args({"--help"}));
        QVERIFY(run.out.contains(QStringLiteral("validate id|uscc|phone")));
        QVERIFY(run.out.contains(QStringLiteral("calendar add-workdays")));
    }

    void validateId()
    {
        const Run valid = cli(args({"validate", "id", "11010519491231002x"}));
        QCOMPARE(valid.exitCode, 0);
        QVERIFY(valid.out.contains(QStringLiteral("11010519491231002X")));
        QVERIFY(valid.out.contains(QStringLiteral("1949-12-31")));
        QVERIFY(valid.out.contains(QStringLiteral("北京市朝阳区")));
        QVERIFY(valid.out.contains(QStringLiteral("female")));

        const Run invalid = cli(args({"validate", "id", "110105194912310021"}));
        QCOMPARE(invalid.exitCode, 1);
        QVERIFY(invalid.out.contains(QStringLiteral("should be 'X'")));

        const QJsonObject object = json(cli(args({"validate", "id", "360426199101010071", "--json"})));
        QCOMPARE(object.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(object.value(QStringLiteral("sex")).toString(), QStringLiteral("male"));
        QCOMPARE(object.value(QStringLiteral("areaCode")).toString(), QStringLiteral("360426"));
        QCOMPARE(object.value(QStringLiteral("masked")).toString(), QStringLiteral("3604**********0071"));

        const QJsonObject warned = json(cli(args({"validate", "id", "999999199001011238", "--json"})));
        QCOMPARE(warned.value(QStringLiteral("valid")).toBool(), true);
        QCOMPARE(warned.value(QStringLiteral("warnings")).toArray().size(), 1);
    }

    void validateCreditCode()
    {
        const Run valid = cli(args({"validate", "uscc", "91110108551385082Q"}));
        QCOMPARE(valid.exitCode, 0);
        QVERIFY(valid.out.contains(QStringLiteral("market regulation")));
        QVERIFY(valid.out.contains(QStringLiteral("北京市海淀区")));

        const Run invalid = cli(args({"validate", "uscc", "91110108551385082R", "--json"}));
        QCOMPARE(invalid.exitCode, 1);
        const QJsonObject object = json(invalid);
        QCOMPARE(object.value(QStringLiteral("valid")).toBool(), false);
        QVERIFY(object.value(QStringLiteral("reason")).toString().contains(QStringLiteral("'Q'")));
    }

    void validatePhone()
    {
        const QJsonObject object = json(cli(args({"validate", "phone", "0577-88881234", "--json"})));
        QCOMPARE(object.value(QStringLiteral("type")).toString(), QStringLiteral("landline"));
        QCOMPARE(object.value(QStringLiteral("areaCode")).toString(), QStringLiteral("0577"));
        QCOMPARE(cli(args({"validate", "phone", "1381234567"})).exitCode, 1);
    }

    void validateUsageErrors()
    {
        QCOMPARE(cli(args({"validate", "passport", "E12345678"})).exitCode, 2);
        QCOMPARE(cli(args({"validate", "id"})).exitCode, 2);
        QCOMPARE(cli(args({"validate", "id", "1", "--bogus"})).exitCode, 2);
    }

    void addWorkdays()
    {
        const Run run = cli(args({"calendar", "add-workdays", "2025-09-30", "1"}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("2025-10-09")));
        QVERIFY(run.out.contains(QStringLiteral("CN-2025.1+CN-2026.1")));

        const QJsonObject back = json(cli(args({"calendar", "add-workdays", "2026-02-24", "-1", "--json"})));
        QCOMPARE(back.value(QStringLiteral("date")).toString(), QStringLiteral("2026-02-14"));
        QCOMPARE(
            back.value(QStringLiteral("calendarVersion")).toString(), QStringLiteral("CN-2025.1+CN-2026.1"));
    }

    void addWorkdaysRefusesMissingYears()
    {
        const Run run = cli(args({"calendar", "add-workdays", "2026-12-20", "10"}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("2027")));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(cli(args({"calendar", "add-workdays", "2025-02-30", "1"})).exitCode, 2);
        QCOMPARE(cli(args({"calendar", "add-workdays", "2025-03-03", "ten"})).exitCode, 2);
    }

    void isWorkday()
    {
        const Run swapped = cli(args({"calendar", "is-workday", "2026-02-14"}));
        QCOMPARE(swapped.exitCode, 0);
        QVERIFY(swapped.out.contains(QStringLiteral("春节调休上班")));
        const Run holiday = cli(args({"calendar", "is-workday", "2025-10-08", "--json"}));
        QCOMPARE(holiday.exitCode, 1);
        QCOMPARE(json(holiday).value(QStringLiteral("kind")).toString(), QStringLiteral("holiday"));
        QCOMPARE(cli(args({"calendar", "is-workday", "2027-01-04"})).exitCode, 2);
    }

    void list()
    {
        const Run run = cli(args({"calendar", "list", "2025"}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("国办发明电〔2024〕12号")));
        QVERIFY(run.out.contains(QStringLiteral("2025-10-11")));
        QVERIFY(run.out.contains(QStringLiteral("248")));
        const QJsonObject object = json(cli(args({"calendar", "list", "2026", "--json"})));
        QCOMPARE(object.value(QStringLiteral("days")).toArray().size(), 39);
        const Run missing = cli(args({"calendar", "list", "2027"}));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("2025, 2026")));
    }

    void calendarFolderOption()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("2027.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("year 2027\nversion T-2027.0\nsource draft\n2027-01-01 off 元旦\n2027-01-02 wrok 元旦\n");
        file.close();
        const Run broken = cli(QStringList {QStringLiteral("calendar"), QStringLiteral("list"),
            QStringLiteral("2027"), QStringLiteral("--calendar"), dir.path()});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.contains(QStringLiteral("2027.txt:5")), qPrintable(broken.err));
    }

    void chineseLabelsTakeTwoColumns()
    {
        QCOMPARE(ow::cli::Console::displayWidth(u"abc"), 3);
        QCOMPARE(ow::cli::Console::displayWidth(u"出生日期"), 8);
        QCOMPARE(ow::cli::Console::displayWidth(u"ＩＤ：1"), 7);
        QCOMPARE(ow::cli::Console::displayWidth(QString::fromUcs4(U"\U00020000a")), 3);
        QCOMPARE(ow::cli::Console::padded(QStringLiteral("性别:"), 8), QStringLiteral("性别:   "));
        QCOMPARE(ow::cli::Console::padded(QStringLiteral("too long"), 3), QStringLiteral("too long"));
    }
};

QTEST_GUILESS_MAIN(TestCliCore)
#include "tst_cliCore.moc"
