#include "IdCardTestFrames.h"
#include "idcard/IdCardData.h"
#include "idcard/IdCardSimulator.h"
#include "idcard/IdCardTables.h"
#include "idcard/IdCardTextDecoder.h"
#include "idcard/IdCardTextEncoder.h"
#include "idcard/SamFrame.h"
#include "idcard/WltPhotoDecoder.h"

#include <QJsonDocument>
#include <QTest>

using namespace ow::drivers::idcard;
using CardType = IdCardData::CardType;

namespace {

IdCardData decodeReply(const QByteArray &frame)
{
    const ow::Result<SamResponse> reply = SamResponse::parse(frame);
    if (!reply) {
        qWarning("%s", qPrintable(reply.error().message()));
        return {};
    }
    const ow::Result<IdCardData> card = IdCardTextDecoder::decodeReadData(reply->data);
    if (!card) {
        qWarning("%s", qPrintable(card.error().message()));
        return {};
    }
    return *card;
}

} // namespace

/// IdCardTextDecoder and friends: every card type from frames built by the public layout.
class TestIdCardText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mainland()
    {
        const IdCardData card = decodeReply(idcardtest::readReply(idcardtest::mainlandText()));
        QCOMPARE(card.cardType, CardType::Mainland);
        QCOMPARE(card.name, QStringLiteral("张三"));
        QCOMPARE(card.sexCode, QStringLiteral("2"));
        QCOMPARE(card.sexText(), QStringLiteral("女"));
        QCOMPARE(card.nationCode, QStringLiteral("01"));
        QCOMPARE(card.nationText(), QStringLiteral("汉"));
        QCOMPARE(card.birth(), QDate(1949, 12, 31));
        QCOMPARE(card.address, QStringLiteral("北京市朝阳区示例路1号"));
        QCOMPARE(card.idNumber, QStringLiteral("11010519491231002X"));
        QCOMPARE(card.issuingAuthority, QStringLiteral("北京市公安局朝阳分局"));
        QCOMPARE(card.validFromDate(), QDate(2010, 1, 1));
        QCOMPARE(card.validTo, QStringLiteral("长期"));
        QVERIFY(card.isLongTerm());
        QVERIFY(!card.validToDate().isValid());
        QCOMPARE(card.photoWlt, idcardtest::photo());
        QVERIFY(card.fingerprint.isEmpty());
        QVERIFY(card.passNumber.isEmpty());
    }

    void hkMacaoTaiwan()
    {
        const IdCardData card = decodeReply(idcardtest::readReply(idcardtest::hkMacaoTaiwanText()));
        QCOMPARE(card.cardType, CardType::HkMacaoTaiwanResident);
        QCOMPARE(card.name, QStringLiteral("陈大文"));
        QCOMPARE(card.sexText(), QStringLiteral("男"));
        QVERIFY(card.nationCode.isEmpty());
        QCOMPARE(card.birthDate, QStringLiteral("19800101"));
        QCOMPARE(card.address, QStringLiteral("香港特别行政区"));
        QCOMPARE(card.idNumber, QStringLiteral("810000198001010014"));
        QCOMPARE(card.issuingAuthority, QStringLiteral("深圳市公安局"));
        QCOMPARE(card.validToDate(), QDate(2025, 1, 1));
        QCOMPARE(card.passNumber, QStringLiteral("H12345678"));
        QCOMPARE(card.issueCount, QStringLiteral("01"));
    }

    void foreignPermanent()
    {
        const IdCardData card = decodeReply(idcardtest::readReply(idcardtest::foreignPermanentText()));
        QCOMPARE(card.cardType, CardType::ForeignPermanent);
        QCOMPARE(card.englishName, QStringLiteral("SMITH, JOHN"));
        QCOMPARE(card.sexText(), QStringLiteral("男"));
        QCOMPARE(card.idNumber, QStringLiteral("USA110049123101"));
        QCOMPARE(card.nationality, QStringLiteral("USA"));
        QCOMPARE(card.name, QStringLiteral("约翰"));
        QCOMPARE(card.validFromDate(), QDate(2017, 6, 1));
        QCOMPARE(card.validToDate(), QDate(2027, 6, 1));
        QCOMPARE(card.birth(), QDate(1949, 12, 31));
        QCOMPARE(card.cardVersion, QStringLiteral("01"));
        QCOMPARE(card.issuingAuthority, QStringLiteral("1500"));
        QVERIFY(card.address.isEmpty());
    }

    void foreignPermanent2023()
    {
        const IdCardData card = decodeReply(idcardtest::readReply(idcardtest::foreignPermanent2023Text()));
        QCOMPARE(card.cardType, CardType::ForeignPermanent2023);
        QCOMPARE(card.name, QStringLiteral("玛丽"));
        QCOMPARE(card.sexText(), QStringLiteral("女"));
        QCOMPARE(card.renewalCount, QStringLiteral("00"));
        QCOMPARE(card.birth(), QDate(1990, 1, 1));
        QCOMPARE(card.englishName, idcardtest::foreign2023EnglishName());
        QCOMPARE(card.idNumber, QStringLiteral("911156199001010029"));
        QCOMPARE(card.validFromDate(), QDate(2023, 1, 1));
        QCOMPARE(card.validToDate(), QDate(2033, 1, 1));
        QCOMPARE(card.nationality, QStringLiteral("GBR"));
        QCOMPARE(card.previousCardLink, QStringLiteral("A01"));
    }

    void typeMarkZeroIsMainland()
    {
        QByteArray text = idcardtest::mainlandText();
        text[248] = '\0';
        const ow::Result<IdCardData> card = IdCardTextDecoder::decodeText(text);
        QVERIFY(card.has_value());
        QCOMPARE(card->cardType, CardType::Mainland);
        QCOMPARE(card->name, QStringLiteral("张三"));
    }

    void nulPaddingIsTrimmed()
    {
        QByteArray text = idcardtest::mainlandText();
        for (int i = 4; i < 30; ++i)
            text[i] = '\0';
        const ow::Result<IdCardData> card = IdCardTextDecoder::decodeText(text);
        QVERIFY(card.has_value());
        QCOMPARE(card->name, QStringLiteral("张三"));
    }

    void unknownTypeMarkIsAnError()
    {
        QByteArray text = idcardtest::mainlandText();
        idcardtest::put(text, 248, 2, QStringLiteral("Q"));
        const ow::Result<IdCardData> card = IdCardTextDecoder::decodeText(text);
        QVERIFY(!card.has_value());
        QVERIFY2(
            card.error().message().contains(QStringLiteral("U+0051")), qPrintable(card.error().message()));
    }

    void withFingerprint()
    {
        const QByteArray fingerprint(1024, char(0x43));
        const IdCardData card
            = decodeReply(idcardtest::readReplyWithFingerprint(idcardtest::mainlandText(), fingerprint));
        QCOMPARE(card.name, QStringLiteral("张三"));
        QCOMPARE(card.photoWlt, idcardtest::photo());
        QCOMPARE(card.fingerprint, fingerprint);
    }

    void lengthsThatDoNotFit()
    {
        QByteArray data
            = idcardtest::bigEndian16(256) + idcardtest::bigEndian16(1024) + idcardtest::mainlandText();
        ow::Result<IdCardData> card = IdCardTextDecoder::decodeReadData(data);
        QVERIFY(!card.has_value());
        QVERIFY2(
            card.error().message().contains(QStringLiteral("260 bytes")), qPrintable(card.error().message()));

        card = IdCardTextDecoder::decodeReadData(QByteArray::fromHex("01"));
        QVERIFY(!card.has_value());

        const QByteArray shortText
            = idcardtest::bigEndian16(10) + idcardtest::bigEndian16(0) + QByteArray(10, ' ');
        card = IdCardTextDecoder::decodeReadData(shortText);
        QVERIFY(!card.has_value());
        QVERIFY(card.error().message().contains(QStringLiteral("10 bytes")));
    }

    void tables()
    {
        QCOMPARE(IdCardTables::sexName(QStringLiteral("0")), QStringLiteral("未知的性别"));
        QCOMPARE(IdCardTables::sexName(QStringLiteral("9")), QStringLiteral("未说明的性别"));
        QVERIFY(IdCardTables::sexName(QStringLiteral("3")).isEmpty());
        QVERIFY(IdCardTables::sexText(QStringLiteral("3")).contains(QStringLiteral("'3'")));
        QCOMPARE(IdCardTables::nationName(QStringLiteral("01")), QStringLiteral("汉"));
        QCOMPARE(IdCardTables::nationName(QStringLiteral("02")), QStringLiteral("蒙古"));
        QCOMPARE(IdCardTables::nationName(QStringLiteral("10")), QStringLiteral("朝鲜"));
        QCOMPARE(IdCardTables::nationName(QStringLiteral("30")), QStringLiteral("土"));
        QCOMPARE(IdCardTables::nationName(QStringLiteral("56")), QStringLiteral("基诺"));
        QCOMPARE(IdCardTables::nationName(QStringLiteral("97")), QStringLiteral("其他"));
        QCOMPARE(IdCardTables::nationName(QStringLiteral("98")), QStringLiteral("外国血统中国籍人士"));
        for (const char *unknown : {"00", "57", "96", "99", "1", "ab", ""})
            QVERIFY2(IdCardTables::nationName(QString::fromLatin1(unknown)).isEmpty(), unknown);
        QVERIFY(IdCardTables::nationText(QStringLiteral("57")).contains(QStringLiteral("'57'")));
        QCOMPARE(IdCardTables::nationCode(QStringLiteral("土家族")), QStringLiteral("15"));
        QCOMPARE(IdCardTables::nationCode(QStringLiteral("汉")), QStringLiteral("01"));
        // Every code 01–56 has a distinct name that maps back to it.
        for (int code = 1; code <= 56; ++code) {
            const QString c = QStringLiteral("%1").arg(code, 2, 10, QLatin1Char('0'));
            QCOMPARE(IdCardTables::nationCode(IdCardTables::nationName(c)), c);
        }
    }

    // The simulator's encoder must produce what the public layout says, byte for byte.
    void encoderMatchesTheLayout_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("mainland") << idcardtest::mainlandText();
        QTest::newRow("J") << idcardtest::hkMacaoTaiwanText();
        QTest::newRow("I") << idcardtest::foreignPermanentText();
        QTest::newRow("Y") << idcardtest::foreignPermanent2023Text();
    }
    void encoderMatchesTheLayout()
    {
        QFETCH(QByteArray, text);
        const ow::Result<IdCardData> card = IdCardTextDecoder::decodeText(text);
        QVERIFY(card.has_value());
        const ow::Result<QByteArray> encoded = IdCardTextEncoder::encodeText(*card);
        QVERIFY(encoded.has_value());
        QCOMPARE(encoded->toHex(' '), text.toHex(' '));
    }

    void encoderRejectsTooLong()
    {
        IdCardData card = IdCardSimulator::sampleCard();
        card.name = QString(16, QChar(u'王'));
        const ow::Result<QByteArray> encoded = IdCardTextEncoder::encodeText(card);
        QVERIFY(!encoded.has_value());
        QVERIFY(encoded.error().message().contains(QStringLiteral("too long")));
    }

    void jsonRoundTrip()
    {
        const IdCardData card = decodeReply(idcardtest::readReply(idcardtest::foreignPermanent2023Text()));
        const QJsonObject json = card.toJson();
        QCOMPARE(json.value(QStringLiteral("cardType")).toString(), QStringLiteral("foreign-permanent-2023"));
        QCOMPARE(json.value(QStringLiteral("birthDate")).toString(), QStringLiteral("1990-01-01"));
        QCOMPARE(json.value(QStringLiteral("sex")).toString(), QStringLiteral("女"));
        QCOMPARE(json.value(QStringLiteral("photo")).toObject().value(QStringLiteral("bytes")).toInt(), 1024);
        const ow::Result<IdCardData> back = IdCardData::fromJson(json);
        QVERIFY(back.has_value());
        QVERIFY(*back == card);

        const IdCardData sample = IdCardSimulator::sampleCard();
        QCOMPARE(sample.toJson().value(QStringLiteral("validTo")).toString(), QStringLiteral("长期"));
    }

    void jsonAcceptsNamesAndRejectsNonsense()
    {
        ow::Result<IdCardData> card = IdCardData::fromJson(QJsonObject {
            {QStringLiteral("name"), QStringLiteral("李四")}, {QStringLiteral("sex"), QStringLiteral("男")},
            {QStringLiteral("nation"), QStringLiteral("回族")},
            {QStringLiteral("birthDate"), QStringLiteral("19700102")}});
        QVERIFY(card.has_value());
        QCOMPARE(card->sexCode, QStringLiteral("1"));
        QCOMPARE(card->nationCode, QStringLiteral("03"));
        QCOMPARE(card->birth(), QDate(1970, 1, 2));

        card = IdCardData::fromJson(QJsonObject {{QStringLiteral("cardType"), QStringLiteral("passport")}});
        QVERIFY(!card.has_value());
        QVERIFY(card.error().message().contains(QStringLiteral("passport")));
        card = IdCardData::fromJson(QJsonObject {{QStringLiteral("nation"), QStringLiteral("火星")}});
        QVERIFY(!card.has_value());
        card = IdCardData::fromJson(QJsonObject {{QStringLiteral("photo"), QStringLiteral("***")}});
        QVERIFY(!card.has_value());
    }

    void sampleCardFileLoads()
    {
        const ow::Result<IdCardData> card
            = IdCardSimulator::loadCard(QStringLiteral(OW_TEST_DATA_DIR "/idcard/sample-card.json"));
        QVERIFY2(card.has_value(), qPrintable(card.has_value() ? QString() : card.error().toString()));
        QCOMPARE(card->name, QStringLiteral("张三"));
        QCOMPARE(card->idNumber, QStringLiteral("11010519491231002X"));
        QCOMPARE(card->photoWlt.size(), 1024);
        QVERIFY(card->isLongTerm());

        const ow::Result<IdCardData> missing = IdCardSimulator::loadCard(QStringLiteral("no-such-card.json"));
        QVERIFY(!missing.has_value());
        QVERIFY(missing.error().message().contains(QStringLiteral("no-such-card.json")));
    }

    void photoWithoutVendorLibrary()
    {
        WltPhotoDecoder::Config config;
        config.libraryPath = QStringLiteral("libow-no-such-wlt-library");
        WltPhotoDecoder decoder(config);
        QVERIFY(!decoder.isAvailable());
        const ow::Result<QByteArray> bmp = decoder.decodeToBmp(idcardtest::photo());
        QVERIFY(!bmp.has_value());
        QVERIFY2(bmp.error().message().startsWith(QStringLiteral("The photo is not available")),
            qPrintable(bmp.error().message()));
        QVERIFY(bmp.error().message().contains(QStringLiteral("libow-no-such-wlt-library")));
    }

    void photoLibraryWithoutTheFunction()
    {
#ifndef Q_OS_LINUX
        QSKIP("uses Qt Core's Linux file name as a library without the function");
#endif
        // Any shared library that is surely present (Qt Core) stands in for a wrong vendor library.
        WltPhotoDecoder::Config config;
        config.libraryPath = QStringLiteral("libQt6Core.so.6");
        config.symbol = "ow_no_such_unpack";
        WltPhotoDecoder decoder(config);
        QVERIFY(!decoder.isAvailable());
        QVERIFY2(decoder.unavailableReason().contains(QStringLiteral("ow_no_such_unpack")),
            qPrintable(decoder.unavailableReason()));
    }
};

QTEST_GUILESS_MAIN(TestIdCardText)
#include "tst_idCardText.moc"
