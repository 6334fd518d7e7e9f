#include "XlsxTestFile.h"
#include "tableimport/CellValues.h"
#include "tableimport/CsvReader.h"
#include "tableimport/MaterialIdMaker.h"
#include "tableimport/MaterialTable.h"
#include "tableimport/SituationMapper.h"
#include "tableimport/TableHeader.h"
#include "tableimport/XlsxReader.h"

#include <QStringEncoder>
#include <QTest>

using namespace ow::tableimport;
using ow::catalogue::MaterialCategory;
using ow::catalogue::MaterialForm;
using ow::catalogue::Medium;

/// The readers of a department's material table: CSV as spreadsheets save it, XLSX through its ZIP
/// container, the header found by its names, and the readings of single cells.
class TestTableReaders : public QObject
{
    Q_OBJECT

    static QStringList cells(std::initializer_list<const char *> texts)
    {
        QStringList list;
        for (const char *text : texts)
            list.append(QString::fromUtf8(text));
        return list;
    }

private Q_SLOTS:
    void csvFollowsRfc4180()
    {
        // A BOM, CRLF, a quoted cell with a comma, doubled quotes and a line break, an empty record.
        const QByteArray csv = "\xEF\xBB\xBF"
                               "序号,材料名称,所属情形\r\n"
                               "1,\"居民身份证, 复印件\",基本材料\r\n"
                               "\r\n"
                               "2,\"写明\"\"法定代表人\"\"\r\n签字\",租用\n"
                               "3,户口本,\"\"";
        const ow::Result<MaterialTable> table = CsvReader::read(csv);
        QVERIFY2(table, qPrintable(table ? QString() : table.error().message()));
        QCOMPARE(table->rows.size(), 4);
        QCOMPARE(table->rows.at(0).cells, cells({"序号", "材料名称", "所属情形"}));
        QCOMPARE(table->rows.at(1).cells, cells({"1", "居民身份证, 复印件", "基本材料"}));
        QCOMPARE(table->rows.at(2).number, 4); // row 3 is empty
        QCOMPARE(table->rows.at(2).cells.at(1), QString::fromUtf8("写明\"法定代表人\"\n签字"));
        QCOMPARE(table->rows.at(3).number, 5); // the line break inside the quotes makes no row
        QCOMPARE(table->rows.at(3).cells, cells({"3", "户口本"})); // trailing empty cells dropped
    }

    void csvInGb18030IsRead()
    {
        // Excel's "CSV" on a Chinese Windows: the system code page, not UTF-8.
        QStringEncoder encoder("GB18030");
        QVERIFY(encoder.isValid());
        const QByteArray bytes = encoder.encode(QString::fromUtf8("材料名称,所属情形\n户口本,基本材料\n"));
        QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        const QString asUtf8 = utf8.decode(bytes);
        Q_UNUSED(asUtf8);
        QVERIFY(utf8.hasError()); // so it is not read as UTF-8 by chance
        const ow::Result<MaterialTable> table = CsvReader::read(bytes);
        QVERIFY(table);
        QCOMPARE(table->rows.at(1).cells, cells({"户口本", "基本材料"}));
    }

    void csvUtf16TabSeparatedIsRead()
    {
        QStringEncoder encoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
        const QByteArray bytes
            = encoder.encode(QString::fromUtf8("材料名称\t所属情形\r\n户口本\t基本材料\r\n"));
        const ow::Result<MaterialTable> table = CsvReader::read(bytes);
        QVERIFY(table);
        QCOMPARE(table->rows.at(1).cells, cells({"户口本", "基本材料"}));
    }

    void csvInAnotherEncodingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("says");
        // 0x80 is no character in UTF-8 nor in GB18030.
        QTest::newRow("neither") << QByteArray("\xB2\xC4\xC1\xCF\x80,x\n") << QStringLiteral("GB18030");
        QTest::newRow("nul bytes") << QByteArray("a\0b,c\n", 6) << QStringLiteral("NUL");
        QTest::newRow("damaged utf-8 with bom")
            << QByteArray("\xEF\xBB\xBF\xE6\x9D\x90\xFF") << QStringLiteral("UTF-8");
        QTest::newRow("old xls") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") << QStringLiteral(".xls");
    }
    void csvInAnotherEncodingIsRefused()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, says);
        const ow::Result<MaterialTable> table = readTable(bytes);
        QVERIFY(!table);
        QVERIFY2(table.error().message().contains(says), qPrintable(table.error().message()));
    }

    void csvWithAnUnclosedQuoteIsRefused()
    {
        const ow::Result<MaterialTable> table = CsvReader::read("材料名称,所属情形\n\"户口本,基本材料\n");
        QVERIFY(!table);
        QVERIFY(table.error().message().contains(QStringLiteral("2")));
    }

    void csvPastItsBoundsIsRefused()
    {
        QByteArray many = "材料名称,所属情形\n";
        for (int i = 0; i <= TableLimits::kMaxRows; ++i)
            many += "a,b\n";
        QVERIFY(!CsvReader::read(many));
        QVERIFY(!CsvReader::read("a" + QByteArray(TableLimits::kMaxColumns, ',') + "\n"));
        QVERIFY(!CsvReader::read(QByteArray(TableLimits::kMaxCellChars + 1, 'x')));
    }

    void xlsxSharedInlineNumbersGapsAndMerges()
    {
        // Shared strings with a rich-text run and a phonetic guide (left out), an inline string, a
        // number, a boolean, a gap (A1, C1: B1 empty), a row without cell references, a merged range.
        const QByteArray shared
            = "<?xml version=\"1.0\"?><sst "
              "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
              "<si><t>材料名称</t></si>"
              "<si><r><rPr><b/></rPr><t>居民</t></r><r><t>身份证</t></r><rPh><t>ジュウミン</t></rPh></si>"
              "<si><t>住宿场所_x000D_\n（宾馆）</t></si>"
              "</sst>";
        const QByteArray rows
            = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" "
              "t=\"inlineStr\"><is><t>所属情形</t></is></c></row>"
              "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\"><v>2</v></c><c r=\"C3\" "
              "t=\"s\"><v>2</v></c>"
              "<c r=\"D3\" t=\"b\"><v>1</v></c><c r=\"E3\" t=\"str\"><f>A3</f><v>x</v></c></row>"
              "<row r=\"4\"><c t=\"inlineStr\"><is><t>户口本</t></is></c></row>";
        const QByteArray merges = "<mergeCells count=\"1\"><mergeCell ref=\"C3:C4\"/></mergeCells>";
        const QByteArray xlsx = XlsxTestFile::zipOf(
            {{QStringLiteral("xl/workbook.xml"),
                 XlsxTestFile::workbookXml({QStringLiteral("说明"), QStringLiteral("材料")})},
                {QStringLiteral("xl/_rels/workbook.xml.rels"), XlsxTestFile::relationshipsXml(2)},
                {QStringLiteral("xl/sharedStrings.xml"), shared},
                {QStringLiteral("xl/worksheets/sheet1.xml"),
                    XlsxTestFile::sheetXml(
                        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>封面</t></is></c></row>")},
                {QStringLiteral("xl/worksheets/sheet2.xml"), XlsxTestFile::sheetXml(rows, merges)}});

        const ow::Result<MaterialTable> first = XlsxReader::read(xlsx);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message()));
        QCOMPARE(first->sheet, QStringLiteral("说明"));

        const ow::Result<MaterialTable> table = XlsxReader::read(xlsx, QStringLiteral("材料"));
        QVERIFY2(table, qPrintable(table ? QString() : table.error().message()));
        QCOMPARE(table->sheet, QStringLiteral("材料"));
        QCOMPARE(table->rows.size(), 3);
        QCOMPARE(table->rows.at(0).number, 1);
        QCOMPARE(table->rows.at(0).cells, cells({"材料名称", "", "所属情形"}));
        QCOMPARE(table->rows.at(1).number, 3);
        QCOMPARE(table->rows.at(1).cells, cells({"居民身份证", "2", "住宿场所\r\n（宾馆）", "TRUE", "x"}));
        // Row 4 takes C3's value: the range C3:C4 is merged.
        QCOMPARE(table->rows.at(2).cells, cells({"户口本", "", "住宿场所\r\n（宾馆）"}));

        const ow::Result<MaterialTable> missing = XlsxReader::read(xlsx, QStringLiteral("附表"));
        QVERIFY(!missing);
        QVERIFY(missing.error().message().contains(QStringLiteral("材料")));
    }

    void xlsxCutShortIsRefused()
    {
        const QByteArray xlsx
            = XlsxTestFile::simpleWorkbook({cells({"材料名称", "所属情形"}), cells({"户口本", "基本材料"})});
        QVERIFY(readTable(xlsx));
        for (const qsizetype keep : {xlsx.size() - 10, xlsx.size() / 2, qsizetype(30)}) {
            const ow::Result<MaterialTable> table = readTable(xlsx.left(keep));
            QVERIFY2(!table, qPrintable(QString::number(keep)));
            QVERIFY2(table.error().message().contains(QStringLiteral("cut short")),
                qPrintable(table.error().message()));
        }
    }

    void xlsxDamagedInsideIsRefused()
    {
        QByteArray xlsx
            = XlsxTestFile::simpleWorkbook({cells({"材料名称", "所属情形"}), cells({"户口本", "基本材料"})});
        // Flip bytes inside the sheet's deflated data: the CRC (or inflate) fails.
        const qsizetype at = xlsx.indexOf("xl/worksheets/sheet1.xml") + 40;
        for (qsizetype i = at; i < at + 8; ++i)
            xlsx[i] = char(xlsx.at(i) ^ 0x5A);
        QVERIFY(!readTable(xlsx));
    }

    void xlsxBombIsStoppedWhileInflating()
    {
        // 80 MiB of spaces deflate to about 80 KiB; the sheet may inflate to 64 MiB at most.
        const QByteArray sheet = XlsxTestFile::sheetXml(QByteArray(80 * 1024 * 1024, ' '));
        const QByteArray xlsx = XlsxTestFile::zipOf(
            {{QStringLiteral("xl/workbook.xml"), XlsxTestFile::workbookXml({QStringLiteral("S")})},
                {QStringLiteral("xl/worksheets/sheet1.xml"), sheet}});
        QVERIFY(xlsx.size() < 1024 * 1024);
        const ow::Result<MaterialTable> table = readTable(xlsx);
        QVERIFY(!table);
        QVERIFY2(
            table.error().message().contains(QStringLiteral("64 MiB")), qPrintable(table.error().message()));
    }

    void xlsxWithoutAWorkbookIsRefused()
    {
        const QByteArray docx = XlsxTestFile::zipOf({{QStringLiteral("word/document.xml"), "<w/>"}});
        const ow::Result<MaterialTable> table = readTable(docx);
        QVERIFY(!table);
        QVERIFY(table.error().message().contains(QStringLiteral("xl/workbook.xml")));
    }

    void xlsxWithBadReferencesIsRefused()
    {
        const auto withSheet = [](const QByteArray &rows) {
            return XlsxTestFile::zipOf(
                {{QStringLiteral("xl/workbook.xml"), XlsxTestFile::workbookXml({QStringLiteral("S")})},
                    {QStringLiteral("xl/worksheets/sheet1.xml"), XlsxTestFile::sheetXml(rows)}});
        };
        QVERIFY(!readTable(
            withSheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>"))); // no shared strings
        QVERIFY(!readTable(withSheet("<row r=\"1\"><c r=\"1A\"><v>5</v></c></row>")));
        QVERIFY(!readTable(withSheet("<row r=\"1\"><c r=\"ZZ1\"><v>5</v></c></row>"))); // past the columns
        QVERIFY(!readTable(withSheet("<row r=\"1\"><c r=\"A1\"><v>5</v></row>"))); // not well-formed
        QVERIFY(
            readTable(withSheet("<row r=\"1\"><c r=\"ZZ1\"/></row>"))); // an empty styled cell is no content
    }

    void headerIsFoundByItsNames()
    {
        MaterialTable table;
        table.rows = {{1, cells({"鹿城区公共场所卫生许可材料清单"})}, {2, cells({"填表日期：2026-11-20"})},
            {3, cells({"序 号", "材料名称（标准名称）", "所属情形", "备注", "是否容缺"})},
            {4, cells({"1", "户口本", "基本材料"})}};
        const ow::Result<TableHeader> header = TableHeader::locate(table);
        QVERIFY2(header, qPrintable(header ? QString() : header.error().message()));
        QCOMPARE(header->rowNumber(), 3);
        QCOMPARE(header->position(TableColumn::Number), 0);
        QCOMPARE(header->position(TableColumn::Name), 1);
        QCOMPARE(header->position(TableColumn::Waivable), 4);
        QVERIFY(!header->has(TableColumn::Source));
        QCOMPARE(header->ignored().size(), 1);
        QCOMPARE(header->describe(TableColumn::Situation), QString::fromUtf8("所属情形 (C)"));
        QCOMPARE(header->cell(table.rows.at(3), TableColumn::Name), QString::fromUtf8("户口本"));

        MaterialTable english;
        english.rows = {{1,
            cells({"No.", "Material", "Situation", "Source", "Form review points", "Waivable",
                "Content review points", "Blank form", "Sample"})}};
        const ow::Result<TableHeader> englishHeader = TableHeader::locate(english);
        QVERIFY(englishHeader);
        QCOMPARE(englishHeader->position(TableColumn::Sample), 8);
        QCOMPARE(englishHeader->position(TableColumn::ContentPoints), 6);

        // The guide's own name of the column.
        QCOMPARE(TableHeader::columnOf(QString::fromUtf8("材料信息名称")), TableColumn::Name);
    }

    void headerFaultsAreNamed()
    {
        MaterialTable noSituation;
        noSituation.rows = {{1, cells({"序号", "材料名称", "来源渠道"})}};
        const ow::Result<TableHeader> missing = TableHeader::locate(noSituation);
        QVERIFY(!missing);
        QVERIFY(missing.error().message().contains(QString::fromUtf8("所属情形")));

        MaterialTable twice;
        twice.rows = {{1, cells({"材料名称", "所属情形", "材料名称"})}};
        QVERIFY(!TableHeader::locate(twice));

        MaterialTable noHeader;
        noHeader.rows = {{1, cells({"户口本", "基本材料"})}};
        const ow::Result<TableHeader> none = TableHeader::locate(noHeader);
        QVERIFY(!none);
        QVERIFY(none.error().message().contains(QString::fromUtf8("材料名称")));

        const ow::Result<TableHeader> empty = TableHeader::locate(MaterialTable {});
        QVERIFY(!empty);
        const ow::Result<MaterialTable> emptyFile = CsvReader::read(QByteArray());
        QVERIFY(emptyFile);
        QVERIFY(!TableHeader::locate(*emptyFile));
    }

    void cellReadings()
    {
        const std::optional<FormSpec> spec = CellValues::formSpec(QString::fromUtf8("核验原件复印件纸质1"));
        QVERIFY(spec);
        QCOMPARE(spec->form, MaterialForm::VerifyOriginalKeepCopy);
        QCOMPARE(spec->medium, Medium::Paper);
        QCOMPARE(spec->copies, 1);
        QCOMPARE(CellValues::formSpec(QString::fromUtf8("复印件 2份"))->copies, 2);
        QCOMPARE(CellValues::formSpec(QString::fromUtf8("原件一份"))->form, MaterialForm::Original);
        QVERIFY(!CellValues::formSpec(QString::fromUtf8("原件真实有效")));

        QCOMPARE(CellValues::reviewPoints(QString::fromUtf8("审查点1:核对姓名审查点2：核对号码")),
            cells({"核对姓名", "核对号码"}));
        QCOMPARE(CellValues::reviewPoints(QString::fromUtf8("1. 有签字\n（2）有盖章；③ 日期")),
            cells({"有签字", "有盖章", "日期"}));
        QVERIFY(CellValues::reviewPoints(QStringLiteral("/")).isEmpty());

        QCOMPARE(CellValues::waivable(QString::fromUtf8("是")), true);
        QCOMPARE(CellValues::waivable(QString::fromUtf8("否")), false);
        QCOMPARE(CellValues::waivable(QStringLiteral("/")), false);
        QVERIFY(!CellValues::waivable(QString::fromUtf8("待定")));

        QCOMPARE(CellValues::category(QString::fromUtf8("证照批文")), MaterialCategory::Certificate);
        QCOMPARE(CellValues::category(QStringLiteral("pledge")), MaterialCategory::Pledge);
        QVERIFY(!CellValues::category(QString::fromUtf8("证件")));
        QCOMPARE(CellValues::categoryFromName(QString::fromUtf8("公共场所卫生许可申请表")),
            MaterialCategory::Form);
        QCOMPARE(CellValues::categoryFromName(QString::fromUtf8("中华人民共和国不动产权证书")),
            MaterialCategory::Certificate);
        QCOMPARE(CellValues::categoryFromName(QString::fromUtf8("消防安全承诺书")), MaterialCategory::Pledge);
        QCOMPARE(CellValues::categoryFromName(QString::fromUtf8("银行卡")), MaterialCategory::Other);
        QCOMPARE(CellValues::oneLine(QString::fromUtf8(" 居民\t身份证\n（复印件） ")),
            QString::fromUtf8("居民 身份证 （复印件）"));
    }

    void materialIdsAreReadablePinyin()
    {
        QCOMPARE(MaterialIdMaker::stem(QString::fromUtf8("户口本")), QStringLiteral("hu-kou-ben"));
        QCOMPARE(
            MaterialIdMaker::stem(QString::fromUtf8("ICP备案证明")), QStringLiteral("icp-bei-an-zheng-ming"));
        QCOMPARE(MaterialIdMaker::stem(QString::fromUtf8("（）")), QStringLiteral("material"));
        QVERIFY(MaterialIdMaker::stem(QString::fromUtf8("中华人民共和国税收缴款书（税务收现专用）")).size()
            <= MaterialIdMaker::kMaxLength);
        MaterialIdMaker ids({QStringLiteral("hu-kou-ben")});
        QCOMPARE(ids.make(QString::fromUtf8("户口本")), QStringLiteral("hu-kou-ben-2"));
        QCOMPARE(ids.make(QString::fromUtf8("户口本")), QStringLiteral("hu-kou-ben-3"));
    }

    void situationsBecomeConditions_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("problem");
        QTest::newRow("basic") << QString::fromUtf8("基本材料") << QString() << QString();
        QTest::newRow("slash") << QStringLiteral("/") << QString() << QString();
        QTest::newRow("label") << QString::fromUtf8("乙") << QStringLiteral("q1 = b") << QString();
        QTest::newRow("label without its note")
            << QString::fromUtf8("丁类") << QStringLiteral("q1 = c") << QString();
        QTest::newRow("whole label with commas")
            << QString::fromUtf8("丁类（含甲、乙）") << QStringLiteral("q1 = c") << QString();
        QTest::newRow("trailing words")
            << QString::fromUtf8("乙的情形") << QStringLiteral("q1 = b") << QString();
        QTest::newRow("any of one question")
            << QString::fromUtf8("乙、丁类") << QStringLiteral("q1 in (b, c)") << QString();
        QTest::newRow("multi-choice")
            << QString::fromUtf8("丙或戊") << QStringLiteral("q2 has any (y, z)") << QString();
        QTest::newRow("across questions")
            << QString::fromUtf8("乙，丙") << QStringLiteral("q1 = b or q2 has y") << QString();
        QTest::newRow("all of") << QString::fromUtf8("乙或丁类；丙")
                                << QStringLiteral("q1 in (b, c) and q2 has y") << QString();
        QTest::newRow("and of ors") << QString::fromUtf8("乙、丙；q1=b")
                                    << QStringLiteral("(q1 = b or q2 has y) and q1 = b") << QString();
        QTest::newRow("by id") << QStringLiteral("q2 = x") << QStringLiteral("q2 has x") << QString();
        QTest::newRow("format condition")
            << QStringLiteral("n >= 150") << QStringLiteral("n >= 150") << QString();
        QTest::newRow("ambiguous") << QString::fromUtf8("甲") << QString() << QStringLiteral("q1=a, q2=x");
        QTest::newRow("unmatched") << QString::fromUtf8("乙、己、庚") << QString()
                                   << QString::fromUtf8("己|庚");
        QTest::newRow("unknown option in a condition")
            << QStringLiteral("q1 = zz") << QString() << QStringLiteral("zz");
    }
    void situationsBecomeConditions()
    {
        QFETCH(QString, cell);
        QFETCH(QString, condition);
        QFETCH(QString, problem);
        using namespace ow::catalogue;
        Matter matter;
        Question q1;
        q1.id = QStringLiteral("q1");
        q1.options = {{QStringLiteral("a"), QString::fromUtf8("甲"), {}, {}, {}},
            {QStringLiteral("b"), QString::fromUtf8("乙"), {}, {}, {}},
            {QStringLiteral("c"), QString::fromUtf8("丁类（含甲、乙）"), {}, {}, {}}};
        Question q2;
        q2.id = QStringLiteral("q2");
        q2.type = QuestionType::Multi;
        q2.options = {{QStringLiteral("x"), QString::fromUtf8("甲"), {}, {}, {}},
            {QStringLiteral("y"), QString::fromUtf8("丙"), {}, {}, {}},
            {QStringLiteral("z"), QString::fromUtf8("戊"), {}, {}, {}}};
        Question n;
        n.id = QStringLiteral("n");
        n.type = QuestionType::Number;
        matter.questions = {q1, q2, n};
        const SituationMapper mapper(matter);
        const SituationMapper::Mapping mapping = mapper.map(cell);
        QCOMPARE(mapping.condition, condition);
        QCOMPARE(mapping.ok(), problem.isEmpty());
        const QString said = mapping.unmatched.join(QLatin1Char('|'))
            + mapping.ambiguous.join(QLatin1Char('|')) + mapping.invalid;
        QVERIFY2(said.contains(problem), qPrintable(said));
    }

    void columnNames()
    {
        QCOMPARE(columnName(0), QStringLiteral("A"));
        QCOMPARE(columnName(25), QStringLiteral("Z"));
        QCOMPARE(columnName(26), QStringLiteral("AA"));
        QCOMPARE(columnName(63), QStringLiteral("BL"));
    }
};

QTEST_GUILESS_MAIN(TestTableReaders)
#include "tst_tableReaders.moc"
