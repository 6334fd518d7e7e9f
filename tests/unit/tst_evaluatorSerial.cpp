#include "evaluator/SerialEvaluator.h"
#include "idcard/PseudoTerminal.h"
#include "serial/SerialPort.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace ow::drivers::evaluator;
using ow::drivers::idcard::PseudoTerminal;
using ow::drivers::serial::SerialPort;
using ow::drivers::serial::SerialPortSettings;

namespace {

constexpr int kWaitMs = 10000;
const QByteArray kPrompt = QByteArray::fromHex("05");

/// A pad on a real pseudo-terminal: the evaluator opens the slave with QSerialPort; the test is the
/// pad on the master side.
struct Pad
{
    PseudoTerminal pty;
    QByteArray heard;

    bool open() { return pty.open().has_value(); }

    /// Waits for the evaluator's prompt: from then on it has dropped stale input and listens.
    bool awaitPrompt()
    {
        const bool prompted = QTest::qWaitFor(
            [this] {
                heard += pty.readAvailable();
                return heard.endsWith(kPrompt);
            },
            kWaitMs);
        heard.clear();
        return prompted;
    }

    void press(const QByteArray &bytes) { QVERIFY(pty.writeAll(bytes).has_value()); }
};

SerialEvaluatorOptions promptingOptions(int timeoutMs = 60000)
{
    SerialEvaluatorOptions options;
    options.prompt = kPrompt;
    options.timeoutMs = timeoutMs;
    return options;
}

SerialPort::Factory portFor(const PseudoTerminal &pty)
{
    SerialPortSettings settings;
    settings.portName = pty.slavePath();
    return SerialPort::factory(settings);
}

} // namespace

/// SerialEvaluator end to end: QSerialPort on a pseudo-terminal with the pad's bytes on the other end,
/// written by the test or by onewindow-devsim.
class TestEvaluatorSerial : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<Rating>(); }

    void generationAKeys()
    {
        Pad pad;
        QVERIFY(pad.open());
        SerialEvaluator evaluator(
            portFor(pad.pty), KeyMapping::preset(KeyMapping::Preset::GenerationA), promptingOptions());
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);

        evaluator.requestRating(QStringLiteral("A-1"), QString(), QString());
        QVERIFY(pad.awaitPrompt());
        pad.press(QByteArray(1, '\0')); // raw 0: dissatisfied
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWaitMs);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("A-1"));
        QCOMPARE(received.at(0).at(1).value<Rating>().level(), RatingLevel::Dissatisfied);
        QVERIFY(received.at(0).at(1).value<Rating>().isBad());

        evaluator.requestRating(QStringLiteral("A-2"), QString(), QString());
        QVERIFY(pad.awaitPrompt());
        pad.press("3"); // ASCII 3: very satisfied
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, kWaitMs);
        QCOMPARE(received.at(1).at(0).toString(), QStringLiteral("A-2"));
        QCOMPARE(received.at(1).at(1).value<Rating>().level(), RatingLevel::VerySatisfied);
        QCOMPARE(failed.size(), 0);
    }

    void generationBKeys()
    {
        Pad pad;
        QVERIFY(pad.open());
        SerialEvaluator evaluator(
            portFor(pad.pty), KeyMapping::preset(KeyMapping::Preset::GenerationB), promptingOptions());
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);

        evaluator.requestRating(QStringLiteral("B-1"), QString(), QString());
        QVERIFY(pad.awaitPrompt());
        pad.press("0"); // "no rating": the request stays open
        pad.press("4");
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWaitMs);
        QCOMPARE(received.at(0).at(1).value<Rating>().level(), RatingLevel::Dissatisfied);

        evaluator.requestRating(QStringLiteral("B-2"), QString(), QString());
        QVERIFY(pad.awaitPrompt());
        pad.press(QByteArray(1, '\x01'));
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, kWaitMs);
        QCOMPARE(received.at(1).at(0).toString(), QStringLiteral("B-2"));
        QCOMPARE(received.at(1).at(1).value<Rating>().level(), RatingLevel::VerySatisfied);
    }

    void badBytesAreIgnored()
    {
        Pad pad;
        QVERIFY(pad.open());
        SerialEvaluator evaluator(
            portFor(pad.pty), KeyMapping::preset(KeyMapping::Preset::GenerationA), promptingOptions());
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);
        evaluator.requestRating(QStringLiteral("N-1"), QString(), QString());
        QVERIFY(pad.awaitPrompt());
        pad.press(QByteArray::fromHex("ff fe 0d 0a 41 39 07 34"));
        pad.press("2");
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWaitMs);
        QCOMPARE(received.at(0).at(1).value<Rating>().level(), RatingLevel::Satisfied);
        QCOMPARE(failed.size(), 0);
    }

    void keysBeforeTheRequestDoNotCount()
    {
        Pad pad;
        QVERIFY(pad.open());
        SerialEvaluator evaluator(
            portFor(pad.pty), KeyMapping::preset(KeyMapping::Preset::GenerationA), promptingOptions());
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        pad.press("3"); // pressed while nobody asked; waits in the terminal
        evaluator.requestRating(QStringLiteral("S-1"), QString(), QString());
        QVERIFY(pad.awaitPrompt());
        pad.press("1");
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWaitMs);
        QCOMPARE(received.at(0).at(1).value<Rating>().level(), RatingLevel::FairlySatisfied);
    }

    void timesOutWithoutAKnownKey()
    {
        Pad pad;
        QVERIFY(pad.open());
        SerialEvaluator evaluator(
            portFor(pad.pty), KeyMapping::preset(KeyMapping::Preset::GenerationA), promptingOptions(300));
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);
        evaluator.requestRating(QStringLiteral("T-1"), QString(), QString());
        QVERIFY(pad.awaitPrompt());
        pad.press("xyz9");
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("T-1"));
        QCOMPARE(failed.at(0).at(1).value<RatingFailure>(), RatingFailure::Timeout);
        QCOMPARE(received.size(), 0);
    }

    void missingPortIsReported()
    {
        SerialPortSettings settings;
        settings.portName = QStringLiteral("/dev/onewindow-no-such-port");
        SerialEvaluator evaluator(
            SerialPort::factory(settings), KeyMapping::preset(KeyMapping::Preset::GenerationA));
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);
        evaluator.requestRating(QStringLiteral("X-1"), QString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(1).value<RatingFailure>(), RatingFailure::DeviceUnavailable);
        QVERIFY(failed.at(0).at(2).toString().contains(settings.portName));
    }

    void devsimPadPressesTheConfiguredKey()
    {
        QProcess devsim;
        devsim.start(QStringLiteral(OW_DEVSIM_PATH),
            {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("evaluator"),
                QStringLiteral("--pty"), QStringLiteral("--preset"), QStringLiteral("b"),
                QStringLiteral("--level"), QStringLiteral("3"), QStringLiteral("--delay"),
                QStringLiteral("0.2"), QStringLiteral("--repeat")});
        QVERIFY(devsim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(devsim.canReadLine(), kWaitMs);
        const QString path = QString::fromLocal8Bit(devsim.readLine()).trimmed();
        QVERIFY(path.startsWith(QLatin1Char('/')));

        SerialPortSettings settings;
        settings.portName = path;
        SerialEvaluator evaluator(
            SerialPort::factory(settings), KeyMapping::preset(KeyMapping::Preset::GenerationB));
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        evaluator.requestRating(QStringLiteral("D-1"), QString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, kWaitMs);
        QCOMPARE(received.at(0).at(0).toString(), QStringLiteral("D-1"));
        QCOMPARE(received.at(0).at(1).value<Rating>().level(), RatingLevel::FairlySatisfied);
        devsim.kill();
        devsim.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestEvaluatorSerial)
#include "tst_evaluatorSerial.moc"
