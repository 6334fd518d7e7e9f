#include "core/InputExcerpt.h"

#include <QTest>

using ow::InputExcerpt;

/// What messages quote of outside input: short, around the place, and never a raw control character.
class TestDiagnosticExcerpt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shortTextIsKeptWhole()
    {
        QCOMPARE(InputExcerpt::excerpt(u"bogus"), QStringLiteral("bogus"));
        QCOMPARE(InputExcerpt::excerpt(u""), QString());
        QCOMPARE(InputExcerpt::excerpt(QString(80, QChar(u'x'))), QString(80, QChar(u'x')));
    }

    void controlCharactersAreEscaped()
    {
        const QString input = QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b\x1b[31mc\td\re\nf\x7f")
            + QChar(char16_t(0x85)) + QChar(char16_t(0x202E)) + QChar(char16_t(0x2028));
        QCOMPARE(InputExcerpt::escaped(input),
            QStringLiteral("a\\0b\\x1b[31mc\\td\\re\\nf\\x7f\\x85\\u{202E}\\u{2028}"));
        QCOMPARE(InputExcerpt::firstUnsafe(input), 1);
        QCOMPARE(InputExcerpt::firstUnsafe(u"张三 abc"), -1);
    }

    void loneSurrogatesAreEscapedPairsKept()
    {
        QString input = QStringLiteral("x");
        input.append(QChar(char16_t(0xDC00)));
        input.append(QString::fromUcs4(U"\U0001F600"));
        input.append(QChar(char16_t(0xD800)));
        QCOMPARE(InputExcerpt::escaped(input),
            QStringLiteral("x\\u{DC00}") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("\\u{D800}"));
        QCOMPARE(InputExcerpt::firstUnsafe(input), 1);
        QCOMPARE(InputExcerpt::firstUnsafe(QString::fromUcs4(U"\U0001F600")), -1);
    }

    void longInputGivesAShortExcerptAroundThePosition()
    {
        // The black-box case: a 4 MB line.
        const QString line
            = QString(2'000'000, QChar(u'a')) + QStringLiteral("HERE") + QString(2'000'000, QChar(u'b'));
        const QString start = InputExcerpt::excerpt(line);
        QCOMPARE(start.size(), InputExcerpt::kWidth);
        QVERIFY(start.endsWith(u'…'));
        QVERIFY(start.startsWith(u'a'));

        const QString middle = InputExcerpt::excerpt(line, 2'000'000);
        QVERIFY(middle.size() <= InputExcerpt::kWidth);
        QVERIFY(middle.startsWith(u'…'));
        QVERIFY(middle.endsWith(u'…'));
        QVERIFY2(middle.contains(QStringLiteral("aHEREb")), qPrintable(middle));
    }

    void escapesCountTowardsTheWidthAndAreNeverCut()
    {
        const QString line = QString(200, QChar(u'\x1b'));
        const QString excerpt = InputExcerpt::excerpt(line);
        QVERIFY(excerpt.size() <= InputExcerpt::kWidth);
        QVERIFY(excerpt.endsWith(QStringLiteral("\\x1b…")));
        QVERIFY(excerpt.size() > 70); // it fills the line with whole escapes
    }

    void boundedMessage()
    {
        const QString message
            = QStringLiteral("“") + QString(10'000, QChar(u'\0')) + QStringLiteral("” is wrong");
        const QString bounded = InputExcerpt::bounded(message);
        QVERIFY(bounded.size() <= 4 * InputExcerpt::kWidth);
        QVERIFY(bounded.endsWith(u'…'));
        QCOMPARE(InputExcerpt::firstUnsafe(bounded), -1);
        QCOMPARE(InputExcerpt::bounded(u"fine"), QStringLiteral("fine"));
    }
};

QTEST_GUILESS_MAIN(TestDiagnosticExcerpt)
#include "tst_diagnosticExcerpt.moc"
