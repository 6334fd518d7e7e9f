#include "core/AdministrativeDivisions.h"
#include "core/CreditCode.h"

#include <QTest>

using ow::CreditCode;

namespace {
/// A code with a correct check character, for testing what comes after the check.
QString withCheck(const QString &first17)
{
    return first17 + CreditCode::checkCharacter(first17);
}
} // namespace

/// GB 32100-2015 unified social credit codes: public test vectors, parts, warnings, failures.
class TestCreditCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validCodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("areaName");
        QTest::newRow("national") << QStringLiteral("91110000600037341L")
                                  << QStringLiteral("91110000600037341L") << QStringLiteral("北京市");
        QTest::newRow("Haidian") << QStringLiteral("91110108551385082Q")
                                 << QStringLiteral("91110108551385082Q") << QStringLiteral("北京市海淀区");
        QTest::newRow("lower case, spaces")
            << QStringLiteral(" 91110108 551385082q ") << QStringLiteral("91110108551385082Q")
            << QStringLiteral("北京市海淀区");
        QTest::newRow("full-width") << QStringLiteral("９１１１０１０８５５１３８５０８２Ｑ")
                                    << QStringLiteral("91110108551385082Q") << QStringLiteral("北京市海淀区");
    }
    void validCodes()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QFETCH(QString, areaName);
        const auto parsed = CreditCode::parse(text);
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message()));
        QCOMPARE(parsed->code(), code);
        QCOMPARE(parsed->authorityCode(), QLatin1Char('9'));
        QCOMPARE(parsed->categoryCode(), QLatin1Char('1'));
        QCOMPARE(parsed->authorityName(), QStringLiteral("market regulation"));
        QCOMPARE(parsed->categoryName(), QStringLiteral("enterprise"));
        QCOMPARE(parsed->areaCode(), code.mid(2, 6));
        QCOMPARE(parsed->areaName(), areaName);
        QCOMPARE(parsed->organizationCode(), code.mid(8, 9));
        QVERIFY2(parsed->warnings().isEmpty(), qPrintable(parsed->warnings().join(u'\n')));
    }

    void checkCharacter()
    {
        QCOMPARE(CreditCode::checkCharacter(u"91110000600037341"), QLatin1Char('L'));
        QCOMPARE(CreditCode::checkCharacter(u"91110108551385082"), QLatin1Char('Q'));
        QVERIFY(CreditCode::checkCharacter(u"9111010855138508").isNull());
        QVERIFY(CreditCode::checkCharacter(u"9111010855138508I").isNull());
        // Every check character is in the alphabet, including the (31 - 0) mod 31 = 0 case.
        QCOMPARE(CreditCode::alphabet().size(), 31);
    }

    void categories_data()
    {
        QTest::addColumn<QString>("first17");
        QTest::addColumn<QString>("authority");
        QTest::addColumn<QString>("category");
        QTest::newRow("civil affairs foundation")
            << QStringLiteral("53330000MJ8728431") << QStringLiteral("civil affairs")
            << QStringLiteral("foundation");
        QTest::newRow("public institution")
            << QStringLiteral("12330302470000000") << QStringLiteral("establishment administration")
            << QStringLiteral("public institution");
        QTest::newRow("individual business")
            << QStringLiteral("92330302MA2H00000") << QStringLiteral("market regulation")
            << QStringLiteral("individual business");
        QTest::newRow("village collective")
            << QStringLiteral("N2330302MF0000000") << QStringLiteral("agriculture")
            << QStringLiteral("village-level collective economic organisation");
        QTest::newRow("other") << QStringLiteral("Y1330302MF0000000") << QStringLiteral("other authority")
                               << QStringLiteral("not divided into categories");
    }
    void categories()
    {
        QFETCH(QString, first17);
        QFETCH(QString, authority);
        QFETCH(QString, category);
        const auto parsed = CreditCode::parse(withCheck(first17));
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message()));
        QCOMPARE(parsed->authorityName(), authority);
        QCOMPARE(parsed->categoryName(), category);
        for (const QString &warning : parsed->warnings())
            QVERIFY2(!warning.contains(QStringLiteral("GB 32100")), qPrintable(warning));
    }

    void warnings_data()
    {
        QTest::addColumn<QString>("first17");
        QTest::addColumn<QString>("warning");
        QTest::newRow("unknown authority")
            << QStringLiteral("B1110000600037341") << QStringLiteral("registering authority code 'B'");
        QTest::newRow("unknown category")
            << QStringLiteral("94110000600037341") << QStringLiteral("category code '4'");
        QTest::newRow("unknown area") << QStringLiteral("91999999600037341") << QStringLiteral("999999");
        QTest::newRow("organisation check")
            << QStringLiteral("91110000600037342") << QStringLiteral("GB 11714");
    }
    void warnings()
    {
        QFETCH(QString, first17);
        QFETCH(QString, warning);
        const auto parsed = CreditCode::parse(withCheck(first17));
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().message()));
        QCOMPARE(parsed->warnings().size(), 1);
        QVERIFY2(
            parsed->warnings().constFirst().contains(warning), qPrintable(parsed->warnings().constFirst()));
    }

    void unknownAuthorityHasNoNames()
    {
        const auto parsed = CreditCode::parse(withCheck(QStringLiteral("B1110000600037341")));
        QVERIFY(parsed.has_value());
        QVERIFY(parsed->authorityName().isEmpty());
        QVERIFY(parsed->categoryName().isEmpty());
    }

    void nationalArea()
    {
        const auto parsed = CreditCode::parse(withCheck(QStringLiteral("12100000400000009")));
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->areaCode(), QStringLiteral("100000"));
        QCOMPARE(parsed->areaName(), QStringLiteral("national"));
    }

    void invalidCodes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("old registration number")
            << QStringLiteral("330302000012345") << QStringLiteral("15-digit registration number");
        QTest::newRow("too short") << QStringLiteral("91110108551385082")
                                   << QStringLiteral("this one has 17");
        QTest::newRow("letter O") << QStringLiteral("91110108551385O82Q")
                                  << QStringLiteral("Character 15 is 'O'");
        QTest::newRow("letter I") << QStringLiteral("9111010855138508IQ") << QStringLiteral("never use");
        QTest::newRow("punctuation") << QStringLiteral("91110108-551385082")
                                     << QStringLiteral("Character 9 is '-'");
        QTest::newRow("wrong check") << QStringLiteral("91110108551385082R")
                                     << QStringLiteral("should be 'Q', not 'R'");
        QTest::newRow("one digit off")
            << QStringLiteral("91110108551385083Q") << QStringLiteral("check character");
        QTest::newRow("letters in area")
            << withCheck(QStringLiteral("9111A108551385082")) << QStringLiteral("registration area code");
    }
    void invalidCodes()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto parsed = CreditCode::parse(text);
        QVERIFY(!parsed.has_value());
        QVERIFY2(parsed.error().message().contains(reason), qPrintable(parsed.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestCreditCode)
#include "tst_creditCode.moc"
