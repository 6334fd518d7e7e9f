#include "core/PhoneNumber.h"

#include <QTest>

using ow::PhoneNumber;

/// Mainland mobile and landline numbers: the forms people write, canonical form, masking, failures.
class TestPhoneNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mobile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("13812345678");
        QTest::newRow("spaces") << QStringLiteral(" 138 1234 5678 ");
        QTest::newRow("dashes") << QStringLiteral("138-1234-5678");
        QTest::newRow("+86") << QStringLiteral("+86 138 1234 5678");
        QTest::newRow("0086") << QStringLiteral("008613812345678");
        QTest::newRow("86") << QStringLiteral("8613812345678");
        QTest::newRow("full-width") << QStringLiteral("１３８１２３４５６７８");
    }
    void mobile()
    {
        QFETCH(QString, text);
        const auto phone = PhoneNumber::parse(text);
        QVERIFY2(phone.has_value(), qPrintable(phone ? QString() : phone.error().message()));
        QCOMPARE(phone->kind(), PhoneNumber::Kind::Mobile);
        QCOMPARE(phone->number(), QStringLiteral("13812345678"));
        QVERIFY(phone->areaCode().isEmpty());
        QCOMPARE(phone->masked(), QStringLiteral("138****5678"));
    }

    void everyMobilePrefix()
    {
        for (char second = '3'; second <= '9'; ++second) {
            const QString number = QStringLiteral("1") + QLatin1Char(second) + QStringLiteral("912345678");
            QVERIFY2(PhoneNumber::parse(number).has_value(), qPrintable(number));
        }
    }

    void landline_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("area");
        QTest::addColumn<QString>("masked");
        QTest::newRow("Wenzhou dash") << QStringLiteral("0577-88881234") << QStringLiteral("0577-88881234")
                                      << QStringLiteral("0577") << QStringLiteral("0577-****1234");
        QTest::newRow("Wenzhou run together")
            << QStringLiteral("057788881234") << QStringLiteral("0577-88881234") << QStringLiteral("0577")
            << QStringLiteral("0577-****1234");
        QTest::newRow("Beijing") << QStringLiteral("010-65123456") << QStringLiteral("010-65123456")
                                 << QStringLiteral("010") << QStringLiteral("010-****3456");
        QTest::newRow("Beijing run together")
            << QStringLiteral("01065123456") << QStringLiteral("010-65123456") << QStringLiteral("010")
            << QStringLiteral("010-****3456");
        QTest::newRow("Shanghai brackets")
            << QStringLiteral("(021)63211234") << QStringLiteral("021-63211234") << QStringLiteral("021")
            << QStringLiteral("021-****1234");
        QTest::newRow("full-width brackets")
            << QStringLiteral("（０５７１）８７０１２３４") << QStringLiteral("0571-8701234")
            << QStringLiteral("0571") << QStringLiteral("0571-***1234");
        QTest::newRow("seven digits") << QStringLiteral("0574-6512345") << QStringLiteral("0574-6512345")
                                      << QStringLiteral("0574") << QStringLiteral("0574-***2345");
        QTest::newRow("from abroad") << QStringLiteral("+86 577 8888 1234") << QStringLiteral("0577-88881234")
                                     << QStringLiteral("0577") << QStringLiteral("0577-****1234");
    }
    void landline()
    {
        QFETCH(QString, text);
        QFETCH(QString, number);
        QFETCH(QString, area);
        QFETCH(QString, masked);
        const auto phone = PhoneNumber::parse(text);
        QVERIFY2(phone.has_value(), qPrintable(phone ? QString() : phone.error().message()));
        QCOMPARE(phone->kind(), PhoneNumber::Kind::Landline);
        QCOMPARE(phone->number(), number);
        QCOMPARE(phone->areaCode(), area);
        QCOMPARE(phone->subscriber(), number.mid(area.size() + 1));
        QCOMPARE(phone->masked(), masked);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QStringLiteral(" ") << QStringLiteral("empty");
        QTest::newRow("short mobile") << QStringLiteral("1381234567") << QStringLiteral("this one has 10");
        QTest::newRow("long mobile") << QStringLiteral("138123456789") << QStringLiteral("this one has 12");
        QTest::newRow("12 prefix") << QStringLiteral("12812345678") << QStringLiteral("not 12");
        QTest::newRow("letters") << QStringLiteral("138abc45678") << QStringLiteral("'a' is not allowed");
        QTest::newRow("no area code") << QStringLiteral("88881234") << QStringLiteral("needs its area code");
        QTest::newRow("service number") << QStringLiteral("95588") << QStringLiteral("not a phone number");
        QTest::newRow("bad area split")
            << QStringLiteral("057-788881234") << QStringLiteral("057 is not an area code");
        QTest::newRow("Beijing split wrong")
            << QStringLiteral("0106-5123456") << QStringLiteral("0106 is not an area code");
        QTest::newRow("international prefix")
            << QStringLiteral("0044207946000") << QStringLiteral("not an area code");
        QTest::newRow("011") << QStringLiteral("01187654321") << QStringLiteral("not an area code");
        QTest::newRow("local too short") << QStringLiteral("0577-888812") << QStringLiteral("7 or 8 digits");
        QTest::newRow("local too long")
            << QStringLiteral("0577-888812345") << QStringLiteral("7 or 8 digits");
        QTest::newRow("extension") << QStringLiteral("0577-88881234-801") << QStringLiteral("7 or 8 digits");
        QTest::newRow("local starts with 0")
            << QStringLiteral("0577-08881234") << QStringLiteral("cannot start");
        QTest::newRow("open bracket") << QStringLiteral("(0577 88881234") << QStringLiteral("not closed");
    }
    void invalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const auto phone = PhoneNumber::parse(text);
        QVERIFY(!phone.has_value());
        QVERIFY2(phone.error().message().contains(reason), qPrintable(phone.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phoneNumber.moc"
