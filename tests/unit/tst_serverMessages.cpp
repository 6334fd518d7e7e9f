#include "core/InputExcerpt.h"
#include "server/RequestLog.h"
#include "server/ServerMessages.h"

#include <QTest>
#include <QThread>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using ow::server::ServerMessages;

/// onewindow-server's stderr: qWarning and Qt's own messages never wait for the reader.
class TestServerMessages : public QObject
{
    Q_OBJECT

    int m_pipe[2] = {-1, -1};

    /// Everything the pipe holds now, without waiting for more.
    QByteArray drain()
    {
        QByteArray all;
        char buffer[65536];
        while (true) {
            const ssize_t n = ::read(m_pipe[0], buffer, sizeof buffer);
            if (n <= 0)
                break;
            all.append(buffer, n);
        }
        return all;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(::pipe(m_pipe), 0);
        QCOMPARE(::fcntl(m_pipe[0], F_SETFL, O_NONBLOCK), 0);
        ServerMessages::install(m_pipe[1]);
        QVERIFY(ServerMessages::log());
    }

    void oneSafeLinePerMessage()
    {
        const QByteArray line = ServerMessages::format(
            QtWarningMsg, "qt.network.ssl", u"bad \x1b[31mred\n"_s + QString(100'000, u'x'));
        QVERIFY(line.startsWith("warning: qt.network.ssl: bad \\x1b[31mred\\nxxx"));
        QVERIFY(!line.contains('\n'));
        QVERIFY(!line.contains('\x1b'));
        QVERIFY(QString::fromUtf8(line).size() <= ServerMessages::kMaxLineLength);
        QCOMPARE(ServerMessages::format(QtCriticalMsg, "default", u"disk full"_s),
            QByteArray("critical: disk full"));

        qWarning("onewindow-server: the stored scan %s does not match", "abc\x07");
        QVERIFY(ServerMessages::log()->flush(10000));
        const QByteArray written = drain();
        QVERIFY2(written.contains("warning: onewindow-server: the stored scan abc\\x07 does not match\n"),
            written.constData());
    }

    void aReaderThatStopsReadingHoldsNothingUp()
    {
        // Nobody reads the pipe now: its 64 KiB fill, then the writer thread waits on it. Messages
        // from the request threads are queued, then dropped and counted — never waited for.
        const QString long1k(1000, u'w');
        const auto warnMany = [&long1k] {
            for (int i = 0; i < 20'000; ++i)
                qWarning("%s %d", qUtf8Printable(long1k), i);
        };
        QThread *other = QThread::create(warnMany);
        other->start();
        warnMany(); // 2 × 20 MB of messages: far past the pipe and the queue
        QVERIFY(other->wait());
        delete other;
        QVERIFY(ServerMessages::log()->dropped() > 0);
        QVERIFY(!ServerMessages::log()->flush(0)); // the writer is still stuck on the full pipe

        // The reader reads again: the queued lines come out, then how many were dropped.
        QByteArray written;
        for (int round = 0; round < 1000 && !written.contains("log-dropped"); ++round) {
            written += drain();
            QThread::yieldCurrentThread();
            ServerMessages::log()->flush(10);
            qWarning("after the stall %d", round); // wakes the writer so it reports the drops
        }
        QVERIFY(written.contains("log-dropped"));
    }
};

QTEST_GUILESS_MAIN(TestServerMessages)
#include "tst_serverMessages.moc"
