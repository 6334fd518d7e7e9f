#include "cases/CaseNumber.h"
#include "cases/QrToken.h"

#include <QSet>
#include <QTest>

using namespace ow::cases;
using namespace Qt::StringLiterals;

namespace {

const QString kAlphabet = u"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;

// ISO 7064 MOD 37,36 verification written the other way round from the library: running the
// recursion over the whole number, check character included, must end with the value 1.
bool verifiesIndependently(const QString &number)
{
    int product = 36;
    int sum = 0;
    for (QChar c : number) {
        sum = (product + int(kAlphabet.indexOf(c))) % 36;
        if (sum == 0)
            sum = 36;
        product = (sum * 2) % 37;
    }
    return sum == 1;
}

} // namespace

/// Case numbers (format, check character, errors it catches) and QR tokens.
class TestCaseNumber : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makeAndPrint()
    {
        const auto number
            = CaseNumber::make(u"33030201"_s, QDate(2026, 3, 15), CaseNumber::sequenceFor(1, 1));
        QVERIFY(number);
        const QString text = number->toString();
        QCOMPARE(text.size(), CaseNumber::kLength);
        QVERIFY(text.startsWith(u"3303020120260315010001"_s));
        QVERIFY(verifiesIndependently(text));
        QCOMPARE(number->counterNumber(), 1);
        QCOMPARE(number->serial(), 1);
        QCOMPARE(number->toDisplayString(), u"33030201-20260315-010001-"_s + text.back());
    }

    void knownCheckCharacters()
    {
        // Computed by hand (worked in docs/case-number.md) and by an independent script.
        QCOMPARE(CaseNumber::checkCharacter(u"3303020120260315010001"_s), u'W');
        QCOMPARE(CaseNumber::checkCharacter(u"3303020120260315010002"_s), u'U');
        QCOMPARE(CaseNumber::checkCharacter(u"3303020A20261231999999"_s), u'L');
        QVERIFY(CaseNumber::isValid(u"33030201-20260315-010001-W"_s));
    }

    void parseRoundTrip()
    {
        const auto number
            = CaseNumber::make(u"3303020A"_s, QDate(2026, 12, 31), CaseNumber::sequenceFor(99, 9999));
        QVERIFY(number);
        const auto parsed = CaseNumber::parse(number->toString());
        QVERIFY(parsed);
        QCOMPARE(*parsed, *number);
        QCOMPARE(parsed->hallCode(), u"3303020A"_s);
        QCOMPARE(parsed->date(), QDate(2026, 12, 31));
        QCOMPARE(parsed->counterNumber(), 99);
        QCOMPARE(parsed->serial(), 9999);
        // As typed from a printed receipt: grouped, lower case, with spaces.
        const QString typed = u" "_s + number->toDisplayString().toLower().replace(u'-', u" - "_s) + u" "_s;
        QCOMPARE(CaseNumber::parse(typed).value(), *number);
    }

    void checkCharacterCatchesEverySingleSubstitution()
    {
        const QString good = CaseNumber::make(u"33030201"_s, QDate(2026, 3, 15), 10042).value().toString();
        int tried = 0;
        for (int i = 0; i < good.size(); ++i) {
            for (QChar c : kAlphabet) {
                if (c == good.at(i))
                    continue;
                QString bad = good;
                bad[i] = c;
                QVERIFY2(!verifiesIndependently(bad), qPrintable(bad));
                QVERIFY2(!CaseNumber::isValid(bad), qPrintable(bad));
                ++tried;
            }
        }
        QCOMPARE(tried, 23 * 35);
    }

    void checkCharacterCatchesEveryAdjacentTransposition()
    {
        for (int sequence : {10001, 20345, 990017}) {
            const QString good
                = CaseNumber::make(u"33030201"_s, QDate(2027, 1, 9), sequence).value().toString();
            for (int i = 0; i + 1 < good.size(); ++i) {
                if (good.at(i) == good.at(i + 1))
                    continue;
                QString bad = good;
                std::swap(bad[i], bad[i + 1]);
                QVERIFY2(!CaseNumber::isValid(bad), qPrintable(bad));
            }
        }
    }

    void checkCharacterIsTheOneThatVerifies()
    {
        // Every possible check character but one fails: the computed one is the only valid completion.
        const QString payload = u"3303020120260315010001"_s;
        int valid = 0;
        for (QChar c : kAlphabet)
            if (verifiesIndependently(payload + c)) {
                ++valid;
                QCOMPARE(c, CaseNumber::checkCharacter(payload));
            }
        QCOMPARE(valid, 1);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        const QString good = CaseNumber::make(u"33030201"_s, QDate(2026, 3, 15), 10001).value().toString();
        QTest::newRow("empty") << QString();
        QTest::newRow("short") << good.left(22);
        QTest::newRow("long") << QString(good + u'0');
        QTest::newRow("punctuation") << QString(good.left(10) + u'.' + good.mid(11));
        QTest::newRow("ideograph") << QString(good.left(10) + u'号' + good.mid(11));
        const auto withCheck
            = [](const QString &payload) { return QString(payload + CaseNumber::checkCharacter(payload)); };
        QTest::newRow("letter in county code") << withCheck(u"3303A201202603150100 01"_s.remove(u' '));
        QTest::newRow("no such date") << withCheck(u"3303020120260230010001"_s);
        QTest::newRow("serial zero") << withCheck(u"3303020120260315010000"_s);
        QTest::newRow("sequence zero") << withCheck(u"3303020120260315000000"_s);
        QTest::newRow("sequence not digits") << withCheck(u"33030201202603150100A1"_s);
    }
    void rejects()
    {
        QFETCH(QString, text);
        const auto parsed = CaseNumber::parse(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code(), ow::Error::Code::Invalid);
        QVERIFY(!parsed.error().message().isEmpty());
    }

    void makeRejectsBadParts()
    {
        QVERIFY(!CaseNumber::make(u"330302"_s, QDate(2026, 1, 1), 1));
        QVERIFY(!CaseNumber::make(u"3303020a"_s, QDate(2026, 1, 1), 1)); // canonical is upper case
        QVERIFY(!CaseNumber::make(u"33030201"_s, QDate(), 1));
        QVERIFY(!CaseNumber::make(u"33030201"_s, QDate(2026, 1, 1), 0));
        QVERIFY(!CaseNumber::make(u"33030201"_s, QDate(2026, 1, 1), 1000000));
        QVERIFY(CaseNumber::make(u"33030201"_s, QDate(2026, 1, 1), 9999));
        QVERIFY(CaseNumber::checkHallCode(u"330302ZZ"_s));
        QVERIFY(!CaseNumber::checkHallCode(u"33030-01"_s));
    }

    void tokensAreWellFormedAndDistinct()
    {
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i) {
            const QString token = QrToken::generate();
            QCOMPARE(token.size(), QrToken::kLength);
            QVERIFY2(QrToken::isWellFormed(token), qPrintable(token));
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 2000);
    }

    void tokensUseEveryBit()
    {
        // Over many tokens each of the first 25 positions takes many of the 32 values: the random
        // bits are spread over the whole token, not left as constant characters.
        QList<QSet<QChar>> values(QrToken::kLength);
        for (int i = 0; i < 4000; ++i) {
            const QString token = QrToken::generate();
            for (int p = 0; p < QrToken::kLength; ++p)
                values[p].insert(token.at(p));
        }
        for (int p = 0; p + 1 < QrToken::kLength; ++p)
            QVERIFY2(values.at(p).size() == 32, qPrintable(QString::number(p)));
        QCOMPARE(values.last().size(), 8); // 3 bits left for the last character
    }

    void tokenShapeIsChecked()
    {
        const QString token = QrToken::generate();
        QVERIFY(!QrToken::isWellFormed(token.toUpper()));
        QVERIFY(!QrToken::isWellFormed(token.left(25)));
        QVERIFY(!QrToken::isWellFormed(QString(token.left(25) + u'1')));
        QVERIFY(!QrToken::isWellFormed(QString(token.left(25) + u'b'))); // padding bits set
        QVERIFY(QrToken::isWellFormed(QString(token.left(25) + u'e')));
    }

    void linkCarriesOnlyTheToken()
    {
        const QUrl base(u"https://hall.example.gov.cn/c"_s);
        const QString token = QrToken::generate();
        const QUrl link = QrToken::link(base, token);
        QCOMPARE(link.toString(), u"https://hall.example.gov.cn/c/"_s + token);
        QCOMPARE(QrToken::fromLink(base, link).value(), token);
        QVERIFY(!QrToken::fromLink(base, QUrl(u"https://evil.example.com/c/"_s + token)));
        QVERIFY(!QrToken::fromLink(base, QUrl(u"https://hall.example.gov.cn/c/330302012026031501000"_s)));
    }
};

QTEST_GUILESS_MAIN(TestCaseNumber)
#include "tst_caseNumber.moc"
