#include "catalogue/TextTree.h"

#include <QTest>

using namespace ow;
using namespace ow::catalogue;
using namespace Qt::StringLiterals;

namespace {

const QString kFile = u"matters/test.txt"_s;

TextTree::Parsed parse(const QString &text)
{
    return TextTree::parse(text, kFile);
}

// "line:column" of every error, to compare with the lines a test plants its defects on.
QStringList errorPlaces(const TextTree::Parsed &parsed)
{
    QStringList places;
    for (const Diagnostic &d : parsed.errors)
        places.append(u"%1:%2"_s.arg(d.where.line).arg(d.where.column));
    return places;
}

} // namespace

class TestTextTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keywordIdAndValue();
    void nestingFollowsIndentation();
    void commentsAndBlankLinesKeepLineNumbers();
    void valueKeepsColonsAndHashes();
    void valueColumnPointsAtTheValue();
    void byteOrderMarkAndWindowsLineEnds();
    void fullWidthColon();
    void emptyAndMissingValue();
    void emptyText();
    void errors_data();
    void errors();
    void linesUnderAnErrorAreDropped();
    void everyErrorIsReported();
};

void TestTextTree::keywordIdAndValue()
{
    const auto parsed = parse(u"material id-card: 居民身份证\nrequire floor-plan\nversion: 2026.11.1\n"_s);
    QVERIFY(parsed.errors.isEmpty());
    QCOMPARE(parsed.roots.size(), 3);
    const TextNode &material = parsed.roots.at(0);
    QCOMPARE(material.keyword, u"material"_s);
    QCOMPARE(material.id, u"id-card"_s);
    QCOMPARE(material.value, u"居民身份证"_s);
    QVERIFY(material.hasValue);
    QCOMPARE(material.where, (SourceLocation {kFile, 1, 1}));

    const TextNode &require = parsed.roots.at(1);
    QCOMPARE(require.keyword, u"require"_s);
    QCOMPARE(require.id, u"floor-plan"_s);
    QVERIFY(!require.hasValue);
    QVERIFY(require.value.isEmpty());

    const TextNode &version = parsed.roots.at(2);
    QCOMPARE(version.keyword, u"version"_s);
    QVERIFY(version.id.isEmpty());
    QCOMPARE(version.value, u"2026.11.1"_s);
    QCOMPARE(version.where.line, 3);
}

void TestTextTree::nestingFollowsIndentation()
{
    const auto parsed = parse(u"matter A-1: 甲\n"
                              "  question q: 问?\n"
                              "    option a: 甲\n"
                              "      materials: x\n"
                              "    option b: 乙\n"
                              "  require x\n"
                              "matter A-2: 乙\n"_s);
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(errorPlaces(parsed).join(u' ')));
    QCOMPARE(parsed.roots.size(), 2);
    const TextNode &matter = parsed.roots.at(0);
    QCOMPARE(matter.children.size(), 2);
    const TextNode &question = matter.children.at(0);
    QCOMPARE(question.id, u"q"_s);
    QCOMPARE(question.where, (SourceLocation {kFile, 2, 3}));
    QCOMPARE(question.children.size(), 2);
    QCOMPARE(question.children.at(0).children.size(), 1);
    QCOMPARE(question.children.at(0).children.at(0).keyword, u"materials"_s);
    QCOMPARE(question.children.at(0).children.at(0).where.line, 4);
    QCOMPARE(question.children.at(1).id, u"b"_s);
    QCOMPARE(question.children.at(1).where.line, 5);
    QCOMPARE(matter.children.at(1).keyword, u"require"_s);
    QCOMPARE(matter.children.at(1).where.line, 6);
    QCOMPARE(parsed.roots.at(1).where.line, 7);
    QVERIFY(parsed.roots.at(1).children.isEmpty());
}

void TestTextTree::commentsAndBlankLinesKeepLineNumbers()
{
    const auto parsed = parse(u"# heading\n"
                              "\n"
                              "material a: 甲\n"
                              "   # a comment may be indented any way\n"
                              "      \n"
                              "\t\n"
                              "  category: form\n"
                              "# between\n"
                              "material b: 乙\n"_s);
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(errorPlaces(parsed).join(u' ')));
    QCOMPARE(parsed.roots.size(), 2);
    QCOMPARE(parsed.roots.at(0).where.line, 3);
    QCOMPARE(parsed.roots.at(0).children.size(), 1);
    QCOMPARE(parsed.roots.at(0).children.at(0).where.line, 7);
    QCOMPARE(parsed.roots.at(1).where.line, 9);
}

void TestTextTree::valueKeepsColonsAndHashes()
{
    const auto parsed = parse(u"basis:   《条例》第八条: 第一款 # 不是注释   \nnote: a：b\n"_s);
    QVERIFY(parsed.errors.isEmpty());
    QCOMPARE(parsed.roots.at(0).value, u"《条例》第八条: 第一款 # 不是注释"_s);
    QCOMPARE(parsed.roots.at(1).value, u"a：b"_s);
}

void TestTextTree::valueColumnPointsAtTheValue()
{
    const auto parsed = parse(u"matter A: 甲\n  require x\n    when: q = a\n    when：  q = b\n"_s);
    QVERIFY(parsed.errors.isEmpty());
    const TextNode &require = parsed.roots.at(0).children.at(0);
    const TextNode &when = require.children.at(0);
    QCOMPARE(when.where, (SourceLocation {kFile, 3, 5}));
    QCOMPARE(when.valueColumn, 11);
    QCOMPARE(when.valueWhere(), (SourceLocation {kFile, 3, 11}));
    QCOMPARE(require.children.at(1).valueColumn, 12);
}

void TestTextTree::byteOrderMarkAndWindowsLineEnds()
{
    const auto parsed
        = parse(u"\uFEFFcatalogue demo: 演示\r\n  version: 1\r\n\r\n  issued: 2026-11-20\r\n"_s);
    QVERIFY2(parsed.errors.isEmpty(), qPrintable(errorPlaces(parsed).join(u' ')));
    QCOMPARE(parsed.roots.size(), 1);
    const TextNode &catalogue = parsed.roots.at(0);
    QCOMPARE(catalogue.keyword, u"catalogue"_s);
    QCOMPARE(catalogue.where.column, 1);
    QCOMPARE(catalogue.value, u"演示"_s);
    QCOMPARE(catalogue.children.size(), 2);
    QCOMPARE(catalogue.children.at(0).value, u"1"_s);
    QCOMPARE(catalogue.children.at(1).value, u"2026-11-20"_s);
    QCOMPARE(catalogue.children.at(1).where.line, 4);
}

void TestTextTree::fullWidthColon()
{
    const auto parsed = parse(u"department culture：区文化局\nregion：330302\n"_s);
    QVERIFY(parsed.errors.isEmpty());
    QCOMPARE(parsed.roots.at(0).id, u"culture"_s);
    QCOMPARE(parsed.roots.at(0).value, u"区文化局"_s);
    QCOMPARE(parsed.roots.at(1).keyword, u"region"_s);
    QCOMPARE(parsed.roots.at(1).value, u"330302"_s);
}

void TestTextTree::emptyAndMissingValue()
{
    const auto parsed = parse(u"note:\nnote:   \nrequire x\n"_s);
    QVERIFY(parsed.errors.isEmpty());
    QVERIFY(parsed.roots.at(0).hasValue);
    QVERIFY(parsed.roots.at(0).value.isEmpty());
    QVERIFY(parsed.roots.at(1).hasValue);
    QVERIFY(parsed.roots.at(1).value.isEmpty());
    QVERIFY(!parsed.roots.at(2).hasValue);
}

void TestTextTree::emptyText()
{
    QVERIFY(parse(QString()).roots.isEmpty());
    QVERIFY(parse(QString()).errors.isEmpty());
    QVERIFY(parse(u"\n\n# only a comment"_s).roots.isEmpty());
}

void TestTextTree::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("place"); // line:column of the single error
    QTest::addColumn<QString>("mentions"); // a word the message must contain

    QTest::newRow("tab indentation") << u"matter A: 甲\n\tdepartment: x\n"_s << u"2:1"_s << u"tab"_s;
    QTest::newRow("tab after spaces") << u"matter A: 甲\n  \tdepartment: x\n"_s << u"2:3"_s << u"tab"_s;
    QTest::newRow("tab after keyword") << u"matter A: 甲\n  require\tx\n"_s << u"2:10"_s << u"tab"_s;
    QTest::newRow("three spaces") << u"material a: 甲\n   category: form\n"_s << u"2:1"_s << u"3"_s;
    QTest::newRow("one space") << u"material a: 甲\n category: form\n"_s << u"2:1"_s << u"1"_s;
    QTest::newRow("two levels deeper") << u"material a: 甲\n      category: form\n"_s << u"2:1"_s << u"6"_s;
    QTest::newRow("first line indented") << u"# c\n  material a: 甲\n"_s << u"2:1"_s << u"indent"_s;
    QTest::newRow("full-width space indentation")
        << u"material a: 甲\n\u3000\u3000category: form\n"_s << u"2:1"_s << u"space"_s;
    QTest::newRow("upper-case keyword") << u"\n\nMaterial a: 甲\n"_s << u"3:1"_s << u"Material"_s;
    QTest::newRow("Chinese keyword") << u"材料 a: 甲\n"_s << u"1:1"_s << u"材料"_s;
    QTest::newRow("underscore in keyword") << u"material_x a: 甲\n"_s << u"1:1"_s << u"material_x"_s;
    QTest::newRow("no keyword") << u"：甲\n"_s << u"1:1"_s << u"keyword"_s;
    QTest::newRow("id starts with dash") << u"material -a: 甲\n"_s << u"1:10"_s << u"-a"_s;
    QTest::newRow("id with Chinese") << u"material 身份证: 甲\n"_s << u"1:10"_s << u"身份证"_s;
    QTest::newRow("two ids") << u"matter A: 甲\n  question place type: 哪类？\n"_s << u"2:18"_s << u"type"_s;
    QTest::newRow("indented error") << u"matter A: 甲\n  require x\n    when q = a\n"_s << u"3:12"_s
                                    << u"when q"_s;
}

void TestTextTree::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, place);
    QFETCH(QString, mentions);
    const auto parsed = parse(text);
    QCOMPARE(errorPlaces(parsed), QStringList {place});
    const Diagnostic &error = parsed.errors.first();
    QCOMPARE(error.rule, u"parse"_s);
    QCOMPARE(error.severity, Diagnostic::Severity::Error);
    QCOMPARE(error.where.file, kFile);
    QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
}

void TestTextTree::linesUnderAnErrorAreDropped()
{
    const auto parsed = parse(u"material a: 甲\n" // 1
                              "   sample: s.png\n" // 2: odd indentation
                              "     mark x: 1, 2, 3, 4\n" // 3: under the bad line, dropped silently
                              "  category: form\n" // 4: back on track
                              "material b: 乙\n"_s); // 5
    QCOMPARE(errorPlaces(parsed), QStringList {u"2:1"_s});
    QCOMPARE(parsed.roots.size(), 2);
    QCOMPARE(parsed.roots.at(0).children.size(), 1);
    QCOMPARE(parsed.roots.at(0).children.at(0).keyword, u"category"_s);
    QCOMPARE(parsed.roots.at(1).where.line, 5);
}

void TestTextTree::everyErrorIsReported()
{
    const auto parsed = parse(u"material a: 甲\n"
                              "\tcategory: form\n"
                              "  source: 公安局\n"
                              "   copies: 1\n"
                              "Form-point x: y\n"
                              "material b: 乙\n"_s);
    QCOMPARE(errorPlaces(parsed), (QStringList {u"2:1"_s, u"4:1"_s, u"5:1"_s}));
    QCOMPARE(parsed.roots.size(), 2);
    // The tab-indented line is reported but still read where it belongs.
    QCOMPARE(parsed.roots.at(0).children.size(), 2);
    QCOMPARE(parsed.roots.at(0).children.at(0).keyword, u"category"_s);
}

QTEST_GUILESS_MAIN(TestTextTree)
#include "tst_textTree.moc"
