#include "catalogue/Pinyin.h"

#include <QTest>

using namespace Qt::StringLiterals;
using ow::catalogue::Pinyin;

class TestPinyin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableCoversTheUnifiedIdeographs();
    void everyReadingIsToneless();
    void readings_data();
    void readings();
    void mostCommonReadingComesFirst();
    void umlautIsWrittenV();
    void unknownCharactersHaveNoReading();
    void viewsPointIntoOneTable();
    void initials();
    void spell();
};

void TestPinyin::tableCoversTheUnifiedIdeographs()
{
    // Unihan has a Mandarin reading for all but about ten of U+4E00–U+9FA5 (units like 兙 十克).
    int known = 0;
    for (char32_t c = 0x4E00; c <= 0x9FA5; ++c)
        known += Pinyin::isKnown(c) ? 1 : 0;
    QVERIFY2(known >= 20'890, qPrintable(u"only %1 of 20,902 characters known"_s.arg(known)));
    QVERIFY(Pinyin::characterCount() >= 26'000); // with Extension A
    QVERIFY(Pinyin::isKnown(0x3400)); // Extension A starts with 㐀 qiu
    QCOMPARE(Pinyin::readings(0x3400), QStringList {u"qiu"_s});
    QCOMPARE(Pinyin::readings(U'〇'), QStringList {u"ling"_s});
}

void TestPinyin::everyReadingIsToneless()
{
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) {
        for (const QLatin1StringView syllable : Pinyin::syllables(c)) {
            QVERIFY(!syllable.isEmpty());
            QVERIFY(syllable.size() <= 6); // the longest syllables: zhuang, chuang, shuang
            for (const char letter : syllable)
                QVERIFY2(letter >= 'a' && letter <= 'z',
                    qPrintable(u"U+%1 has reading %2"_s.arg(uint(c), 4, 16).arg(syllable)));
        }
    }
}

void TestPinyin::readings_data()
{
    QTest::addColumn<QString>("character");
    QTest::addColumn<QString>("reading");

    QTest::newRow("行 hang (银行)") << u"行"_s << u"hang"_s;
    QTest::newRow("行 xing (行政)") << u"行"_s << u"xing"_s;
    QTest::newRow("长 chang") << u"长"_s << u"chang"_s;
    QTest::newRow("长 zhang") << u"长"_s << u"zhang"_s;
    QTest::newRow("重 chong (重庆)") << u"重"_s << u"chong"_s;
    QTest::newRow("重 zhong") << u"重"_s << u"zhong"_s;
    QTest::newRow("乐 yue") << u"乐"_s << u"yue"_s;
    QTest::newRow("藏 zang") << u"藏"_s << u"zang"_s;
    QTest::newRow("银 yin") << u"银"_s << u"yin"_s;
    QTest::newRow("庆 qing") << u"庆"_s << u"qing"_s;
    QTest::newRow("场 chang") << u"场"_s << u"chang"_s;
    QTest::newRow("所 suo") << u"所"_s << u"suo"_s;
}

void TestPinyin::readings()
{
    QFETCH(QString, character);
    QFETCH(QString, reading);
    const QStringList all = Pinyin::readings(character.toUcs4().front());
    QVERIFY2(all.contains(reading), qPrintable(all.join(u',')));
    QCOMPARE(all.count(reading), 1); // tones removed, duplicates dropped
}

void TestPinyin::mostCommonReadingComesFirst()
{
    QCOMPARE(Pinyin::readings(U'行').front(), u"xing"_s);
    QCOMPARE(Pinyin::readings(U'重').front(), u"zhong"_s);
    QCOMPARE(Pinyin::readings(U'的').front(), u"de"_s);
    QCOMPARE(Pinyin::readings(U'了').front(), u"le"_s);
}

void TestPinyin::umlautIsWrittenV()
{
    QCOMPARE(Pinyin::readings(U'绿').front(), u"lv"_s);
    QCOMPARE(Pinyin::readings(U'女'), QStringList {u"nv"_s});
    QCOMPARE(Pinyin::readings(U'律'), QStringList {u"lv"_s});
    QCOMPARE(Pinyin::readings(U'略').front(), u"lve"_s);
}

void TestPinyin::unknownCharactersHaveNoReading()
{
    QVERIFY(Pinyin::syllables(U'A').empty());
    QVERIFY(Pinyin::syllables(U'7').empty());
    QVERIFY(Pinyin::syllables(U'，').empty());
    QVERIFY(Pinyin::syllables(U'（').empty());
    QVERIFY(Pinyin::syllables(U'あ').empty());
    QVERIFY(Pinyin::syllables(0x20000).empty()); // Extension B is not in the table
    QVERIFY(!Pinyin::isKnown(0));
}

void TestPinyin::viewsPointIntoOneTable()
{
    const auto first = Pinyin::syllables(U'公');
    const auto again = Pinyin::syllables(U'公');
    QCOMPARE(first.size(), again.size());
    QVERIFY(!first.empty());
    QCOMPARE(first.front().data(), again.front().data());
}

void TestPinyin::initials()
{
    QCOMPARE(Pinyin::initials(u"公共场所卫生许可"), u"ggcswsxk"_s);
    QCOMPARE(Pinyin::initials(u"公共场所卫生许可（新发证）"), u"ggcswsxkxfz"_s);
    QCOMPARE(Pinyin::initials(u"ICP经营许可证"), u"icpjyxkz"_s);
    QCOMPARE(Pinyin::initials(u"个体工商户"), u"gtgsh"_s);
    QCOMPARE(Pinyin::initials(u""), QString());
}

void TestPinyin::spell()
{
    QCOMPARE(Pinyin::spell(u"公共场所"), u"gonggongchangsuo"_s);
    QCOMPARE(Pinyin::spell(u"普通货物运输"), u"putonghuowuyunshu"_s);
    QCOMPARE(Pinyin::spell(u"3C认证"), u"3crenzheng"_s);
}

QTEST_GUILESS_MAIN(TestPinyin)
#include "tst_pinyin.moc"
