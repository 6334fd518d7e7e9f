#include "IdCardTestFrames.h"
#include "idcard/IdCardData.h"
#include "idcard/IdCardTextCheck.h"
#include "idcard/IdCardTextDecoder.h"
#include "idcard/SamFrame.h"

#include <QJsonObject>
#include <QTest>

using namespace ow::drivers::idcard;

namespace {

/// A mainland text block with one field overwritten by `text` (UTF-16LE, space padded).
QByteArray mainlandWith(int offset, int size, const QString &text)
{
    QByteArray block = idcardtest::mainlandText();
    for (int i = offset; i < offset + size; i += 2) {
        block[i] = ' ';
        block[i + 1] = '\0';
    }
    idcardtest::put(block, offset, size, text);
    return block;
}

/// The error a whole read reply with `text` as its text block gets, through frame parsing as a
/// reader's answer would go; empty when the card is accepted.
QString refusal(const QByteArray &text)
{
    const ow::Result<SamResponse> reply = SamResponse::parse(idcardtest::readReply(text));
    if (!reply)
        return QStringLiteral("frame: ") + reply.error().message();
    const ow::Result<IdCardData> card = IdCardTextDecoder::decodeReadData(reply->data);
    return card ? QString() : card.error().message();
}

} // namespace

/// Damaged text inside a frame whose checksum matches: each kind is refused and the field named.
class TestIdCardTextChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goodCardsPass()
    {
        QCOMPARE(refusal(idcardtest::mainlandText()), QString());
        QCOMPARE(refusal(idcardtest::hkMacaoTaiwanText()), QString());
        QCOMPARE(refusal(idcardtest::foreignPermanentText()), QString());
        QCOMPARE(refusal(idcardtest::foreignPermanent2023Text()), QString());
    }

    void datesMustBeRealDates_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("date");
        QTest::addColumn<QString>("field");
        QTest::newRow("letters") << 36 << QStringLiteral("abcdefgh") << QStringLiteral("date of birth");
        QTest::newRow("30 February") << 36 << QStringLiteral("19900230") << QStringLiteral("date of birth");
        QTest::newRow("month 13") << 188 << QStringLiteral("20101301") << QStringLiteral("start of validity");
        QTest::newRow("signed") << 188 << QStringLiteral("+2010101") << QStringLiteral("start of validity");
        QTest::newRow("short") << 204 << QStringLiteral("2030") << QStringLiteral("end of validity");
        QTest::newRow("not long-term") << 204 << QStringLiteral("短期") << QStringLiteral("end of validity");
    }

    void datesMustBeRealDates()
    {
        QFETCH(int, offset);
        QFETCH(QString, date);
        QFETCH(QString, field);
        const QString message = refusal(mainlandWith(offset, 16, date));
        QVERIFY2(message.contains(field), qPrintable(message));
        QVERIFY2(message.contains(date), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("YYYYMMDD")), qPrintable(message));
    }

    void validDatesAndLongTermPass()
    {
        QCOMPARE(refusal(mainlandWith(204, 16, QStringLiteral("20301231"))), QString());
        QCOMPARE(refusal(mainlandWith(204, 16, QStringLiteral("长期"))), QString());
        QCOMPARE(refusal(mainlandWith(36, 16, QStringLiteral("20000229"))), QString());
    }

    void controlCharactersAreRefusedAndEscaped_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("shown");
        QTest::newRow("escape sequence in the name")
            << 0 << 30 << QStringLiteral("张\x1b[31m三") << QStringLiteral("name")
            << QStringLiteral("张\\x1b[31m三");
        QTest::newRow("NUL inside the address")
            << 52 << 70 << QString() << QStringLiteral("address") << QStringLiteral("北京市\\0朝阳区");
        QTest::newRow("line break in the authority")
            << 158 << 30 << QStringLiteral("公安局\n分局") << QStringLiteral("issuing authority")
            << QStringLiteral("公安局\\n分局");
        QTest::newRow("right-to-left override in the ID number")
            << 122 << 36 << QStringLiteral("110105\u202E1949") << QStringLiteral("ID number")
            << QStringLiteral("110105\\u{202E}1949");
    }

    void controlCharactersAreRefusedAndEscaped()
    {
        QFETCH(int, offset);
        QFETCH(int, size);
        QFETCH(QString, text);
        QFETCH(QString, field);
        QFETCH(QString, shown);
        if (text.isEmpty()) // a NUL cannot be written in a literal that QStringLiteral keeps
            text = QStringLiteral("北京市") + QChar(u'\0') + QStringLiteral("朝阳区");
        const QString message = refusal(mainlandWith(offset, size, text));
        QVERIFY2(message.contains(field), qPrintable(message));
        QVERIFY2(message.contains(shown), qPrintable(message));
        for (QChar c : message)
            QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x202E, "a raw control character in the message");
    }

    void loneSurrogatesAreRefused()
    {
        QString name = QStringLiteral("张");
        name.append(QChar(char16_t(0xD83D))); // the first half of a pair, without its second half
        name.append(QStringLiteral("三"));
        const QString message = refusal(mainlandWith(0, 30, name));
        QVERIFY2(message.contains(QStringLiteral("name")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("\\u{D83D}")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("position 2")), qPrintable(message));

        // A whole pair (a character outside the BMP, as in some names) is fine.
        const QString whole = QStringLiteral("张") + QString::fromUcs4(U"\U00020000") + QStringLiteral("三");
        QCOMPARE(refusal(mainlandWith(0, 30, whole)), QString());
    }

    void fieldsStayWithinTheirWidth()
    {
        // A card file for the simulator can say anything; it is held to the card's own widths.
        const QJsonObject tooLong {{QStringLiteral("name"), QString(16, QChar(u'张'))},
            {QStringLiteral("idNumber"), QStringLiteral("11010519491231002X")}};
        const ow::Result<IdCardData> card = IdCardData::fromJson(tooLong);
        QVERIFY(!card);
        QVERIFY2(card.error().message().contains(QStringLiteral("name")), qPrintable(card.error().message()));
        QVERIFY2(card.error().message().contains(QStringLiteral("16")), qPrintable(card.error().message()));
        QVERIFY2(card.error().message().contains(QStringLiteral("15")), qPrintable(card.error().message()));

        const QJsonObject fits {{QStringLiteral("name"), QString(15, QChar(u'张'))}};
        QVERIFY(IdCardData::fromJson(fits).has_value());

        const QJsonObject badDate {{QStringLiteral("birthDate"), QStringLiteral("19491232")}};
        QVERIFY(!IdCardData::fromJson(badDate).has_value());
    }

    void excerptOfAFieldIsShort()
    {
        IdCardData card;
        card.cardType = IdCardData::CardType::ForeignPermanent;
        card.englishName = QString(40, QChar(u'A')) + QChar(u'\x07') + QString(19, QChar(u'B'));
        const ow::Result<void> checked = IdCardTextCheck::check(card);
        QVERIFY(!checked);
        QVERIFY2(checked.error().message().contains(QStringLiteral("\\x07")),
            qPrintable(checked.error().message()));
        QVERIFY(checked.error().message().size() < 300);
    }
};

QTEST_GUILESS_MAIN(TestIdCardTextChecks)
#include "tst_idCardTextChecks.moc"
