#include "IdCardTestFrames.h"
#include "idcard/SamCommand.h"
#include "idcard/SamFrame.h"
#include "idcard/SamStatus.h"

#include <QTest>

using namespace ow::drivers::idcard;

Q_DECLARE_METATYPE(ow::drivers::idcard::SamCommand)

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}
} // namespace

/// SamFrame and SamStatus against the frames listed in docs/hardware.md, byte for byte.
class TestIdCardFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commandFrames_data()
    {
        QTest::addColumn<SamCommand>("command");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("reset SAM") << SamCommand::resetSam() << hex("AAAAAA9669000310FFEC");
        QTest::newRow("SAM status") << SamCommand::samStatus() << hex("AAAAAA9669000311FFED");
        QTest::newRow("read SAM ID") << SamCommand::readSamId() << hex("AAAAAA9669000312FFEE");
        QTest::newRow("find card") << SamCommand::findCard() << hex("AAAAAA96690003200122");
        QTest::newRow("select card") << SamCommand::selectCard() << hex("AAAAAA96690003200221");
        QTest::newRow("read text+photo") << SamCommand::readTextPhoto() << hex("AAAAAA96690003300132");
        QTest::newRow("read text+photo+fingerprint")
            << SamCommand::readTextPhotoFingerprint() << hex("AAAAAA96690003301023");
        QTest::newRow("set max RF frame") << SamCommand::setMaxRfFrame() << hex("AAAAAA9669000461FF50CA");
    }
    void commandFrames()
    {
        QFETCH(SamCommand, command);
        QFETCH(QByteArray, expected);
        QCOMPARE(SamFrame::request(command).toHex(' '), expected.toHex(' '));
        // The request parses back to the same command (the simulator's direction).
        const ow::Result<QByteArray> body = SamFrame::decode(expected);
        QVERIFY2(body.has_value(), qPrintable(body.has_value() ? QString() : body.error().message()));
        const ow::Result<SamCommand> parsed = SamFrame::parseRequest(*body);
        QVERIFY(parsed.has_value());
        QVERIFY(*parsed == command);
    }

    void knownReplies_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<int>("sw3");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("status OK") << hex("AAAAAA96690004000090 94") << 0x90 << QByteArray();
        QTest::newRow("find OK") << hex("AAAAAA96690008 00009F 00000000 97") << 0x9F << hex("00000000");
        QTest::newRow("find failed") << hex("AAAAAA96690004000080 84") << 0x80 << QByteArray();
        QTest::newRow("select OK") << hex("AAAAAA9669000C000090 0000000000000000 9C") << 0x90
                                   << hex("0000000000000000");
    }
    void knownReplies()
    {
        QFETCH(QByteArray, frame);
        QFETCH(int, sw3);
        QFETCH(QByteArray, data);
        const ow::Result<SamResponse> reply = SamResponse::parse(frame);
        QVERIFY2(reply.has_value(), qPrintable(reply.has_value() ? QString() : reply.error().message()));
        QCOMPARE(reply->sw1, quint8(0));
        QCOMPARE(reply->sw2, quint8(0));
        QCOMPARE(int(reply->sw3), sw3);
        QCOMPARE(reply->data, data);
        // Building the same reply gives the same bytes.
        QCOMPARE(SamFrame::response(quint8(sw3), data).toHex(' '), frame.toHex(' '));
    }

    void readReplyIs1295Bytes()
    {
        const QByteArray reply = idcardtest::readReply(idcardtest::mainlandText());
        QCOMPARE(reply.size(), 1295);
        QCOMPARE(reply.mid(5, 2), hex("0508"));
        QCOMPARE(reply.mid(10, 4), hex("01000400"));
        const ow::Result<SamResponse> parsed = SamResponse::parse(reply);
        QVERIFY(parsed.has_value());
        QVERIFY(parsed->isSuccess());
        QCOMPARE(parsed->data.size(), 4 + 256 + 1024);
    }

    void checksumIsXorFromLength()
    {
        QCOMPARE(SamFrame::checksum(hex("000311FF")), quint8(0xED));
        QCOMPARE(SamFrame::checksum(hex("")), quint8(0));
        // The preamble is not part of the checksum: the builder's frames agree with ours.
        QCOMPARE(SamFrame::encode(hex("000090")), idcardtest::frame(hex("000090")));
    }

    void damagedFramesSayWhy_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("needle");
        QTest::newRow("checksum") << hex("AAAAAA96690004000090 95") << QStringLiteral("checksum");
        QTest::newRow("length too long")
            << hex("AAAAAA96690005000090 94") << QStringLiteral("length field says 5");
        QTest::newRow("length too short")
            << hex("AAAAAA96690003000090 94") << QStringLiteral("length field says 3");
        QTest::newRow("preamble") << hex("AAAAAA96680004000090 94") << QStringLiteral("preamble");
        QTest::newRow("too short") << hex("AAAAAA966900") << QStringLiteral("too short");
        QTest::newRow("no status") << hex("AAAAAA966900030000 03") << QStringLiteral("SW1 SW2 SW3");
    }
    void damagedFramesSayWhy()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, needle);
        const ow::Result<SamResponse> reply = SamResponse::parse(frame);
        QVERIFY(!reply.has_value());
        QVERIFY2(reply.error().message().contains(needle), qPrintable(reply.error().message()));
    }

    void everyStatusHasAMessage()
    {
        const int codes[] = {0x90, 0x91, 0x9F, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41,
            0x47, 0x60, 0x66, 0x80, 0x81};
        QSet<QString> messages;
        for (int code : codes) {
            QVERIFY2(SamStatus::isKnown(quint8(code)), qPrintable(QString::number(code, 16)));
            const QString message = SamStatus::message(quint8(code));
            QVERIFY(message.contains(QStringLiteral("%1").arg(code, 2, 16, QLatin1Char('0')).toUpper()));
            messages.insert(message);
        }
        QCOMPARE(messages.size(), int(std::size(codes)));
        QVERIFY(!SamStatus::isKnown(0x55));
        QVERIFY(SamStatus::message(0x55).contains(QStringLiteral("unknown status 55")));
        QVERIFY(SamStatus::message(0x60).contains(QStringLiteral("self-test")));
    }
};

QTEST_GUILESS_MAIN(TestIdCardFrame)
#include "tst_idCardFrame.moc"
