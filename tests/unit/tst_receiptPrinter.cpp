#include "receipt/CupsRawSink.h"
#include "receipt/DeviceFileSink.h"
#include "receipt/EscPosEncoder.h"
#include "receipt/ReceiptPrinter.h"
#include "receipt/ReceiptSettings.h"
#include "receipt/ReceiptSimulator.h"
#include "receipt/SpoolerSink.h"

#include <QFile>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ow::drivers::receipt;

namespace {

/// Stands in for `lp`: records the call and answers as told.
class FakeRunner : public ProcessRunner
{
public:
    struct Call
    {
        QString program;
        QStringList arguments;
        QByteArray input;
    };

    explicit FakeRunner(ProcessOutcome answer, QList<Call> *calls)
        : m_answer(std::move(answer))
        , m_calls(calls)
    {
    }

    ProcessOutcome run(
        const QString &program, const QStringList &arguments, const QByteArray &input, int) override
    {
        m_calls->append({program, arguments, input});
        return m_answer;
    }

private:
    ProcessOutcome m_answer;
    QList<Call> *m_calls;
};

/// A spooler that logs every call and fails the one it is told to.
class FakeSpooler : public SpoolerApi
{
public:
    FakeSpooler(QStringList *log, QString failAt, QByteArray *received)
        : m_log(log)
        , m_failAt(std::move(failAt))
        , m_received(received)
    {
    }

    bool openPrinter(const QString &name, Handle *printer) override
    {
        *printer = this;
        return step(QStringLiteral("open ") + name);
    }
    bool startRawDocument(Handle, const QString &) override { return step(QStringLiteral("startDoc")); }
    bool startPage(Handle) override { return step(QStringLiteral("startPage")); }
    bool write(Handle, const QByteArray &bytes, qint64 *written) override
    {
        *written = m_shortWrite ? bytes.size() / 2 : bytes.size();
        m_received->append(bytes.left(*written));
        return step(QStringLiteral("write"));
    }
    bool endPage(Handle) override { return step(QStringLiteral("endPage")); }
    bool endDocument(Handle) override { return step(QStringLiteral("endDoc")); }
    bool closePrinter(Handle) override { return step(QStringLiteral("close")); }
    QString lastError() const override { return QStringLiteral("fake failure"); }
    bool lastErrorWasUnknownPrinter() const override { return m_unknownPrinter; }
    bool lastErrorWasAccessDenied() const override { return false; }

    bool m_shortWrite = false;
    bool m_unknownPrinter = false;

private:
    bool step(const QString &what)
    {
        m_log->append(what);
        return !what.startsWith(m_failAt) || m_failAt.isEmpty();
    }

    QStringList *m_log;
    QString m_failAt;
    QByteArray *m_received;
};

QImage smallReceipt()
{
    QImage image(64, 8, QImage::Format_RGB32);
    image.fill(Qt::white);
    for (int x = 0; x < 64; x += 2)
        image.setPixel(x, 4, qRgb(0, 0, 0));
    return image;
}

} // namespace

/// Where receipt bytes go (device file, CUPS raw queue, Windows spooler, simulator), the printer's
/// own thread, and the settings that choose between them.
class TestReceiptPrinter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deviceFileGetsTheJobUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lp0"));
        QFile touch(path);
        QVERIFY(touch.open(QIODevice::WriteOnly));
        touch.close();
        const QByteArray job = QByteArray::fromHex("1b40 1d763000 0100 0100 80 1d5601") + QByteArray(1, '\0');
        DeviceFileSink sink(path);
        const ReceiptOutcome outcome = sink.send(job);
        QVERIFY2(outcome.ok(), qPrintable(outcome.message()));
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), job);
    }

    void missingDeviceIsNotFound()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("usb/lp7"));
        const ReceiptOutcome outcome = DeviceFileSink(path).send("x");
        QCOMPARE(outcome.status(), ReceiptStatus::DeviceNotFound);
        QVERIFY(outcome.message().contains(path));
    }

    void cupsRunsLpRawWithTheJobOnStandardInput()
    {
        QList<FakeRunner::Call> calls;
        CupsRawSink sink(QStringLiteral("receipt"), std::make_unique<FakeRunner>(ProcessOutcome {}, &calls));
        const QByteArray job = QByteArray::fromHex("1b40 1d5600");
        QVERIFY(sink.send(job).ok());
        QCOMPARE(calls.size(), 1);
        QCOMPARE(calls.first().program, QStringLiteral("lp"));
        QCOMPARE(calls.first().arguments,
            (QStringList {QStringLiteral("-d"), QStringLiteral("receipt"), QStringLiteral("-o"),
                QStringLiteral("raw")}));
        QCOMPARE(calls.first().input, job);
    }

    void cupsFailuresAreClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("said");
        QTest::addColumn<ReceiptStatus>("expected");
        using S = ProcessOutcome::Status;
        QTest::newRow("unknown queue")
            << int(S::Finished) << 1 << QByteArray("lp: The printer or class does not exist.")
            << ReceiptStatus::DeviceNotFound;
        QTest::newRow("refused") << int(S::Finished) << 1
                                 << QByteArray("lp: Destination \"x\" is not accepting jobs.")
                                 << ReceiptStatus::Rejected;
        QTest::newRow("no lp") << int(S::FailedToStart) << 0 << QByteArray("No such file")
                               << ReceiptStatus::Unsupported;
        QTest::newRow("hangs") << int(S::TimedOut) << 0 << QByteArray() << ReceiptStatus::Timeout;
    }

    void cupsFailuresAreClassified()
    {
        QFETCH(int, status);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, said);
        QFETCH(ReceiptStatus, expected);
        QList<FakeRunner::Call> calls;
        ProcessOutcome answer;
        answer.status = ProcessOutcome::Status(status);
        answer.exitCode = exitCode;
        answer.standardError = said;
        CupsRawSink sink(QStringLiteral("receipt"), std::make_unique<FakeRunner>(answer, &calls));
        const ReceiptOutcome outcome = sink.send("x");
        QCOMPARE(outcome.status(), expected);
        QVERIFY(!outcome.message().isEmpty());
    }

    void processRunnerFeedsStandardInput()
    {
        const QString shell = QStandardPaths::findExecutable(QStringLiteral("sh"));
        if (shell.isEmpty())
            QSKIP("no POSIX shell");
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("out"));
        QProcessRunner runner;
        const QByteArray input = QByteArray::fromHex("00ff1b40");
        const ProcessOutcome done = runner.run(
            shell, {QStringLiteral("-c"), QStringLiteral("cat > \"$0\"; exit 3"), out}, input, 10000);
        QCOMPARE(done.status, ProcessOutcome::Status::Finished);
        QCOMPARE(done.exitCode, 3);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), input);
        const ProcessOutcome missing
            = runner.run(dir.filePath(QStringLiteral("no-such-program")), {}, {}, 5000);
        QCOMPARE(missing.status, ProcessOutcome::Status::FailedToStart);
    }

    void spoolerSendsOneRawDocument()
    {
        QStringList log;
        QByteArray received;
        SpoolerSink sink(QStringLiteral("POS-80"), std::make_unique<FakeSpooler>(&log, QString(), &received));
        const QByteArray job = QByteArray::fromHex("1b40 1d5601");
        QVERIFY(sink.send(job).ok());
        QCOMPARE(log,
            (QStringList {QStringLiteral("open POS-80"), QStringLiteral("startDoc"),
                QStringLiteral("startPage"), QStringLiteral("write"), QStringLiteral("endPage"),
                QStringLiteral("endDoc"), QStringLiteral("close")}));
        QCOMPARE(received, job);
    }

    void spoolerFailuresStillCloseTheDocument()
    {
        QStringList log;
        QByteArray received;
        SpoolerSink sink(QStringLiteral("POS-80"),
            std::make_unique<FakeSpooler>(&log, QStringLiteral("write"), &received));
        const ReceiptOutcome outcome = sink.send("abc");
        QCOMPARE(outcome.status(), ReceiptStatus::WriteFailed);
        QVERIFY(outcome.message().contains(QStringLiteral("fake failure")));
        QCOMPARE(log.mid(3),
            (QStringList {QStringLiteral("write"), QStringLiteral("endPage"), QStringLiteral("endDoc"),
                QStringLiteral("close")}));
    }

    void spoolerShortWriteAndUnknownPrinter()
    {
        QStringList log;
        QByteArray received;
        auto shortApi = std::make_unique<FakeSpooler>(&log, QString(), &received);
        shortApi->m_shortWrite = true;
        QCOMPARE(SpoolerSink(QStringLiteral("P"), std::move(shortApi)).send("abcd").status(),
            ReceiptStatus::WriteFailed);

        log.clear();
        auto unknown = std::make_unique<FakeSpooler>(&log, QStringLiteral("open"), &received);
        unknown->m_unknownPrinter = true;
        QCOMPARE(SpoolerSink(QStringLiteral("P"), std::move(unknown)).send("abcd").status(),
            ReceiptStatus::DeviceNotFound);
        QCOMPARE(log, QStringList {QStringLiteral("open P")}); // nothing to close when nothing was opened
    }

    void spoolerFactoryOutsideWindowsSaysUnsupported()
    {
        if (SpoolerSink::isAvailable())
            QSKIP("this build has the Windows spooler");
        const std::unique_ptr<ReceiptSink> sink = SpoolerSink::factory(QStringLiteral("POS-80"))();
        QCOMPARE(sink->send("x").status(), ReceiptStatus::Unsupported);
    }

    void printerSendsOnItsThreadAndReportsEachJob()
    {
        ReceiptSimulator simulator;
        ReceiptPrinter printer(simulator.factory());
        QSignalSpy printed(&printer, &ReceiptPrinter::printed);
        QSignalSpy failed(&printer, &ReceiptPrinter::printFailed);
        const int first = printer.print(smallReceipt());
        QTRY_COMPARE(printed.size(), 1);
        QCOMPARE(printed.first().first().toInt(), first);
        simulator.failNextJob(ReceiptStatus::WriteFailed);
        const int second = printer.print(smallReceipt());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toInt(), second);
        QCOMPARE(failed.first().at(1).value<ReceiptStatus>(), ReceiptStatus::WriteFailed);
        QVERIFY(!failed.first().at(2).toString().isEmpty());

        QCOMPARE(simulator.jobs().size(), 1);
        const ow::Result<QList<PrintedReceipt>> paper = simulator.receipts();
        QVERIFY(paper.has_value());
        QCOMPARE(paper->size(), 1);
        QCOMPARE(paper->first().cut, CutMode::Partial);
        QCOMPARE(paper->first().paper.width(), 576);
    }

    void printerReportsAnImageThePaperCannotTake()
    {
        ReceiptSimulator simulator;
        ReceiptOptions options;
        options.paper = PaperWidth::Mm58;
        ReceiptPrinter printer(simulator.factory(), options);
        QSignalSpy failed(&printer, &ReceiptPrinter::printFailed);
        QImage wide(576, 10, QImage::Format_RGB32);
        wide.fill(Qt::white);
        const int job = printer.print(wide);
        QCOMPARE(failed.size(), 0); // reported later, like every other job
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toInt(), job);
        QCOMPARE(failed.first().at(1).value<ReceiptStatus>(), ReceiptStatus::InvalidImage);
        QVERIFY(simulator.jobs().isEmpty());
    }

    void settingsChooseTheSinkAndLayout()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("receipt/connection"), QStringLiteral("device"));
        settings.setValue(QStringLiteral("receipt/device"), dir.filePath(QStringLiteral("lp0")));
        settings.setValue(QStringLiteral("receipt/paperWidthMm"), 58);
        settings.setValue(QStringLiteral("receipt/cut"), QStringLiteral("full"));
        settings.setValue(QStringLiteral("receipt/alignment"), QStringLiteral("left"));
        settings.setValue(QStringLiteral("receipt/dithering"), QStringLiteral("floyd-steinberg"));
        settings.setValue(QStringLiteral("receipt/feedLines"), 6);
        const ow::Result<ReceiptSettings> loaded = ReceiptSettings::load(settings);
        QVERIFY2(loaded.has_value(), qPrintable(loaded.has_value() ? QString() : loaded.error().message()));
        QCOMPARE(loaded->connection, ReceiptSettings::Connection::Device);
        QCOMPARE(loaded->options.paperDots(), 384);
        QCOMPARE(loaded->options.cut, CutMode::Full);
        QCOMPARE(loaded->options.alignment, Alignment::Left);
        QCOMPARE(loaded->options.dithering, Dithering::FloydSteinberg);
        QCOMPARE(loaded->options.feedLines, 6);
        QCOMPARE(loaded->options.bandRows, 255);
        const std::unique_ptr<ReceiptSink> sink = loaded->sinkFactory()();
        QVERIFY(sink);
        QVERIFY(sink->description().contains(QStringLiteral("lp0")));

        settings.setValue(QStringLiteral("receipt/paperWidthMm"), 76);
        const ow::Result<ReceiptSettings> wrong = ReceiptSettings::load(settings);
        QVERIFY(!wrong.has_value());
        QVERIFY(wrong.error().message().contains(QStringLiteral("receipt/paperWidthMm")));

        settings.setValue(QStringLiteral("receipt/paperWidthMm"), 80);
        settings.setValue(QStringLiteral("receipt/feedLines"), QStringLiteral("many"));
        QVERIFY(!ReceiptSettings::load(settings).has_value());
    }
};

QTEST_GUILESS_MAIN(TestReceiptPrinter)
#include "tst_receiptPrinter.moc"
