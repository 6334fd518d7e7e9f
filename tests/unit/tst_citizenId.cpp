#include "core/AdministrativeDivisions.h"
#include "core/CitizenId.h"

#include <QTest>

using ow::AdministrativeDivisions;
using ow::CitizenId;

namespace {
const QDate kToday(2025, 6, 1);

ow::Result<CitizenId> parse(const QString &text)
{
    return CitizenId::parse(text, AdministrativeDivisions::builtIn(), kToday);
}
} // namespace

/// GB 11643-1999 citizen ID numbers: public test vectors, the forms clerks type, every failure.
class TestCitizenId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<bool>("male");
        QTest::addColumn<QString>("area");
        // The standard's own example and a widely published one.
        QTest::newRow("GB 11643 example")
            << QStringLiteral("11010519491231002X") << QStringLiteral("11010519491231002X")
            << QDate(1949, 12, 31) << false << QStringLiteral("北京市朝阳区");
        QTest::newRow("Jiangxi") << QStringLiteral("360426199101010071")
                                 << QStringLiteral("360426199101010071") << QDate(1991, 1, 1) << true
                                 << QStringLiteral("江西省九江市德安县");
        QTest::newRow("lower-case x")
            << QStringLiteral("11010519491231002x") << QStringLiteral("11010519491231002X")
            << QDate(1949, 12, 31) << false << QStringLiteral("北京市朝阳区");
        QTest::newRow("spaces") << QStringLiteral("  330302 19900101 1235 ")
                                << QStringLiteral("330302199001011235") << QDate(1990, 1, 1) << true
                                << QStringLiteral("浙江省温州市鹿城区");
        QTest::newRow("full-width") << QStringLiteral("３３０３０２１９９００１０１１２３５")
                                    << QStringLiteral("330302199001011235") << QDate(1990, 1, 1) << true
                                    << QStringLiteral("浙江省温州市鹿城区");
        QTest::newRow("full-width X")
            << QStringLiteral("11010519491231002Ｘ") << QStringLiteral("11010519491231002X")
            << QDate(1949, 12, 31) << false << QStringLiteral("北京市朝阳区");
        QTest::newRow("leap day 2000")
            << QStringLiteral("330302200002290024") << QStringLiteral("330302200002290024")
            << QDate(2000, 2, 29) << false << QStringLiteral("浙江省温州市鹿城区");
    }
    void validNumbers()
    {
        QFETCH(QString, text);
        QFETCH(QString, number);
        QFETCH(QDate, birth);
        QFETCH(bool, male);
        QFETCH(QString, area);
        const auto id = parse(text);
        QVERIFY2(id.has_value(), qPrintable(id ? QString() : id.error().message()));
        QCOMPARE(id->number(), number);
        QCOMPARE(id->areaCode(), number.left(6));
        QCOMPARE(id->birthDate(), birth);
        QCOMPARE(id->sex(), male ? CitizenId::Sex::Male : CitizenId::Sex::Female);
        QCOMPARE(id->areaName(), area);
        QVERIFY(id->warnings().isEmpty());
    }

    void checkCharacter()
    {
        QCOMPARE(CitizenId::checkCharacter(u"11010519491231002"), QLatin1Char('X'));
        QCOMPARE(CitizenId::checkCharacter(u"36042619910101007"), QLatin1Char('1'));
        QCOMPARE(CitizenId::checkCharacter(u"33030219851231002"), QLatin1Char('1'));
        QVERIFY(CitizenId::checkCharacter(u"1101051949123100").isNull());
        QVERIFY(CitizenId::checkCharacter(u"1101051949123100A").isNull());
    }

    void masked()
    {
        QCOMPARE(parse(QStringLiteral("330302199001011235"))->masked(), QStringLiteral("3303**********1235"));
        QCOMPARE(parse(QStringLiteral("11010519491231002X"))->masked(), QStringLiteral("1101**********002X"));
    }

    void invalidNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason"); // a part of the message that says what is wrong
        QTest::newRow("empty") << QStringLiteral("   ") << QStringLiteral("empty");
        QTest::newRow("first generation") << QStringLiteral("110105491231002") << QStringLiteral("15-digit");
        QTest::newRow("too short") << QStringLiteral("11010519491231002")
                                   << QStringLiteral("this one has 17");
        QTest::newRow("too long") << QStringLiteral("11010519491231002X1")
                                  << QStringLiteral("this one has 19");
        QTest::newRow("letter inside")
            << QStringLiteral("1101051949123100AX") << QStringLiteral("Character 17 is 'A'");
        QTest::newRow("O for zero") << QStringLiteral("11O10519491231002X")
                                    << QStringLiteral("Character 3 is 'O'");
        QTest::newRow("bad last") << QStringLiteral("11010519491231002Y")
                                  << QStringLiteral("last character is 'Y'");
        QTest::newRow("30 February") << QStringLiteral("330302199002301231") << QStringLiteral("1990-02-30");
        QTest::newRow("month 13") << QStringLiteral("330302199013011231")
                                  << QStringLiteral("not a real date");
        QTest::newRow("29 Feb 1900") << QStringLiteral("330302190002290028")
                                     << QStringLiteral("not a real date");
        QTest::newRow("future") << QStringLiteral("330302202601011234") << QStringLiteral("in the future");
        QTest::newRow("wrong check") << QStringLiteral("110105194912310021")
                                     << QStringLiteral("should be 'X', not '1'");
        QTest::newRow("swapped digits")
            << QStringLiteral("330302199010011235") << QStringLiteral("check character");
    }
    void invalidNumbers()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto id = parse(text);
        QVERIFY(!id.has_value());
        QVERIFY2(id.error().message().contains(reason), qPrintable(id.error().message()));
        QCOMPARE(id.error().code(), ow::Error::Code::Invalid);
    }

    void birthDateTodayIsFine()
    {
        // Born on the day of the check: not in the future.
        const QString first17 = QStringLiteral("33030220250601123");
        QVERIFY(parse(first17 + CitizenId::checkCharacter(first17)).has_value());
        const QString tomorrow = QStringLiteral("33030220250602123");
        QVERIFY(!parse(tomorrow + CitizenId::checkCharacter(tomorrow)).has_value());
    }

    void unknownAreaIsAWarning()
    {
        const auto id = parse(QStringLiteral("999999199001011238"));
        QVERIFY(id.has_value());
        QCOMPARE(id->warnings().size(), 1);
        QVERIFY(id->warnings().constFirst().contains(QStringLiteral("999999")));
        QVERIFY(id->areaName().isEmpty());
    }

    void abolishedAreaIsKnown()
    {
        // 330103 下城区 was merged away in 2021; old cards still carry it.
        const auto id = parse(QStringLiteral("330103198001010014"));
        QVERIFY(id.has_value());
        QVERIFY(id->warnings().isEmpty());
        QCOMPARE(id->areaName(), QStringLiteral("浙江省杭州市下城区"));
    }

    void withoutDivisionTable()
    {
        const AdministrativeDivisions none;
        const auto id = CitizenId::parse(u"11010519491231002X", none, kToday);
        QVERIFY(id.has_value());
        QCOMPARE(id->warnings().size(), 1);
    }

    void equality()
    {
        QCOMPARE(*parse(QStringLiteral("11010519491231002x")), *parse(QStringLiteral("11010519491231002X")));
        QVERIFY(
            !(*parse(QStringLiteral("11010519491231002X")) == *parse(QStringLiteral("360426199101010071"))));
    }
};

QTEST_GUILESS_MAIN(TestCitizenId)
#include "tst_citizenId.moc"
