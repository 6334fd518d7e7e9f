#include "core/AdministrativeDivisions.h"

#include <QTest>

using ow::AdministrativeDivisions;

/// GB/T 2260 division table: the compiled-in data, the tree, lookups, and errors in table files.
class TestDivisions : public QObject
{
    Q_OBJECT

    static const AdministrativeDivisions &table() { return AdministrativeDivisions::builtIn(); }

private Q_SLOTS:
    void builtInTable()
    {
        QVERIFY(!table().isEmpty());
        QVERIFY2(table().size() > 3000, qPrintable(QString::number(table().size())));
        QCOMPARE(table().version(), QStringLiteral("MCA-2020+NBS-2023.06"));
        const QStringList provinces = table().provinces();
        QCOMPARE(provinces.size(), 34);
        QCOMPARE(provinces.constFirst(), QStringLiteral("110000"));
        for (const char *code : {"330000", "650000", "710000", "810000", "820000"})
            QVERIFY2(provinces.contains(QLatin1String(code)), code);
        for (const QString &code : provinces) {
            const QString name = table().name(code);
            QVERIFY2(name.endsWith(u'省') || name.endsWith(u'市') || name.endsWith(QStringLiteral("自治区"))
                    || name.endsWith(QStringLiteral("特别行政区")),
                qPrintable(code + u' ' + name));
        }
    }

    void lookups()
    {
        QCOMPARE(table().name(u"330302"), QStringLiteral("鹿城区"));
        QCOMPARE(table().fullName(u"330302"), QStringLiteral("浙江省温州市鹿城区"));
        QCOMPARE(table().fullName(u"330300"), QStringLiteral("浙江省温州市"));
        QCOMPARE(table().fullName(u"110105"), QStringLiteral("北京市朝阳区"));
        QCOMPARE(table().fullName(u"500229"), QStringLiteral("重庆市城口县"));
        QCOMPARE(table().fullName(u"429004"), QStringLiteral("湖北省仙桃市"));
        QCOMPARE(table().fullName(u"441900"), QStringLiteral("广东省东莞市"));
        QCOMPARE(table().parent(u"330302"), QStringLiteral("330300"));
        QCOMPARE(table().parent(u"330300"), QStringLiteral("330000"));
        QCOMPARE(table().parent(u"110105"), QStringLiteral("110000"));
        QCOMPARE(table().parent(u"429004"), QStringLiteral("420000"));
        QVERIFY(table().parent(u"330000").isEmpty());
    }

    void children()
    {
        const QStringList wenzhou
            = {QStringLiteral("330302"), QStringLiteral("330303"), QStringLiteral("330304"),
                QStringLiteral("330305"), QStringLiteral("330324"), QStringLiteral("330326"),
                QStringLiteral("330327"), QStringLiteral("330328"), QStringLiteral("330329"),
                QStringLiteral("330381"), QStringLiteral("330382"), QStringLiteral("330383")};
        QCOMPARE(table().children(u"330300"), wenzhou);
        QVERIFY(table().children(u"330302").isEmpty());
        QCOMPARE(table().children(u"110000").constFirst(), QStringLiteral("110101"));
        QVERIFY(table().children(u"420000").contains(QStringLiteral("429004")));
        QVERIFY(table().children(u"330000").contains(QStringLiteral("330300")));
        QVERIFY(!table().children(u"330000").contains(QStringLiteral("330302")));
        QVERIFY(table().children(u"999999").isEmpty());
    }

    void changesSince2020()
    {
        // Hangzhou 2021: 下城区 and 江干区 merged away, 临平区 and 钱塘区 created.
        QVERIFY(table().isKnown(u"330113"));
        QCOMPARE(table().name(u"330114"), QStringLiteral("钱塘区"));
        QVERIFY(table().isKnown(u"330103"));
        QVERIFY(table().isAbolished(u"330103"));
        QVERIFY(!table().isAbolished(u"330113"));
        QVERIFY(!table().children(u"330100").contains(QStringLiteral("330103")));
        QVERIFY(table().children(u"330100", true).contains(QStringLiteral("330103")));
        // Statistical codes that are not divisions stay out.
        QVERIFY(!table().isKnown(u"130171")); // 石家庄高新技术产业开发区
        QVERIFY(!table().isKnown(u"419000")); // the package's invented "省直辖县级行政区划"
        QVERIFY(!table().isKnown(u"110100")); // 市辖区
    }

    void malformedCodesAreUnknown()
    {
        for (const char16_t *code : {u"", u"33030", u"3303021", u"abcdef", u"000000", u"３３０３０２"}) {
            QVERIFY(!table().isKnown(code));
            QVERIFY(table().name(code).isEmpty());
            QVERIFY(table().fullName(code).isEmpty());
        }
    }

    void levels()
    {
        QCOMPARE(AdministrativeDivisions::level(u"330000"), AdministrativeDivisions::Level::Province);
        QCOMPARE(AdministrativeDivisions::level(u"330300"), AdministrativeDivisions::Level::Prefecture);
        QCOMPARE(AdministrativeDivisions::level(u"330302"), AdministrativeDivisions::Level::County);
        QVERIFY(!AdministrativeDivisions::level(u"33").has_value());
    }

    void leadingNames()
    {
        QCOMPARE(table().leadingNamesLength(u"浙江省温州市鹿城区五马街道"), 9);
        QCOMPARE(table().leadingNamesLength(u"北京市朝阳区建国路"), 6);
        QCOMPARE(table().leadingNamesLength(u"温州市鹿城区"), 6);
        QCOMPARE(table().leadingNamesLength(u"浙江省杭州市下城区"), 9);
        QCOMPARE(table().leadingNamesLength(u"解放街"), 0);
        QCOMPARE(table().leadingNamesLength(u""), 0);
    }

    void parseSmallTable()
    {
        const auto parsed
            = AdministrativeDivisions::parse(u"# comment\nversion T-1\n330000 浙江省\n330300 温州市\n330302 "
                                             u"鹿城区\n330103 下城区 abolished\n\n",
                QStringLiteral("t.txt"));
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->size(), 4);
        QCOMPARE(parsed->version(), QStringLiteral("T-1"));
        // No prefecture 330100: the county hangs under the province.
        QCOMPARE(parsed->parent(u"330103"), QStringLiteral("330000"));
        QVERIFY(parsed->isAbolished(u"330103"));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("reason");
        QTest::newRow("short code") << QStringLiteral("330000 浙江省\n33030 温州市\n") << 2
                                    << QStringLiteral("six digits");
        QTest::newRow("no name") << QStringLiteral("330000 浙江省\n330300\n") << 2
                                 << QStringLiteral("no name");
        QTest::newRow("bad flag") << QStringLiteral("330000 浙江省\n330300 温州市 gone\n") << 2
                                  << QStringLiteral("abolished");
        QTest::newRow("twice") << QStringLiteral("330000 浙江省\n\n330000 浙江\n") << 3
                               << QStringLiteral("first on line 1");
        QTest::newRow("no parent") << QStringLiteral("330000 浙江省\n320302 鼓楼区\n") << 2
                                   << QStringLiteral("320000");
        QTest::newRow("version") << QStringLiteral("version a b\n") << 1 << QStringLiteral("one word");
        QTest::newRow("empty") << QStringLiteral("# nothing\n") << 0 << QStringLiteral("empty");
    }
    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, reason);
        const auto parsed = AdministrativeDivisions::parse(text, QStringLiteral("bad.txt"));
        QVERIFY(!parsed.has_value());
        QCOMPARE(parsed.error().where().file, QStringLiteral("bad.txt"));
        QCOMPARE(parsed.error().where().line, line);
        QVERIFY2(parsed.error().message().contains(reason), qPrintable(parsed.error().message()));
    }

    void loadMissingFile()
    {
        const auto loaded = AdministrativeDivisions::load(QStringLiteral("/nonexistent/divisions.txt"));
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code(), ow::Error::Code::Io);
    }
};

QTEST_GUILESS_MAIN(TestDivisions)
#include "tst_divisions.moc"
