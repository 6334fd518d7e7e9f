#include "cli/CliApplication.h"
#include "idcard/IdCardPtyServer.h"
#include "idcard/IdCardSimulator.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using ow::cli::CliApplication;
using ow::cli::Console;
using namespace ow::drivers::idcard;

namespace {

const QString kData = QStringLiteral(OW_TEST_DATA_DIR "/idcard/");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &arguments)
{
    Run run;
    {
        Console console(&run.out, &run.err);
        run.exitCode
            = CliApplication().run(QStringList {QStringLiteral("onewindow-cli")} + arguments, console);
    }
    return run;
}

QJsonObject json(const Run &run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

/// The simulator on a pseudo-terminal served from a thread of its own, because the command under
/// test blocks the main thread while it waits for the reader.
class SimulatorThread
{
public:
    explicit SimulatorThread(IdCardSimulator &simulator)
        : m_simulator(simulator)
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_server = new IdCardPtyServer(m_simulator);
                const ow::Result<QString> path = m_server->open();
                m_path = path ? *path : QString();
            },
            Qt::BlockingQueuedConnection);
    }
    ~SimulatorThread()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    QString path() const { return m_path; }

private:
    IdCardSimulator &m_simulator;
    QThread m_thread;
    QObject m_context;
    IdCardPtyServer *m_server = nullptr;
    QString m_path;
};

} // namespace

/// onewindow-cli idcard decode|read: recorded frames to JSON, damaged frames to exit 1.
class TestIdCardCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodeRecordedRead_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("hex text") << QStringLiteral("read-mainland.hex");
        QTest::newRow("binary") << QStringLiteral("read-mainland.bin");
    }
    void decodeRecordedRead()
    {
        QFETCH(QString, file);
        const Run run = cli({QStringLiteral("idcard"), QStringLiteral("decode"), kData + file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject card = json(run);
        QCOMPARE(card.value(QStringLiteral("cardType")).toString(), QStringLiteral("mainland"));
        QCOMPARE(card.value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
        QCOMPARE(card.value(QStringLiteral("sex")).toString(), QStringLiteral("女"));
        QCOMPARE(card.value(QStringLiteral("nation")).toString(), QStringLiteral("汉"));
        QCOMPARE(card.value(QStringLiteral("birthDate")).toString(), QStringLiteral("1949-12-31"));
        QCOMPARE(card.value(QStringLiteral("idNumber")).toString(), QStringLiteral("11010519491231002X"));
        QCOMPARE(card.value(QStringLiteral("validFrom")).toString(), QStringLiteral("2010-01-01"));
        QCOMPARE(card.value(QStringLiteral("validTo")).toString(), QStringLiteral("长期"));
        QCOMPARE(card.value(QStringLiteral("photo")).toObject().value(QStringLiteral("bytes")).toInt(), 1024);
    }

    void decodeStatusReplies()
    {
        Run run = cli(
            {QStringLiteral("idcard"), QStringLiteral("decode"), kData + QStringLiteral("find-ok.hex")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(json(run).value(QStringLiteral("status")).toString(), QStringLiteral("9F"));
        QCOMPARE(json(run).value(QStringLiteral("data")).toString(), QStringLiteral("00 00 00 00"));
        run = cli(
            {QStringLiteral("idcard"), QStringLiteral("decode"), kData + QStringLiteral("find-failed.hex")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(json(run).value(QStringLiteral("status")).toString(), QStringLiteral("80"));
        QVERIFY(json(run)
                    .value(QStringLiteral("statusMessage"))
                    .toString()
                    .contains(QStringLiteral("No ID card")));
    }

    void decodeDamaged_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("needle");
        QTest::newRow("checksum") << QStringLiteral("read-bad-checksum.hex") << QStringLiteral("checksum");
        QTest::newRow("truncated") << QStringLiteral("read-truncated.hex")
                                   << QStringLiteral("cut off: 600 of its 1295 bytes");
        QTest::newRow("wrong length")
            << QStringLiteral("status-wrong-length.hex") << QStringLiteral("cut off: 11 of its 12 bytes");
        QTest::newRow("no frame") << QStringLiteral("sample-card.json") << QStringLiteral("no frame");
    }
    void decodeDamaged()
    {
        QFETCH(QString, file);
        QFETCH(QString, needle);
        const Run run = cli({QStringLiteral("idcard"), QStringLiteral("decode"), kData + file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(needle), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void decodeUsage()
    {
        QCOMPARE(cli({QStringLiteral("idcard")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("idcard"), QStringLiteral("decode")}).exitCode, 2);
        QCOMPARE(
            cli({QStringLiteral("idcard"), QStringLiteral("decode"), QStringLiteral("--help")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("idcard"), QStringLiteral("frobnicate")}).exitCode, 2);
        const Run missing
            = cli({QStringLiteral("idcard"), QStringLiteral("decode"), kData + QStringLiteral("nope.hex")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(cli({QStringLiteral("--help")}).out.contains(QStringLiteral("idcard decode FILE")));
    }

    void readFromSerialPort()
    {
        IdCardSimulator simulator;
        simulator.placeCard(IdCardSimulator::sampleCard());
        SimulatorThread served(simulator);
        QVERIFY(!served.path().isEmpty());
        const Run run = cli({QStringLiteral("idcard"), QStringLiteral("read"), QStringLiteral("--port"),
            served.path(), QStringLiteral("--timeout"), QStringLiteral("10")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(json(run).value(QStringLiteral("name")).toString(), QStringLiteral("张三"));
    }

    void readFaultIsAnError()
    {
        IdCardSimulator simulator;
        simulator.placeCard(IdCardSimulator::sampleCard());
        simulator.setFault(IdCardSimulator::Fault::BadChecksum);
        SimulatorThread served(simulator);
        const Run run = cli(
            {QStringLiteral("idcard"), QStringLiteral("read"), QStringLiteral("--port"), served.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("checksum")), qPrintable(run.err));
    }

    void readNoCardInTime()
    {
        IdCardSimulator simulator;
        SimulatorThread served(simulator);
        const Run run = cli({QStringLiteral("idcard"), QStringLiteral("read"), QStringLiteral("--port"),
            served.path(), QStringLiteral("--timeout"), QStringLiteral("0.5")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("No ID card was placed")), qPrintable(run.err));
    }

    void readUsage()
    {
        QCOMPARE(cli({QStringLiteral("idcard"), QStringLiteral("read")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("idcard"), QStringLiteral("read"), QStringLiteral("--usb"),
                         QStringLiteral("--port"), QStringLiteral("x")})
                     .exitCode,
            2);
        const Run bad = cli({QStringLiteral("idcard"), QStringLiteral("read"), QStringLiteral("--usb"),
            QStringLiteral("--device"), QStringLiteral("nonsense")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains(QStringLiteral("nonsense")));
        const Run noPort = cli({QStringLiteral("idcard"), QStringLiteral("read"), QStringLiteral("--port"),
            QStringLiteral("/dev/ow-no-such-reader")});
        QCOMPARE(noPort.exitCode, 2);
        QVERIFY2(noPort.err.contains(QStringLiteral("could not be opened")), qPrintable(noPort.err));
    }
};

QTEST_GUILESS_MAIN(TestIdCardCli)
#include "tst_idCardCli.moc"
