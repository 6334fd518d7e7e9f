#include "IdCardTestTransport.h"
#include "idcard/SamClient.h"

#include <QTest>

using namespace ow::drivers::idcard;
using Fault = IdCardSimulator::Fault;

Q_DECLARE_METATYPE(ow::drivers::idcard::IdCardSimulator::Fault)
Q_DECLARE_METATYPE(ow::Error::Code)

namespace {
const SamClient::Timeouts kQuick {200, 300};
}

/// SamClient over an in-memory transport to the simulator: the card sequence and each fault's message.
class TestIdCardSamClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheCardOnce()
    {
        IdCardSimulator simulator;
        simulator.placeCard(IdCardSimulator::sampleCard());
        idcardtest::SimulatorTransport transport(simulator);
        QVERIFY(transport.open().has_value());
        SamClient client(transport, kQuick);

        QVERIFY(client.checkSam().has_value());
        const ow::Result<std::optional<IdCardData>> card = client.readCard();
        QVERIFY2(card.has_value(), qPrintable(card.has_value() ? QString() : card.error().message()));
        QVERIFY(card->has_value());
        QVERIFY(**card == IdCardSimulator::sampleCard());
        // The requests on the wire are the documented frames.
        QCOMPARE(transport.written.size(), 4);
        QCOMPARE(transport.written[1], QByteArray::fromHex("AAAAAA96690003200122"));
        QCOMPARE(transport.written[2], QByteArray::fromHex("AAAAAA96690003200221"));
        QCOMPARE(transport.written[3], QByteArray::fromHex("AAAAAA96690003300132"));

        // The same card is not found again until it has left the field.
        ow::Result<std::optional<IdCardData>> again = client.readCard();
        QVERIFY(again.has_value());
        QVERIFY(!again->has_value());
        simulator.liftAndReplace();
        again = client.readCard();
        QVERIFY(again.has_value() && again->has_value());
    }

    void noCard()
    {
        IdCardSimulator simulator;
        idcardtest::SimulatorTransport transport(simulator);
        QVERIFY(transport.open().has_value());
        SamClient client(transport, kQuick);
        const ow::Result<std::optional<IdCardData>> card = client.readCard();
        QVERIFY(card.has_value());
        QVERIFY(!card->has_value());
    }

    void fingerprintAndSamId()
    {
        IdCardSimulator simulator;
        IdCardData sample = IdCardSimulator::sampleCard();
        sample.fingerprint = QByteArray(1024, char(0x11));
        simulator.placeCard(sample);
        idcardtest::SimulatorTransport transport(simulator, 64);
        QVERIFY(transport.open().has_value());
        SamClient client(transport, kQuick);
        const ow::Result<QByteArray> samId = client.readSamId();
        QVERIFY(samId.has_value());
        QCOMPARE(samId->size(), 16);
        const ow::Result<std::optional<IdCardData>> card = client.readCard(true);
        QVERIFY(card.has_value() && card->has_value());
        QCOMPARE((*card)->fingerprint, sample.fingerprint);
        QCOMPARE(transport.written.last(), QByteArray::fromHex("AAAAAA96690003301023"));
    }

    void lateRepliesAreDrained()
    {
        IdCardSimulator simulator;
        simulator.placeCard(IdCardSimulator::sampleCard());
        idcardtest::SimulatorTransport transport(simulator);
        QVERIFY(transport.open().has_value());
        transport.inject(QByteArray::fromHex("AAAAAA9669000400008084")); // a stale "no card"
        SamClient client(transport, kQuick);
        const ow::Result<bool> found = client.findCard();
        QVERIFY(found.has_value());
        QVERIFY(*found);
    }

    void faults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<ow::Error::Code>("code");
        QTest::addColumn<QString>("needle");
        QTest::newRow("bad checksum")
            << Fault::BadChecksum << ow::Error::Code::Parse << QStringLiteral("checksum");
        QTest::newRow("short frame") << Fault::ShortFrame << ow::Error::Code::Parse
                                     << QStringLiteral("cut off: 647 of its 1295 bytes");
        QTest::newRow("no answer") << Fault::NoAnswer << ow::Error::Code::Io
                                   << QStringLiteral("did not answer within 300 ms");
        QTest::newRow("card removed") << Fault::CardRemovedMidRead << ow::Error::Code::Invalid
                                      << QStringLiteral("Reading the card failed");
        QTest::newRow("SAM failure") << Fault::SamFailure << ow::Error::Code::Invalid
                                     << QStringLiteral("self-test");
    }
    void faults()
    {
        QFETCH(Fault, fault);
        QFETCH(ow::Error::Code, code);
        QFETCH(QString, needle);
        IdCardSimulator simulator;
        simulator.placeCard(IdCardSimulator::sampleCard());
        simulator.setFault(fault, 1);
        idcardtest::SimulatorTransport transport(simulator);
        QVERIFY(transport.open().has_value());
        // A reader that stays silent times out on this clock, at once.
        const ow::ManualClock clock;
        transport.setClock(&clock);
        SamClient client(transport, kQuick, clock.clock());
        const ow::Result<std::optional<IdCardData>> card = client.readCard();
        QVERIFY(!card.has_value());
        QCOMPARE(card.error().code(), code);
        QVERIFY2(card.error().message().contains(needle), qPrintable(card.error().message()));

        // Once the fault is spent and the card is put back, the card reads.
        simulator.liftAndReplace();
        const ow::Result<std::optional<IdCardData>> retry = client.readCard();
        QVERIFY2(retry.has_value(), qPrintable(retry.has_value() ? QString() : retry.error().message()));
        QVERIFY(retry->has_value());
    }

    void samFailureFailsTheStatusCheck()
    {
        IdCardSimulator simulator;
        simulator.setFault(Fault::SamFailure);
        idcardtest::SimulatorTransport transport(simulator);
        QVERIFY(transport.open().has_value());
        SamClient client(transport, kQuick);
        const ow::Result<void> sam = client.checkSam();
        QVERIFY(!sam.has_value());
        QVERIFY(sam.error().message().contains(QStringLiteral("(status 60)")));
    }

    void closedTransport()
    {
        IdCardSimulator simulator;
        idcardtest::SimulatorTransport transport(simulator);
        SamClient client(transport, kQuick);
        const ow::Result<bool> found = client.findCard();
        QVERIFY(!found.has_value());
        QCOMPARE(found.error().code(), ow::Error::Code::Io);
        QVERIFY(found.error().message().contains(QStringLiteral("not connected")));
    }

    void simulatorAnswersDamagedRequests()
    {
        IdCardSimulator simulator;
        QCOMPARE(simulator.receive(QByteArray::fromHex("AAAAAA96690003200123")).toHex(),
            QByteArray("aaaaaa96690004000010") + QByteArray("14"));
        QCOMPARE(simulator.receive(QByteArray::fromHex("AAAAAA9669000120")).toHex(),
            QByteArray("aaaaaa9669000400001115"));
        QCOMPARE(simulator.receive(QByteArray::fromHex("AAAAAA96690003 7777 03")).toHex(),
            QByteArray("aaaaaa9669000400002125"));
    }
};

QTEST_GUILESS_MAIN(TestIdCardSamClient)
#include "tst_idCardSamClient.moc"
