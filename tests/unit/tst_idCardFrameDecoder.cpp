#include "IdCardTestFrames.h"
#include "idcard/FrameDecoder.h"
#include "idcard/SamFrame.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ow::drivers::idcard;

namespace {

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

const QByteArray kStatusOk = hex("AAAAAA9669000400009094");
const QByteArray kFindOk = hex("AAAAAA9669000800009F0000000097");

struct Drained
{
    QList<QByteArray> frames;
    QStringList errors;
};

Drained drain(FrameDecoder &decoder)
{
    Drained out;
    while (decoder.hasNext()) {
        const ow::Result<QByteArray> item = decoder.next();
        if (item)
            out.frames.append(*item);
        else
            out.errors.append(item.error().message());
    }
    return out;
}

} // namespace

/// FrameDecoder: a stream of bytes in, whole frames or clear errors out, whatever the bytes are.
class TestIdCardFrameDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeFrames()
    {
        FrameDecoder decoder;
        decoder.feed(QByteArray(kStatusOk + kFindOk));
        const Drained out = drain(decoder);
        QCOMPARE(out.frames, (QList<QByteArray> {kStatusOk, kFindOk}));
        QVERIFY(out.errors.isEmpty());
        QCOMPARE(decoder.pendingBytes(), 0);
        QVERIFY(!decoder.finish().has_value());
    }

    void byteByByte()
    {
        const QByteArray reply = idcardtest::readReply(idcardtest::mainlandText());
        FrameDecoder decoder;
        for (qsizetype i = 0; i < reply.size(); ++i) {
            QVERIFY2(!decoder.hasNext(), qPrintable(QString::number(i)));
            decoder.feed(reply.sliced(i, 1));
        }
        const Drained out = drain(decoder);
        QCOMPARE(out.frames.size(), 1);
        QCOMPARE(out.frames.first(), reply);
    }

    void garbageBeforeFrameIsSkipped()
    {
        FrameDecoder decoder;
        // Includes a partial preamble that leads nowhere and a lone AA at the end of the first chunk.
        decoder.feed(hex("00 13 AA AA 96 FF 55 AA"));
        QVERIFY(!decoder.hasNext());
        decoder.feed(hex("AA AA 96 69 00 04 00 00 90 94"));
        const Drained out = drain(decoder);
        QCOMPARE(out.frames, QList<QByteArray> {kStatusOk});
        QVERIFY(out.errors.isEmpty());
        QCOMPARE(decoder.discardedBytes(), 7);
    }

    void badChecksumIsReportedAndNextFrameFound()
    {
        QByteArray damaged = kFindOk;
        damaged.back() = char(0x98);
        FrameDecoder decoder;
        decoder.feed(QByteArray(damaged + kStatusOk));
        const Drained out = drain(decoder);
        QCOMPARE(out.errors.size(), 1);
        QVERIFY2(out.errors.first().contains(QStringLiteral("checksum")), qPrintable(out.errors.first()));
        QCOMPARE(out.frames, QList<QByteArray> {kStatusOk});
    }

    void impossibleLength()
    {
        FrameDecoder decoder;
        decoder.feed(QByteArray(hex("AAAAAA9669 FFFF 000090") + kStatusOk));
        Drained out = drain(decoder);
        QCOMPARE(out.errors.size(), 1);
        QVERIFY2(out.errors.first().contains(QStringLiteral("impossible length of 65535")),
            qPrintable(out.errors.first()));
        QCOMPARE(out.frames, QList<QByteArray> {kStatusOk});

        decoder.feed(hex("AAAAAA9669 0001 00"));
        out = drain(decoder);
        QCOMPARE(out.errors.size(), 1);
        QVERIFY(out.errors.first().contains(QStringLiteral("impossible length of 1")));
        QCOMPARE(decoder.lastProblem(), FrameDecoder::Problem::BadLength);
    }

    void lengthLongerThanTheFrameIsCutOff()
    {
        // LEN says 8 but only the 4 bytes of a status reply follow: the stream stops short.
        FrameDecoder decoder;
        decoder.feed(hex("AAAAAA9669000800009094"));
        QVERIFY(!decoder.hasNext());
        QCOMPARE(decoder.pendingBytes(), 11);
        const std::optional<ow::Error> error = decoder.finish();
        QVERIFY(error.has_value());
        QVERIFY2(
            error->message().contains(QStringLiteral("11 of its 15 bytes")), qPrintable(error->message()));
        QCOMPARE(decoder.pendingBytes(), 0);
    }

    void lengthShorterThanTheFrameFailsTheChecksum()
    {
        FrameDecoder decoder;
        decoder.feed(hex("AAAAAA9669000300009094"));
        const Drained out = drain(decoder);
        QCOMPARE(out.errors.size(), 1);
        QVERIFY(out.errors.first().contains(QStringLiteral("length is wrong")));
        QVERIFY(out.frames.isEmpty());
    }

    void truncatedRead()
    {
        const QByteArray reply = idcardtest::readReply(idcardtest::mainlandText());
        FrameDecoder decoder;
        decoder.feed(reply.first(600));
        QVERIFY(!decoder.hasNext());
        const std::optional<ow::Error> error = decoder.finish();
        QVERIFY(error.has_value());
        QVERIFY2(
            error->message().contains(QStringLiteral("600 of its 1295 bytes")), qPrintable(error->message()));

        decoder.feed(reply.first(6));
        const std::optional<ow::Error> early = decoder.finish();
        QVERIFY(early.has_value());
        QVERIFY2(early->message().contains(QStringLiteral("before its length arrived")),
            qPrintable(early->message()));

        decoder.feed(hex("0102AAAA"));
        QVERIFY2(!decoder.finish().has_value(), "garbage and a partial preamble are not a frame");
    }

    void randomBytesNeverCrash()
    {
        QRandomGenerator random(20240611);
        FrameDecoder decoder;
        const QByteArray valid = idcardtest::readReply(idcardtest::mainlandText());
        qsizetype framesFound = 0;
        for (int round = 0; round < 2000; ++round) {
            QByteArray chunk(random.bounded(1, 300), '\0');
            for (auto &byte : chunk) {
                // Bias towards the preamble bytes so the decoder sees many near-frames.
                const quint32 pick = random.bounded(8);
                byte = pick == 0 ? char(0xAA)
                    : pick == 1  ? char(0x96)
                    : pick == 2  ? char(0x69)
                                 : char(random.bounded(256));
            }
            if (round % 100 == 0)
                chunk += valid;
            decoder.feed(chunk);
            framesFound += drain(decoder).frames.count(valid);
            if (round % 500 == 499)
                decoder.finish();
        }
        // Garbage (even a bogus length that swallows what follows) may hide some; most still come through.
        QVERIFY2(framesFound >= 10, qPrintable(QString::number(framesFound)));
    }

    void mutatedFramesNeverCrash()
    {
        QRandomGenerator random(7);
        const QByteArray valid = idcardtest::readReply(idcardtest::foreignPermanentText());
        for (int round = 0; round < 500; ++round) {
            QByteArray bytes = valid;
            const int flips = int(random.bounded(1, 6));
            for (int i = 0; i < flips; ++i)
                bytes[random.bounded(int(bytes.size()))] = char(random.bounded(256));
            bytes.truncate(random.bounded(int(bytes.size())) + 1);
            FrameDecoder decoder;
            decoder.feed(bytes);
            drain(decoder);
            decoder.finish();
            (void)SamResponse::parse(bytes);
        }
    }
};

QTEST_GUILESS_MAIN(TestIdCardFrameDecoder)
#include "tst_idCardFrameDecoder.moc"
