#include "evaluator/EvaluatorSettings.h"
#include "evaluator/EvaluatorSimulator.h"
#include "evaluator/KeyMapping.h"
#include "evaluator/OnScreenEvaluator.h"
#include "evaluator/SerialEvaluator.h"

#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>

using namespace ow::drivers::evaluator;
using ow::drivers::serial::SerialPort;

namespace {

/// What the fake pad was asked to do, shared with the port that lives on the evaluator's thread.
struct FakePad
{
    QMutex mutex;
    QList<QByteArray> writes;
    int discards = 0;
    std::atomic<bool> refuseOpen = false;
    std::atomic<SerialPort *> port = nullptr;
};

class FakeSerialPort : public SerialPort
{
public:
    explicit FakeSerialPort(FakePad &pad)
        : SerialPort({})
        , m_pad(pad)
    {
        m_pad.port = this;
    }
    ~FakeSerialPort() override { m_pad.port = nullptr; }

    ow::Result<void> open(QIODevice::OpenMode, Reading) override
    {
        if (m_pad.refuseOpen)
            return ow::fail(ow::Error::Code::Io, QStringLiteral("no such port"));
        m_open = true;
        return {};
    }
    void close() override { m_open = false; }
    bool isOpen() const override { return m_open; }
    ow::Result<void> write(const QByteArray &bytes, int) override
    {
        const QMutexLocker lock(&m_pad.mutex);
        m_pad.writes.append(bytes);
        return {};
    }
    void discardInput() override
    {
        const QMutexLocker lock(&m_pad.mutex);
        ++m_pad.discards;
    }

private:
    FakePad &m_pad;
    bool m_open = false;
};

SerialPort::Factory fakeFactory(FakePad &pad)
{
    return [&pad]() -> std::unique_ptr<SerialPort> { return std::make_unique<FakeSerialPort>(pad); };
}

/// Delivers bytes as the pad would, on the port's thread, after everything asked of it so far.
void press(FakePad &pad, const QByteArray &bytes)
{
    QTRY_VERIFY(pad.port.load() != nullptr);
    SerialPort *port = pad.port;
    QMetaObject::invokeMethod(
        port, [port, bytes] { Q_EMIT port->received(bytes); }, Qt::QueuedConnection);
}

Rating ratingOf(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).at(1).value<Rating>();
}

} // namespace

/// The evaluator: the rating value type, key mappings, the on-screen hook, the simulator and the
/// serial backend against a fake port.
class TestEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<Rating>(); }

    void ratingLevelsAndBadRatings()
    {
        QCOMPARE(Rating(RatingLevel::VerySatisfied).value(), 5);
        QCOMPARE(Rating(RatingLevel::VeryDissatisfied).value(), 1);
        QVERIFY(!Rating(RatingLevel::VerySatisfied).isBad());
        QVERIFY(!Rating(RatingLevel::Satisfied).isBad());
        QVERIFY(!Rating(RatingLevel::FairlySatisfied).isBad());
        QVERIFY(Rating(RatingLevel::Dissatisfied).isBad());
        QVERIFY(Rating(RatingLevel::VeryDissatisfied).isBad());
        QCOMPARE(Rating::kFollowUpWorkingDays, 1);
        QCOMPARE(Rating::fromValue(3)->level(), RatingLevel::FairlySatisfied);
        QVERIFY(!Rating::fromValue(0));
        QVERIFY(!Rating::fromValue(6));
        QCOMPARE(Rating(RatingLevel::VerySatisfied).standardName(), QStringLiteral("非常满意"));
        QCOMPARE(Rating(RatingLevel::FairlySatisfied).standardName(), QStringLiteral("基本满意"));
        QCOMPARE(Rating(RatingLevel::VeryDissatisfied).standardName(), QStringLiteral("非常不满意"));
        QCOMPARE(Rating(RatingLevel::Dissatisfied).label(), QStringLiteral("Dissatisfied"));
    }

    void presetsMapRawBytesAndDigits()
    {
        const KeyMapping a = KeyMapping::preset(KeyMapping::Preset::GenerationA);
        QCOMPARE(a.levelFor(0x03), RatingLevel::VerySatisfied);
        QCOMPARE(a.levelFor('3'), RatingLevel::VerySatisfied);
        QCOMPARE(a.levelFor('2'), RatingLevel::Satisfied);
        QCOMPARE(a.levelFor(0x01), RatingLevel::FairlySatisfied);
        QCOMPARE(a.levelFor('0'), RatingLevel::Dissatisfied);
        QCOMPARE(a.meaningOf('4'), KeyMapping::Meaning::Unknown);
        QVERIFY(!a.keyFor(RatingLevel::VeryDissatisfied)); // a four-key pad

        const KeyMapping b = KeyMapping::preset(KeyMapping::Preset::GenerationB);
        QCOMPARE(b.levelFor('1'), RatingLevel::VerySatisfied);
        QCOMPARE(b.levelFor(0x04), RatingLevel::Dissatisfied);
        QCOMPARE(b.meaningOf('0'), KeyMapping::Meaning::NoRating);
        QCOMPARE(b.meaningOf(0x00), KeyMapping::Meaning::NoRating);
        QVERIFY(!b.levelFor('0'));
        QCOMPARE(b.keyFor(RatingLevel::Satisfied), quint8(0x02));

        QCOMPARE(KeyMapping::presetFromName(QStringLiteral("B")), KeyMapping::Preset::GenerationB);
        QCOMPARE(KeyMapping::presetFromName(QStringLiteral("generation-a")), KeyMapping::Preset::GenerationA);
        QVERIFY(!KeyMapping::presetFromName(QStringLiteral("c")));
    }

    void customMappingParsesAndPrints()
    {
        const ow::Result<KeyMapping> custom
            = KeyMapping::parse(QStringLiteral(" 0x41=5, 42=4;43=3 44=2 45=1\n46=0 "));
        QVERIFY2(custom.has_value(), qPrintable(custom.has_value() ? QString() : custom.error().message()));
        QCOMPARE(custom->levelFor('A'), RatingLevel::VerySatisfied);
        QCOMPARE(custom->levelFor('E'), RatingLevel::VeryDissatisfied);
        QCOMPARE(custom->meaningOf('F'), KeyMapping::Meaning::NoRating);
        QCOMPARE(custom->toString(), QStringLiteral("41=5 42=4 43=3 44=2 45=1 46=0"));
        QCOMPARE(*KeyMapping::parse(custom->toString()), *custom);
        const KeyMapping a = KeyMapping::preset(KeyMapping::Preset::GenerationA);
        QCOMPARE(*KeyMapping::parse(a.toString()), a);

        for (const QString &bad : {QStringLiteral(""), QStringLiteral("41=6"), QStringLiteral("41"),
                 QStringLiteral("141=5"), QStringLiteral("41=5 41=4"), QStringLiteral("zz=1")}) {
            const ow::Result<KeyMapping> parsed = KeyMapping::parse(bad);
            QVERIFY2(!parsed.has_value(), qPrintable(bad));
            QVERIFY(!parsed.error().message().isEmpty());
        }
    }

    void onScreenShowsTakesTheTouchAndHides()
    {
        OnScreenEvaluator screen(60000);
        QSignalSpy shown(&screen, &OnScreenEvaluator::showRequested);
        QSignalSpy hidden(&screen, &OnScreenEvaluator::hideRequested);
        QSignalSpy received(&screen, &Evaluator::ratingReceived);
        QSignalSpy failed(&screen, &Evaluator::ratingFailed);

        screen.submit(RatingLevel::Satisfied); // nobody asked: ignored
        QCOMPARE(received.size(), 0);

        screen.requestRating(QStringLiteral("C-1"), QStringLiteral("李四"), QStringLiteral("0107"));
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first(),
            (QVariantList {QStringLiteral("C-1"), QStringLiteral("李四"), QStringLiteral("0107")}));
        QCOMPARE(screen.pendingCase(), QStringLiteral("C-1"));

        // A second request replaces the first, which is reported cancelled.
        screen.requestRating(QStringLiteral("C-2"), QStringLiteral("李四"), QStringLiteral("0107"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("C-1"));
        QCOMPARE(failed.first().at(1).value<RatingFailure>(), RatingFailure::Cancelled);

        screen.submit(RatingLevel::Dissatisfied);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().at(0).toString(), QStringLiteral("C-2"));
        QVERIFY(ratingOf(received, 0).isBad());
        QCOMPARE(hidden.size(), 2);
        QVERIFY(screen.pendingCase().isEmpty());

        screen.submit(RatingLevel::VerySatisfied); // a late touch
        QCOMPARE(received.size(), 1);
    }

    void onScreenTimesOut()
    {
        OnScreenEvaluator screen(20);
        QSignalSpy hidden(&screen, &OnScreenEvaluator::hideRequested);
        QSignalSpy failed(&screen, &Evaluator::ratingFailed);
        screen.requestRating(QStringLiteral("C-3"), QString(), QString());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).value<RatingFailure>(), RatingFailure::Timeout);
        QCOMPARE(hidden.size(), 1);
    }

    void simulatorAnswersAsConfigured()
    {
        EvaluatorSimulator simulator(RatingLevel::FairlySatisfied, 1);
        QSignalSpy received(&simulator, &Evaluator::ratingReceived);
        QSignalSpy failed(&simulator, &Evaluator::ratingFailed);
        simulator.requestRating(QStringLiteral("S-1"), QString(), QString());
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(ratingOf(received, 0).level(), RatingLevel::FairlySatisfied);
        simulator.setAnswer(RatingFailure::Timeout);
        simulator.requestRating(QStringLiteral("S-2"), QString(), QString());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("S-2"));
        QCOMPARE(failed.first().at(1).value<RatingFailure>(), RatingFailure::Timeout);
    }

    void serialMapsTheFirstKnownKey()
    {
        FakePad pad;
        SerialEvaluatorOptions options;
        options.prompt = QByteArray::fromHex("023103");
        SerialEvaluator evaluator(
            fakeFactory(pad), KeyMapping::preset(KeyMapping::Preset::GenerationB), options);
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);

        evaluator.requestRating(QStringLiteral("K-1"), QStringLiteral("王五"), QStringLiteral("01"));
        press(pad, QByteArray("\xFF\r\n9", 4)); // noise
        press(pad, "0"); // the pad's "no rating" key: keep waiting
        press(pad, "42"); // 4 is the first rating key
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first().at(0).toString(), QStringLiteral("K-1"));
        QCOMPARE(ratingOf(received, 0).level(), RatingLevel::Dissatisfied);
        QCOMPARE(failed.size(), 0);
        {
            const QMutexLocker lock(&pad.mutex);
            QCOMPARE(pad.writes, QList<QByteArray> {options.prompt});
            QCOMPARE(pad.discards, 1);
        }

        // Keys with no request open rate nothing, and are not kept for the next request.
        press(pad, "1");
        evaluator.requestRating(QStringLiteral("K-2"), QString(), QString());
        press(pad, "3");
        QTRY_COMPARE(received.size(), 2);
        QCOMPARE(received.at(1).at(0).toString(), QStringLiteral("K-2"));
        QCOMPARE(ratingOf(received, 1).level(), RatingLevel::FairlySatisfied);
        QCOMPARE(failed.size(), 0);
    }

    void serialCancelAndReplace()
    {
        FakePad pad;
        SerialEvaluator evaluator(fakeFactory(pad), KeyMapping::preset(KeyMapping::Preset::GenerationA));
        QSignalSpy received(&evaluator, &Evaluator::ratingReceived);
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);

        evaluator.requestRating(QStringLiteral("R-1"), QString(), QString());
        evaluator.cancel();
        QCOMPARE(failed.size(), 1); // at once, not when the thread gets to it
        QCOMPARE(failed.first().at(1).value<RatingFailure>(), RatingFailure::Cancelled);
        press(pad, "3");

        evaluator.requestRating(QStringLiteral("R-2"), QString(), QString());
        evaluator.requestRating(QStringLiteral("R-3"), QString(), QString());
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(1).at(0).toString(), QStringLiteral("R-2"));
        press(pad, "2");
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.first().at(0).toString(), QStringLiteral("R-3"));
        QCOMPARE(ratingOf(received, 0).level(), RatingLevel::Satisfied);
        QCOMPARE(failed.size(), 2);
    }

    void serialReportsAMissingOrLostPad()
    {
        FakePad pad;
        pad.refuseOpen = true;
        SerialEvaluator evaluator(fakeFactory(pad), KeyMapping::preset(KeyMapping::Preset::GenerationA));
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);
        evaluator.requestRating(QStringLiteral("M-1"), QString(), QString());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).value<RatingFailure>(), RatingFailure::DeviceUnavailable);
        QVERIFY(failed.first().at(2).toString().contains(QStringLiteral("no such port")));

        pad.refuseOpen = false;
        evaluator.requestRating(QStringLiteral("M-2"), QString(), QString());
        QTRY_VERIFY(pad.port.load() != nullptr);
        SerialPort *port = pad.port;
        QMetaObject::invokeMethod(
            port, [port] { Q_EMIT port->lost(QStringLiteral("unplugged")); }, Qt::QueuedConnection);
        QTRY_COMPARE(failed.size(), 2);
        QCOMPARE(failed.at(1).at(0).toString(), QStringLiteral("M-2"));
        QCOMPARE(failed.at(1).at(1).value<RatingFailure>(), RatingFailure::DeviceUnavailable);
        QVERIFY(failed.at(1).at(2).toString().contains(QStringLiteral("unplugged")));
    }

    void serialTimesOut()
    {
        FakePad pad;
        SerialEvaluatorOptions options;
        options.timeoutMs = 30;
        SerialEvaluator evaluator(
            fakeFactory(pad), KeyMapping::preset(KeyMapping::Preset::GenerationA), options);
        QSignalSpy failed(&evaluator, &Evaluator::ratingFailed);
        evaluator.requestRating(QStringLiteral("T-1"), QString(), QString());
        press(pad, "xyz");
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).value<RatingFailure>(), RatingFailure::Timeout);
        QVERIFY(evaluator.pendingCase().isEmpty());
    }

    void settingsBuildTheConfiguredEvaluator()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("evaluator/backend"), QStringLiteral("serial"));
        settings.setValue(QStringLiteral("evaluator/port"), QStringLiteral("/dev/ttyUSB3"));
        settings.setValue(QStringLiteral("evaluator/baudRate"), 19200);
        settings.setValue(QStringLiteral("evaluator/frame"), QStringLiteral("7e2"));
        settings.setValue(QStringLiteral("evaluator/keys"), QStringLiteral("custom"));
        settings.setValue(QStringLiteral("evaluator/keyMap"), QStringLiteral("41=5 42=1"));
        settings.setValue(QStringLiteral("evaluator/timeoutSeconds"), 30);
        settings.setValue(QStringLiteral("evaluator/prompt"), QStringLiteral("02 31 03"));
        const ow::Result<EvaluatorSettings> loaded = EvaluatorSettings::load(settings);
        QVERIFY2(loaded.has_value(), qPrintable(loaded.has_value() ? QString() : loaded.error().message()));
        QCOMPARE(loaded->backend, EvaluatorSettings::Backend::Serial);
        QCOMPARE(loaded->port.portName, QStringLiteral("/dev/ttyUSB3"));
        QCOMPARE(loaded->port.baudRate, 19200);
        QCOMPARE(loaded->port.frame(), QStringLiteral("7E2"));
        QCOMPARE(loaded->mapping.levelFor('B'), RatingLevel::VeryDissatisfied);
        QCOMPARE(loaded->serial.timeoutMs, 30000);
        QCOMPARE(loaded->serial.prompt, QByteArray::fromHex("023103"));
        QVERIFY(qobject_cast<SerialEvaluator *>(loaded->create().get()));

        settings.setValue(QStringLiteral("evaluator/keyMap"), QStringLiteral("41=9"));
        QVERIFY(!EvaluatorSettings::load(settings).has_value());
        settings.setValue(QStringLiteral("evaluator/keys"), QStringLiteral("b"));
        const ow::Result<EvaluatorSettings> presetB = EvaluatorSettings::load(settings);
        QVERIFY(presetB.has_value());
        QCOMPARE(presetB->mapping, KeyMapping::preset(KeyMapping::Preset::GenerationB));
        settings.setValue(QStringLiteral("evaluator/frame"), QStringLiteral("8X1"));
        QVERIFY(!EvaluatorSettings::load(settings).has_value());
        settings.setValue(QStringLiteral("evaluator/frame"), QStringLiteral("8N1"));
        settings.setValue(QStringLiteral("evaluator/backend"), QStringLiteral("screen"));
        const ow::Result<EvaluatorSettings> screen = EvaluatorSettings::load(settings);
        QVERIFY(screen.has_value());
        QVERIFY(qobject_cast<OnScreenEvaluator *>(screen->create().get()));
        settings.setValue(QStringLiteral("evaluator/backend"), QStringLiteral("pad"));
        QVERIFY(!EvaluatorSettings::load(settings).has_value());
    }
};

QTEST_GUILESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
