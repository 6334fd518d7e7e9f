#include "catalogue/PreApplicationCode.h"

#include <QSet>
#include <QTest>

using ow::catalogue::PreApplicationCode;

/// The pre-application code: what the server issues and the counter reads, scanned or typed.
class TestPreApplicationCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedCodesAreValidAndDistinct()
    {
        QSet<QString> seen;
        for (int i = 0; i < 500; ++i) {
            const PreApplicationCode code = PreApplicationCode::generate();
            QVERIFY2(PreApplicationCode::isValidCode(code.code), qPrintable(code.code));
            QCOMPARE(code.code.size(), 12);
            QVERIFY(code.code.startsWith(QLatin1String("YS")));
            seen.insert(code.code);
        }
        QCOMPARE(seen.size(), 500);
    }

    void noLookAlikes()
    {
        for (const char c : {'0', 'O', '1', 'I', 'L'})
            QVERIFY(!PreApplicationCode::kAlphabet.contains(QLatin1Char(c)));
    }

    void readsWhatItWrites()
    {
        const PreApplicationCode code = PreApplicationCode::generate();
        QCOMPARE(code.toText(), QStringLiteral("OWP1:") + code.code);
        QVERIFY(PreApplicationCode::isQrText(code.toText()));
        const ow::Result<PreApplicationCode> again = PreApplicationCode::parse(code.toText());
        QVERIFY(again);
        QCOMPARE(again->code, code.code);
    }

    void readsScannedAndTyped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("QR") << QStringLiteral("OWP1:YS23456789AB");
        QTest::newRow("scanner's line end") << QStringLiteral("OWP1:YS23456789AB\r\n");
        QTest::newRow("lower-case prefix") << QStringLiteral("owp1:YS23456789AB");
        QTest::newRow("typed bare") << QStringLiteral("YS23456789AB");
        QTest::newRow("typed lower case") << QStringLiteral(" ys23456789ab ");
    }
    void readsScannedAndTyped()
    {
        QFETCH(QString, text);
        const ow::Result<PreApplicationCode> code = PreApplicationCode::parse(text);
        QVERIFY2(code, qPrintable(code ? QString() : code.error().message()));
        QCOMPARE(code->code, QStringLiteral("YS23456789AB"));
    }

    void refusesWhatIsNoCode_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("prefix only") << QStringLiteral("OWP1:");
        QTest::newRow("short") << QStringLiteral("OWP1:YS23456789A");
        QTest::newRow("long") << QStringLiteral("OWP1:YS23456789ABC");
        QTest::newRow("zero") << QStringLiteral("YS03456789AB");
        QTest::newRow("letter O") << QStringLiteral("YSO3456789AB");
        QTest::newRow("one") << QStringLiteral("YS13456789AB");
        QTest::newRow("other prefix") << QStringLiteral("XX23456789AB");
        QTest::newRow("guide code") << QStringLiteral("OWG1:330302-WJ-001:place-type=hotel");
        QTest::newRow("inner space") << QStringLiteral("YS23456 789AB");
        QTest::newRow("full-width") << QStringLiteral("ＹＳ２３４５６７８９ＡＢ");
        QTest::newRow("control") << QStringLiteral("YS2345678\x1b"
                                                   "AB");
        QTest::newRow("1 MB") << QString(1 << 20, QLatin1Char('Y'));
    }
    void refusesWhatIsNoCode()
    {
        QFETCH(QString, text);
        const ow::Result<PreApplicationCode> code = PreApplicationCode::parse(text);
        QVERIFY(!code);
        QVERIFY(code.error().message().size() < 200);
        QVERIFY(!code.error().message().contains(QLatin1Char('\x1b')));
    }
};

QTEST_GUILESS_MAIN(TestPreApplicationCode)
#include "tst_preApplicationCode.moc"
