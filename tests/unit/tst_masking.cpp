#include "core/Masking.h"

#include <QTest>

using ow::Masking;

/// Masking of names, ID numbers, phones and addresses for lists and logs.
class TestMasking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("masked");
        QTest::newRow("one") << QStringLiteral("王") << QStringLiteral("*");
        QTest::newRow("two") << QStringLiteral("张三") << QStringLiteral("张*");
        QTest::newRow("three") << QStringLiteral("张三丰") << QStringLiteral("张*丰");
        QTest::newRow("four") << QStringLiteral("欧阳娜娜") << QStringLiteral("欧**娜");
        QTest::newRow("spaces trimmed") << QStringLiteral(" 李四 ") << QStringLiteral("李*");
        // 𠮷 (U+20BB7) is outside the BMP: one character, not two.
        QTest::newRow("outside BMP") << QStringLiteral("𠮷野家") << QStringLiteral("𠮷*家");
        QTest::newRow("latin") << QStringLiteral("Anna") << QStringLiteral("A**a");
        QTest::newRow("empty") << QString() << QString();
    }
    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, masked);
        QCOMPARE(Masking::name(name), masked);
    }

    void idNumbers()
    {
        QCOMPARE(Masking::idNumber(u"330302199001011235"), QStringLiteral("3303**********1235"));
        QCOMPARE(Masking::idNumber(u"E12345678"), QStringLiteral("E123*5678"));
        // Too short to keep 4 + 4: only the first character stays.
        QCOMPARE(Masking::idNumber(u"12345678"), QStringLiteral("1*******"));
    }

    void phones()
    {
        QCOMPARE(Masking::phone(u"138 1234 5678"), QStringLiteral("138****5678"));
        QCOMPARE(Masking::phone(u"0577-88881234"), QStringLiteral("0577-****1234"));
        QCOMPARE(Masking::phone(u"95588123"), QStringLiteral("955*8123"));
    }

    void addresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("masked");
        QTest::newRow("province city county") << QStringLiteral("浙江省温州市鹿城区五马街道解放街100号")
                                              << QStringLiteral("浙江省温州市鹿城区****");
        QTest::newRow("municipality")
            << QStringLiteral("北京市朝阳区建国路88号") << QStringLiteral("北京市朝阳区****");
        QTest::newRow("starts at prefecture")
            << QStringLiteral("温州市鹿城区车站大道1号") << QStringLiteral("温州市鹿城区****");
        QTest::newRow("county-level city")
            << QStringLiteral("浙江省温州市瑞安市安阳街道1号") << QStringLiteral("浙江省温州市瑞安市****");
        QTest::newRow("province-administered county")
            << QStringLiteral("湖北省仙桃市干河街道2号") << QStringLiteral("湖北省仙桃市****");
        QTest::newRow("no division names")
            << QStringLiteral("解放街100号3单元") << QStringLiteral("解放街10****");
        QTest::newRow("only divisions") << QStringLiteral("浙江省温州市") << QStringLiteral("浙江省温州市");
        QTest::newRow("empty") << QString() << QString();
    }
    void addresses()
    {
        QFETCH(QString, address);
        QFETCH(QString, masked);
        QCOMPARE(Masking::address(address), masked);
    }

    void keep()
    {
        QCOMPARE(Masking::keep(u"abcdef", 2, 1), QStringLiteral("ab***f"));
        QCOMPARE(Masking::keep(u"abc", 2, 1), QStringLiteral("a**"));
        QCOMPARE(Masking::keep(u"a", 0, 1), QStringLiteral("*"));
    }
};

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
