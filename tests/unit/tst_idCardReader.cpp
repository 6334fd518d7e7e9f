#include "idcard/IdCardPtyServer.h"
#include "idcard/IdCardReader.h"
#include "idcard/IdCardSimulator.h"
#include "idcard/SerialTransport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace ow::drivers::idcard;
using Fault = IdCardSimulator::Fault;

Q_DECLARE_METATYPE(ow::drivers::idcard::IdCardSimulator::Fault)

namespace {

constexpr int kWaitMs = 15000;

IdCardReaderOptions quickOptions()
{
    IdCardReaderOptions options;
    options.pollIntervalMs = 30;
    options.reconnectIntervalMs = 100;
    options.powerUpDelayMs = 0;
    options.timeouts = {500, 800};
    return options;
}

/// Takes the card away until the reader has looked for it and not found it, then puts it back: what
/// a person does, slower than the reader's polling.
void liftAndReplace(IdCardSimulator &simulator)
{
    const qsizetype finds = simulator.commandLog().count(SamCommand::findCard());
    simulator.removeCard();
    QTRY_VERIFY_WITH_TIMEOUT(simulator.commandLog().count(SamCommand::findCard()) >= finds + 2, kWaitMs);
    simulator.liftAndReplace();
}

} // namespace

/// IdCardReader end to end: QSerialPort on a real pseudo-terminal, the simulator answering on the
/// other end (in this process, or the onewindow-devsim program).
class TestIdCardReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<IdCardData>();
        qRegisterMetaType<IdCardReader::State>();
    }

    void readsEachPlacementOnce()
    {
        IdCardSimulator simulator;
        simulator.placeCard(IdCardSimulator::sampleCard());
        IdCardPtyServer server(simulator);
        const ow::Result<QString> path = server.open();
        QVERIFY2(path.has_value(), qPrintable(path.has_value() ? QString() : path.error().message()));

        IdCardReader reader(SerialTransport::factory(*path), quickOptions());
        QSignalSpy cards(&reader, &IdCardReader::cardRead);
        QSignalSpy states(&reader, &IdCardReader::stateChanged);
        QSignalSpy errors(&reader, &IdCardReader::readerError);
        reader.start();
        QTRY_COMPARE_WITH_TIMEOUT(cards.size(), 1, kWaitMs);
        const IdCardData card = cards.first().first().value<IdCardData>();
        QCOMPARE(card.name, QStringLiteral("张三"));
        QCOMPARE(card.idNumber, QStringLiteral("11010519491231002X"));
        QCOMPARE(reader.state(), IdCardReader::State::Connected);
        QCOMPARE(states.first().first().value<IdCardReader::State>(), IdCardReader::State::Connected);

        // The card stays: the reader keeps asking, and does not report it again.
        const qsizetype finds = simulator.commandLog().count(SamCommand::findCard());
        QTRY_VERIFY_WITH_TIMEOUT(simulator.commandLog().count(SamCommand::findCard()) >= finds + 3, kWaitMs);
        QCOMPARE(cards.size(), 1);

        liftAndReplace(simulator);
        QTRY_COMPARE_WITH_TIMEOUT(cards.size(), 2, kWaitMs);
        QVERIFY2(
            errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().first().toString()));

        reader.stop();
        QCOMPARE(reader.state(), IdCardReader::State::Stopped);
    }

    void faultsGiveTheirMessage_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<QString>("needle");
        QTest::newRow("bad-checksum") << Fault::BadChecksum << QStringLiteral("checksum");
        QTest::newRow("short-frame") << Fault::ShortFrame << QStringLiteral("cut off");
        QTest::newRow("timeout") << Fault::NoAnswer << QStringLiteral("did not answer");
        QTest::newRow("card-removed")
            << Fault::CardRemovedMidRead << QStringLiteral("Reading the card failed");
        QTest::newRow("sam-failure") << Fault::SamFailure << QStringLiteral("self-test");
    }
    void faultsGiveTheirMessage()
    {
        QFETCH(Fault, fault);
        QFETCH(QString, needle);
        IdCardSimulator simulator;
        simulator.placeCard(IdCardSimulator::sampleCard());
        simulator.setFault(fault, 1);
        IdCardPtyServer server(simulator);
        const ow::Result<QString> path = server.open();
        QVERIFY(path.has_value());

        IdCardReader reader(SerialTransport::factory(*path), quickOptions());
        QSignalSpy cards(&reader, &IdCardReader::cardRead);
        QSignalSpy errors(&reader, &IdCardReader::readerError);
        reader.start();
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), kWaitMs);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.contains(needle), qPrintable(message));
        QVERIFY(cards.isEmpty());

        // The fault was a one-off: putting the card back gets it read.
        // (A SAM failure is over once the reader reconnects; the card may have been read already.)
        liftAndReplace(simulator);
        QTRY_VERIFY_WITH_TIMEOUT(!cards.isEmpty(), kWaitMs);
        QCOMPARE(cards.first().first().value<IdCardData>().name, QStringLiteral("张三"));
        QCOMPARE(reader.state(), IdCardReader::State::Connected);
    }

    void missingReader()
    {
        IdCardReader reader(
            SerialTransport::factory(QStringLiteral("/dev/ow-no-such-reader")), quickOptions());
        QSignalSpy errors(&reader, &IdCardReader::readerError);
        reader.start();
        QTRY_COMPARE_WITH_TIMEOUT(reader.state(), IdCardReader::State::Missing, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), kWaitMs);
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("not connected")),
            qPrintable(errors.first().first().toString()));
        reader.stop();
    }

    void devsimProgram()
    {
        QProcess devsim;
        devsim.start(QStringLiteral(OW_DEVSIM_PATH),
            {QStringLiteral("idcard"), QStringLiteral("--pty"), QStringLiteral("--card"),
                QStringLiteral(OW_TEST_DATA_DIR "/idcard/sample-card.json"), QStringLiteral("--fault"),
                QStringLiteral("sam-failure"), QStringLiteral("--fault-count"), QStringLiteral("1")});
        QVERIFY2(devsim.waitForStarted(kWaitMs), qPrintable(devsim.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(devsim.canReadLine(), kWaitMs);
        const QString path = QString::fromLocal8Bit(devsim.readLine()).trimmed();
        QVERIFY2(path.startsWith(u'/'), qPrintable(path));

        IdCardReader reader(SerialTransport::factory(path), quickOptions());
        QSignalSpy cards(&reader, &IdCardReader::cardRead);
        QSignalSpy errors(&reader, &IdCardReader::readerError);
        reader.start();
        QTRY_COMPARE_WITH_TIMEOUT(cards.size(), 1, kWaitMs);
        QCOMPARE(cards.first().first().value<IdCardData>().name, QStringLiteral("张三"));
        QVERIFY(!errors.isEmpty());
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("self-test")),
            qPrintable(errors.first().first().toString()));
        reader.stop();
        devsim.kill();
        devsim.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestIdCardReader)
#include "tst_idCardReader.moc"
