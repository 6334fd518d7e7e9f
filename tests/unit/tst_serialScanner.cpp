#include "idcard/PseudoTerminal.h"
#include "scanner/SerialScanner.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <atomic>

using namespace ow::drivers::scanner;
using ow::drivers::idcard::PseudoTerminal;
using ow::drivers::serial::SerialPort;
using ow::drivers::serial::SerialPortSettings;

namespace {

constexpr int kWaitMs = 10000;

SerialPort::Factory portFor(const QString &path)
{
    SerialPortSettings settings;
    settings.portName = path;
    return SerialPort::factory(settings);
}

/// A port that is never there, counting how often it was tried.
class AbsentPort : public SerialPort
{
public:
    explicit AbsentPort(std::atomic<int> &attempts)
        : SerialPort({})
        , m_attempts(attempts)
    {
    }
    ow::Result<void> open(QIODevice::OpenMode, Reading) override
    {
        ++m_attempts;
        return ow::fail(ow::Error::Code::Io, QStringLiteral("not plugged in"));
    }
    void close() override { }
    bool isOpen() const override { return false; }

private:
    std::atomic<int> &m_attempts;
};

} // namespace

/// SerialScanner end to end: QSerialPort on a pseudo-terminal, the scanner's bytes written by the
/// test or by onewindow-devsim.
class TestSerialScanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsOneCodePerLine()
    {
        PseudoTerminal pty;
        QVERIFY(pty.open().has_value());
        SerialScanner scanner(portFor(pty.slavePath()));
        QSignalSpy codes(&scanner, &BarcodeScanner::codeScanned);
        QSignalSpy connected(&scanner, &SerialScanner::connectedChanged);
        scanner.start();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, kWaitMs);
        QVERIFY(scanner.isConnected());
        QVERIFY(pty.writeAll("3303020120260315010001W\r").has_value());
        QVERIFY(pty.writeAll(QStringLiteral("二维码\r\nLAST").toUtf8()).has_value());
        QTRY_COMPARE_WITH_TIMEOUT(codes.size(), 2, kWaitMs);
        QCOMPARE(codes.at(0).first().toString(), QStringLiteral("3303020120260315010001W"));
        QCOMPARE(codes.at(1).first().toString(), QStringLiteral("二维码"));
        QVERIFY(pty.writeAll("\n").has_value());
        QTRY_COMPARE_WITH_TIMEOUT(codes.size(), 3, kWaitMs);
        QCOMPARE(codes.at(2).first().toString(), QStringLiteral("LAST"));
        scanner.stop();
        QVERIFY(!scanner.isConnected());
        QVERIFY(!scanner.isRunning());
    }

    void missingScannerIsReportedOnce()
    {
        SerialScanner scanner(portFor(QStringLiteral("/dev/onewindow-no-such-scanner")));
        QSignalSpy errors(&scanner, &BarcodeScanner::scannerError);
        scanner.start();
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, kWaitMs);
        QVERIFY(errors.first().first().toString().contains(QStringLiteral("onewindow-no-such-scanner")));
    }

    void retriesQuietlyUntilTheScannerComes()
    {
        std::atomic<int> attempts = 0;
        SerialPort::Factory factory
            = [&attempts]() -> std::unique_ptr<SerialPort> { return std::make_unique<AbsentPort>(attempts); };
        SerialScanner scanner(factory, 1);
        QSignalSpy errors(&scanner, &BarcodeScanner::scannerError);
        scanner.start();
        QTRY_VERIFY_WITH_TIMEOUT(attempts >= 5, kWaitMs);
        scanner.stop();
        QCOMPARE(errors.size(), 1); // the same failure every time is said once
    }

    void devsimScannerSendsItsCode()
    {
        QProcess devsim;
        devsim.start(QStringLiteral(OW_DEVSIM_PATH),
            {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("scanner"),
                QStringLiteral("--pty"), QStringLiteral("--code"), QStringLiteral("OW-SCAN-0042"),
                QStringLiteral("--delay"), QStringLiteral("0.2"), QStringLiteral("--repeat")});
        QVERIFY(devsim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(devsim.canReadLine(), kWaitMs);
        const QString path = QString::fromLocal8Bit(devsim.readLine()).trimmed();
        SerialScanner scanner(portFor(path));
        QSignalSpy codes(&scanner, &BarcodeScanner::codeScanned);
        scanner.start();
        QTRY_VERIFY_WITH_TIMEOUT(codes.size() >= 1, kWaitMs);
        QCOMPARE(codes.first().first().toString(), QStringLiteral("OW-SCAN-0042"));
        scanner.stop();
        devsim.kill();
        devsim.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestSerialScanner)
#include "tst_serialScanner.moc"
