#include "XlsxTestFile.h"
#include "catalogue/CatalogueLoader.h"
#include "cli/CliApplication.h"
#include "tableimport/ImportPlanner.h"
#include "tableimport/ImportText.h"
#include "tableimport/ImportWriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::tableimport;
using ow::cli::CliApplication;
using ow::cli::Console;

namespace {

const QString kDemo = QStringLiteral(OW_SOURCE_DIR "/resources/catalogue/demo");
const QString kHotelTable = QStringLiteral(OW_TEST_DATA_DIR "/tableimport/hotel-permit.csv");
const QString kHotel = QStringLiteral("330302-GA-001");
const QString kHeader
    = QString::fromUtf8("序号,材料名称,所属情形,来源渠道,形式审查要点,是否容缺,内容审查要点,空表,示例\n");

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(path);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(path, target))
            return false;
    }
    return true;
}

/// Every file of the folder with the SHA-256 of its bytes.
QMap<QString, QByteArray> fingerprint(const QString &folder)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(folder).relativeFilePath(path),
                QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256));
    }
    return files;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QStringList materialsOf(const QJsonObject &walk)
{
    QStringList ids;
    for (const QJsonValue &line : walk.value(QStringLiteral("checklist")).toArray())
        ids.append(line.toObject().value(QStringLiteral("material")).toString());
    return ids;
}

} // namespace

/// Importing a department's material table into a matter: the plan, the rows refused with their
/// reasons, all or nothing, the lint before writing, and the files it leaves untouched.
class TestTableImport : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
        QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
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

    static Run import(const QString &table, const QString &catalogue, const QStringList &extra = {})
    {
        return cli(QStringList {QStringLiteral("catalogue"), QStringLiteral("import-table"), table,
                       QStringLiteral("--catalogue"), catalogue, QStringLiteral("--matter"), kHotel}
            + extra);
    }

    static Run walk(const QString &catalogue, const QStringList &answers)
    {
        QStringList arguments {QStringLiteral("catalogue"), QStringLiteral("walk"), catalogue,
            QStringLiteral("--matter"), kHotel, QStringLiteral("--json")};
        for (const QString &answer : answers)
            arguments << QStringLiteral("--answer") << answer;
        return cli(arguments);
    }

    /// A fresh copy of the demo catalogue.
    std::unique_ptr<QTemporaryDir> demoCopy()
    {
        auto dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid() || !copyTree(kDemo, dir->path()))
            qFatal("no copy of the demo catalogue");
        return dir;
    }

    /// A CSV of the header and these rows in the folder; its path.
    static QString table(const QTemporaryDir &dir, const QString &rows)
    {
        const QString path = dir.filePath(QStringLiteral("table.csv"));
        writeFile(path, (kHeader + rows).toUtf8());
        return path;
    }

private Q_SLOTS:
    void importsTheHotelTable()
    {
        const auto dir = demoCopy();
        const QString catalogue = dir->path();
        const QMap<QString, QByteArray> before = fingerprint(catalogue);
        const QByteArray matterBefore = readAll(catalogue + QStringLiteral("/matters/330302-GA-001.txt"));

        const Run run = import(kHotelTable, catalogue, {QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonObject plan = run.json();
        QCOMPARE(plan.value(QStringLiteral("headerRow")).toInt(), 2); // under the title row
        QCOMPARE(plan.value(QStringLiteral("rowsRead")).toInt(), 6);
        QVERIFY(plan.value(QStringLiteral("refused")).toArray().isEmpty());

        QStringList created;
        QStringList reused;
        for (const QJsonValue &value : plan.value(QStringLiteral("materials")).toArray()) {
            const QJsonObject material = value.toObject();
            (material.value(QStringLiteral("action")).toString() == u"create" ? created : reused)
                .append(material.value(QStringLiteral("id")).toString());
        }
        QCOMPARE(created,
            QStringList({QStringLiteral("xiao-fang-an-quan-cheng-nuo-shu"),
                QStringLiteral("lv-guan-xiao-fang-an-quan-guan-li-zhi-du"),
                QStringLiteral("fang-wu-chan-quan-ren-tong-yi-zhuan-zu-zheng-ming")}));
        QCOMPARE(reused,
            QStringList({QStringLiteral("hotel-police-form"), QStringLiteral("id-card"),
                QStringLiteral("agent-id-card")}));

        // Row 1 and row 6 ask nothing the matter does not already ask: left as they are, and said so.
        const QJsonArray notes = plan.value(QStringLiteral("notes")).toArray();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.at(0).toObject().value(QStringLiteral("row")).toInt(), 3);
        QCOMPARE(notes.at(1).toObject().value(QStringLiteral("row")).toInt(), 8);

        const QJsonArray requirements = plan.value(QStringLiteral("requirements")).toArray();
        QCOMPARE(requirements.size(), 4);
        // The library's 居民身份证 keeps its definition; the table's extra point goes on the line.
        const QJsonObject idCard = requirements.at(0).toObject();
        QCOMPARE(idCard.value(QStringLiteral("material")).toString(), QStringLiteral("id-card"));
        QCOMPARE(idCard.value(QStringLiteral("when")).toString(), QString());
        QCOMPARE(idCard.value(QStringLiteral("reviewPoints")).toArray().size(), 1);
        QCOMPARE(requirements.at(1).toObject().value(QStringLiteral("when")).toString(),
            QStringLiteral("premises = rented"));

        // Written: one new material file, the matter's file with lines added at its end; nothing else.
        QCOMPARE(run.json().value(QStringLiteral("written")).toArray().size(), 2);
        const QMap<QString, QByteArray> after = fingerprint(catalogue);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (it.key() != u"matters/330302-GA-001.txt")
                QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
        QCOMPARE(after.size(), before.size() + 1);
        QVERIFY(after.contains(QStringLiteral("materials/imported-330302-GA-001.txt")));
        const QByteArray matterAfter = readAll(catalogue + QStringLiteral("/matters/330302-GA-001.txt"));
        QVERIFY(matterAfter.startsWith(matterBefore));
        QVERIFY(
            matterAfter.contains("  require xiao-fang-an-quan-cheng-nuo-shu\n    when: premises = rented\n"));
        const QByteArray materials
            = readAll(catalogue + QStringLiteral("/materials/imported-330302-GA-001.txt"));
        QVERIFY(materials.contains(
            "material xiao-fang-an-quan-cheng-nuo-shu: 消防安全承诺书\n  category: pledge\n"));
        QVERIFY(materials.contains("  form-point form-1: 法定代表人签字并加盖公章\n"));
        QVERIFY(materials.contains("  content-point content-2: 承诺人与营业执照一致\n"));
        QVERIFY(materials.contains("  blank-form: forms/fire-pledge.txt\n"));
        QVERIFY(materials.contains("  sample: samples/lease-contract.png\n"));
        QVERIFY(materials.contains("  waivable: yes\n"));

        // The folder lints without errors, and the matter's checklists have the new lines where the
        // table says: 租用 brings the pledge and the consent, 自有 does not.
        const Run lint
            = cli({QStringLiteral("catalogue"), QStringLiteral("lint"), catalogue, QStringLiteral("--json")});
        QCOMPARE(lint.json().value(QStringLiteral("errors")).toInt(), 0);
        const QStringList rented = materialsOf(
            walk(catalogue, {QStringLiteral("premises=rented"), QStringLiteral("agent=self")}).json());
        QVERIFY(rented.contains(QStringLiteral("xiao-fang-an-quan-cheng-nuo-shu")));
        QVERIFY(rented.contains(QStringLiteral("fang-wu-chan-quan-ren-tong-yi-zhuan-zu-zheng-ming")));
        QVERIFY(rented.contains(QStringLiteral("lv-guan-xiao-fang-an-quan-guan-li-zhi-du")));
        QVERIFY(rented.contains(QStringLiteral("lease-contract")));
        const QStringList own = materialsOf(
            walk(catalogue, {QStringLiteral("premises=own"), QStringLiteral("agent=self")}).json());
        QVERIFY(!own.contains(QStringLiteral("xiao-fang-an-quan-cheng-nuo-shu")));
        QVERIFY(!own.contains(QStringLiteral("fang-wu-chan-quan-ren-tong-yi-zhuan-zu-zheng-ming")));
        QVERIFY(own.contains(QStringLiteral("lv-guan-xiao-fang-an-quan-guan-li-zhi-du")));
        QCOMPARE(own.count(QStringLiteral("id-card")), 1); // one line, with every reason

        // The same table again finds everything in place: nothing to write, every row said so.
        const QMap<QString, QByteArray> imported = fingerprint(catalogue);
        const Run again = import(kHotelTable, catalogue, {QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.json().value(QStringLiteral("requirements")).toArray().isEmpty());
        QCOMPARE(again.json().value(QStringLiteral("notes")).toArray().size(), 6);
        QCOMPARE(fingerprint(catalogue), imported);

        // A later table with a new material gets a material file of its own; the first is not touched.
        const Run later = import(
            table(*dir, QString::fromUtf8("1,旅客住宿登记系统安装证明,全部,公安局,原件纸质1,否,/,/,/\n")),
            catalogue, {QStringLiteral("--json")});
        QVERIFY2(later.exitCode == 0, qPrintable(later.out + later.err));
        QCOMPARE(later.json().value(QStringLiteral("written")).toArray().at(0).toString(),
            QStringLiteral("materials/imported-330302-GA-001-2.txt"));
        QCOMPARE(fingerprint(catalogue).value(QStringLiteral("materials/imported-330302-GA-001.txt")),
            imported.value(QStringLiteral("materials/imported-330302-GA-001.txt")));
    }

    void xlsxImportsAsTheCsvDoes()
    {
        const auto dir = demoCopy();
        const ow::Result<MaterialTable> csv = readTableFile(kHotelTable);
        QVERIFY(csv);
        QList<QStringList> rows;
        for (const TableRow &row : csv->rows)
            rows.append(row.cells);
        const QString xlsx = dir->filePath(QStringLiteral("hotel-permit.xlsx"));
        QVERIFY(writeFile(xlsx, XlsxTestFile::simpleWorkbook(rows, QString::fromUtf8("材料清单"))));

        const Run fromCsv
            = import(kHotelTable, dir->path(), {QStringLiteral("--dry-run"), QStringLiteral("--json")});
        const Run fromXlsx = import(xlsx, dir->path(),
            {QStringLiteral("--dry-run"), QStringLiteral("--json"), QStringLiteral("--sheet"),
                QString::fromUtf8("材料清单")});
        QVERIFY2(fromXlsx.exitCode == 0, qPrintable(fromXlsx.out + fromXlsx.err));
        QCOMPARE(fromXlsx.json().value(QStringLiteral("sheet")).toString(), QString::fromUtf8("材料清单"));
        for (const char *key : {"materials", "requirements", "notes", "refused"})
            QCOMPARE(fromXlsx.json().value(QLatin1String(key)), fromCsv.json().value(QLatin1String(key)));
    }

    void dryRunWritesNothing()
    {
        const auto dir = demoCopy();
        const QMap<QString, QByteArray> before = fingerprint(dir->path());
        const Run run = import(kHotelTable, dir->path(), {QStringLiteral("--dry-run")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("xiao-fang-an-quan-cheng-nuo-shu")));
        QVERIFY(run.out.contains(QStringLiteral("materials/imported-330302-GA-001.txt")));
        QCOMPARE(fingerprint(dir->path()), before);
    }

    void refusedRowsWriteNothing_data()
    {
        QTest::addColumn<QString>("rows");
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown option words")
            << QString::fromUtf8("1,消防安全承诺书,租用或借用、合租,申请人自备,原件纸质1,否,/,/,/\n") << 2
            << QString::fromUtf8("所属情形 (C)") << QString::fromUtf8("「借用」、「合租」");
        QTest::newRow("unknown waiver word")
            << QString::fromUtf8("1,消防安全承诺书,租用,申请人自备,原件纸质1,待定,/,/,/\n") << 2
            << QString::fromUtf8("是否容缺 (F)") << QString::fromUtf8("待定");
        QTest::newRow("blank form not in the folder")
            << QString::fromUtf8("1,消防安全承诺书,租用,申请人自备,原件纸质1,否,/,承诺书.docx,/\n") << 2
            << QString::fromUtf8("空表 (H)") << QStringLiteral("forms/承诺书.docx");
        QTest::newRow("sample outside the folder")
            << QString::fromUtf8("1,消防安全承诺书,租用,申请人自备,原件纸质1,否,/,/,../../x.png\n") << 2
            << QString::fromUtf8("示例 (I)") << QStringLiteral("samples/");
        QTest::newRow("sample not an image")
            << QString::fromUtf8("1,消防安全承诺书,租用,申请人自备,原件纸质1,否,/,/,notes.txt\n") << 2
            << QString::fromUtf8("示例 (I)") << QStringLiteral("PNG");
        QTest::newRow("sample cut short")
            << QString::fromUtf8("1,消防安全承诺书,租用,申请人自备,原件纸质1,否,/,/,cut.png\n") << 2
            << QString::fromUtf8("示例 (I)") << QStringLiteral("samples/cut.png");
        QTest::newRow("same material twice for one situation")
            << QString::fromUtf8("1,消防安全承诺书,租用,申请人自备,原件纸质1,否,/,/,/\n"
                                 "2,消防安全承诺书,租用,申请人自备,原件纸质1,否,/,/,/\n")
            << 3 << QString() << QString::fromUtf8("rows 3 and 4");
        QTest::newRow("same material described differently")
            << QString::fromUtf8("1,消防安全承诺书,租用,申请人自备,原件纸质1,否,/,/,/\n"
                                 "2,消防安全承诺书,自有房产,街道办事处,原件纸质1,否,/,/,/\n")
            << 3 << QString::fromUtf8("来源渠道 (D)") << QStringLiteral("row 3");
        QTest::newRow("row without a material")
            << QString::fromUtf8("1,消防安全承诺书,租用,申请人自备,原件纸质1,否,/,/,/\n2,,租用,,,,,,\n") << 3
            << QString::fromUtf8("材料名称 (B)") << QStringLiteral("no material");
        QTest::newRow("condition on an unknown question")
            << QString::fromUtf8("1,消防安全承诺书,floors >= 3,申请人自备,原件纸质1,否,/,/,/\n") << 2
            << QString::fromUtf8("所属情形 (C)") << QStringLiteral("floors");
    }
    void refusedRowsWriteNothing()
    {
        QFETCH(QString, rows);
        QFETCH(int, row);
        QFETCH(QString, column);
        QFETCH(QString, says);
        const auto dir = demoCopy();
        const QByteArray png = readAll(dir->filePath(QStringLiteral("samples/id-card.png")));
        QVERIFY(writeFile(dir->filePath(QStringLiteral("samples/cut.png")), png.left(png.size() / 2)));
        QVERIFY(writeFile(dir->filePath(QStringLiteral("samples/notes.txt")), "notes"));
        // A good row too: nothing of it is written either.
        const QString path = table(
            *dir, QString::fromUtf8("0,旅馆消防安全管理制度,全部,申请人自备,原件纸质1,否,/,/,/\n") + rows);
        const QMap<QString, QByteArray> before = fingerprint(dir->path());

        const Run run = import(path, dir->path(), {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray refused = run.json().value(QStringLiteral("refused")).toArray();
        QCOMPARE(refused.size(), 1);
        const QJsonObject refusal = refused.at(0).toObject();
        QCOMPARE(refusal.value(QStringLiteral("row")).toInt(), row + 1); // the good row comes first
        QCOMPARE(refusal.value(QStringLiteral("column")).toString(), column);
        QVERIFY2(refusal.value(QStringLiteral("reason")).toString().contains(says),
            qPrintable(refusal.value(QStringLiteral("reason")).toString()));
        QVERIFY(run.json().value(QStringLiteral("written")).toArray().isEmpty());
        QCOMPARE(fingerprint(dir->path()), before);

        // The text form says the same, and that nothing was written.
        const Run text = import(path, dir->path());
        QCOMPARE(text.exitCode, 1);
        QVERIFY(text.out.contains(QStringLiteral("row %1").arg(row + 1)));
        QVERIFY(text.out.contains(QStringLiteral("Nothing was written")));
    }

    void tableFaultsStopBeforeAnyRow_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("header only") << kHeader.toUtf8() << QStringLiteral("no material rows");
        QTest::newRow("no situation column")
            << QString::fromUtf8("序号,材料名称,来源渠道\n1,户口本,公安局\n").toUtf8()
            << QString::fromUtf8("所属情形");
        QTest::newRow("wrong encoding") << QByteArray("\xB2\xC4\xC1\xCF\x80\n") << QStringLiteral("GB18030");
        QTest::newRow("cut-short xlsx")
            << XlsxTestFile::simpleWorkbook({{QStringLiteral("a")}}).left(100) << QStringLiteral("cut short");
    }
    void tableFaultsStopBeforeAnyRow()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        const auto dir = demoCopy();
        const QString path = dir->filePath(QStringLiteral("table.csv"));
        QVERIFY(writeFile(path, bytes));
        const QMap<QString, QByteArray> before = fingerprint(dir->path());
        const Run run = import(path, dir->path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        const Run json = import(path, dir->path(), {QStringLiteral("--json")});
        QVERIFY(json.json().value(QStringLiteral("error")).toString().contains(says));
        QCOMPARE(fingerprint(dir->path()), before);
    }

    void lintErrorsWriteNothing()
    {
        // `has` on a single-choice question: the row maps, but the catalogue would not lint.
        const auto dir = demoCopy();
        const QString path = table(
            *dir, QString::fromUtf8("1,消防安全承诺书,premises has rented,申请人自备,原件纸质1,否,/,/,/\n"));
        const QMap<QString, QByteArray> before = fingerprint(dir->path());
        const Run run = import(path, dir->path(), {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray errors
            = run.json().value(QStringLiteral("lint")).toObject().value(QStringLiteral("errors")).toArray();
        QVERIFY(!errors.isEmpty());
        QCOMPARE(
            errors.at(0).toObject().value(QStringLiteral("rule")).toString(), QStringLiteral("condition"));
        QCOMPARE(errors.at(0).toObject().value(QStringLiteral("file")).toString(),
            QStringLiteral("matters/330302-GA-001.txt"));
        QCOMPARE(fingerprint(dir->path()), before);
    }

    void reusedMaterialGetsTheTablesDifferences()
    {
        // 营业执照 is a copy in the library; this matter's table asks for two originals and allows a waiver.
        const auto dir = demoCopy();
        const QString path = table(*dir,
            QString::fromUtf8("1,营业执照,租用,市场监督管理局,原件纸质2,是,核对经营范围含住宿服务,/,/\n"
                              "2,单位介绍信,基本材料,数据共享,原件,否,/,/,/\n"));
        const Run run = import(path, dir->path(), {QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonObject line = run.json().value(QStringLiteral("requirements")).toArray().at(0).toObject();
        QCOMPARE(line.value(QStringLiteral("material")).toString(), QStringLiteral("business-licence"));
        QCOMPARE(line.value(QStringLiteral("form")).toString(), QStringLiteral("original"));
        QCOMPARE(line.value(QStringLiteral("copies")).toInt(), 2);
        QCOMPARE(line.value(QStringLiteral("waivable")).toBool(), true);
        const QByteArray matter = readAll(dir->filePath(QStringLiteral("matters/330302-GA-001.txt")));
        QVERIFY(matter.contains(
            "  require business-licence\n    when: premises = rented\n    form: original\n    copies: 2\n"
            "    waivable: yes\n    content-point content-1: 核对经营范围含住宿服务\n"));
        // 数据共享 as the source: the hall fetches it; the material says so.
        QVERIFY(readAll(dir->filePath(QStringLiteral("materials/imported-330302-GA-001.txt")))
                    .contains("  data-shared: yes\n"));
    }

    void insertionKeepsEveryOtherByte()
    {
        // Two matters in one file, Windows line ends, a comment at column 0 before the second matter.
        const QByteArray text
            = "\xEF\xBB\xBF# first\r\nmatter A: a\r\n  department: d\r\n  # last line of A\r\n\r\n"
              "# about B\r\nmatter B: b\r\n  department: d";
        const ow::Result<QByteArray> intoA
            = ImportText::insertIntoBlock(text, 2, QStringLiteral("  require x\n"));
        QVERIFY(intoA);
        QCOMPARE(*intoA,
            QByteArray("\xEF\xBB\xBF# first\r\nmatter A: a\r\n  department: d\r\n  # last line of A\r\n  "
                       "require x\r\n\r\n"
                       "# about B\r\nmatter B: b\r\n  department: d"));
        const ow::Result<QByteArray> intoB
            = ImportText::insertIntoBlock(text, 7, QStringLiteral("  require y\n"));
        QVERIFY(intoB);
        QCOMPARE(*intoB, text + "\r\n  require y\r\n");
    }

    void folderChangedSincePlanningWritesNothing()
    {
        const auto dir = demoCopy();
        const ow::Result<ow::catalogue::CataloguePtr> catalogue
            = ow::catalogue::CatalogueLoader::loadOrError(dir->path());
        QVERIFY(catalogue);
        const ow::Result<MaterialTable> table = readTableFile(kHotelTable);
        QVERIFY(table);
        const ow::Result<ImportPlan> plan
            = ImportPlanner(*catalogue).plan(*table, kHotel, QStringLiteral("hotel-permit.csv"));
        QVERIFY(plan);
        QVERIFY(plan->writable());
        // Someone saves the matter in the meantime.
        const QString matter = dir->filePath(QStringLiteral("matters/330302-GA-001.txt"));
        QVERIFY(writeFile(matter, readAll(matter) + "\n"));
        const QMap<QString, QByteArray> before = fingerprint(dir->path());
        const ow::Result<ImportResult> result = ImportWriter::apply(*plan, dir->path(), true);
        QVERIFY(!result);
        QVERIFY(result.error().message().contains(QStringLiteral("changed")));
        QCOMPARE(fingerprint(dir->path()), before);
    }

    void unknownMatterIsAUsageError()
    {
        const Run run = cli({QStringLiteral("catalogue"), QStringLiteral("import-table"), kHotelTable,
            QStringLiteral("--catalogue"), kDemo, QStringLiteral("--matter"),
            QStringLiteral("330302-XX-999")});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(cli({QStringLiteral("catalogue"), QStringLiteral("import-table"), kHotelTable}).exitCode, 2);
        const Run help
            = cli({QStringLiteral("catalogue"), QStringLiteral("import-table"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("--dry-run")));
    }
};

QTEST_GUILESS_MAIN(TestTableImport)
#include "tst_tableImport.moc"
