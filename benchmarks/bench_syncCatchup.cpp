// Catch-up of a counter that was offline for a day: 200 cases with 2,000 scans of 300 KB (random
// bytes, so nothing compresses) pushed to a real onewindow-server on loopback in one sync round.
// The server runs as a child process with a temporary data folder; the counter's store is filled
// before the clock starts.

#include "CaseTestSupport.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"
#include "sync/SyncClient.h"
#include "sync/SyncRound.h"
#include "sync/SyncSettings.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <benchmark/benchmark.h>

using namespace ow;
using namespace ow::cases;
using namespace ow::sync;

namespace {

constexpr int kCases = 200;
constexpr int kScansPerCase = 10;
constexpr qsizetype kScanBytes = 300 * 1024;

struct Server
{
    QProcess process;
    QString url;
};

bool startServer(Server &server, const QString &dataDirectory)
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    server.url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    server.process.start(QStringLiteral(OW_SERVER_PATH),
        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--data-dir"),
            dataDirectory});
    if (!server.process.waitForStarted(5000))
        return false;
    SyncClient client {QUrl(server.url)};
    client.setTimeout(1000);
    for (int attempt = 0; attempt < 200; ++attempt) {
        if (client.health())
            return true;
        QThread::msleep(25);
    }
    return false;
}

QString enrolCode(const QString &serverDirectory)
{
    auto db = server::ServerSchema::open(
        QStringLiteral("sqlite:") + serverDirectory + QStringLiteral("/server.db"));
    if (!db || !server::ServerSchema::migrate(**db))
        return {};
    server::CredentialStore credentials(**db, Clock());
    auto issued = credentials.issueEnrolCode(testing::workstation().hall, QStringLiteral("W07"));
    return issued ? issued->secret : QString();
}

void BM_OfflineDayCatchUp(benchmark::State &state)
{
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        const QString serverDirectory = dir.filePath(QStringLiteral("server"));
        QDir().mkpath(serverDirectory);
        const QString code = enrolCode(serverDirectory);
        Server server;
        if (code.isEmpty() || !startServer(server, serverDirectory)) {
            state.SkipWithError("the server did not start");
            return;
        }
        SyncClient client {QUrl(server.url)};
        auto enrolment = client.enrol(code, QStringLiteral("bench"));
        if (!enrolment) {
            state.SkipWithError(qPrintable(enrolment.error().toString()));
            return;
        }
        Workstation where {enrolment->hall, enrolment->counter, enrolment->counterNumber};
        auto store = CaseStore::open(dir.filePath(QStringLiteral("counter")), where).value();
        (void)store->setSyncValues(
            {{SyncSettings::kServer, server.url}, {SyncSettings::kToken, enrolment->token}});
        client.setToken(enrolment->token);
        QRandomGenerator random(42);
        QByteArray scan(kScanBytes, Qt::Uninitialized);
        for (int i = 0; i < kCases; ++i) {
            Case c = testing::draft();
            c.materialChecks[1].failedPoints.clear();
            for (int s = 0; s < kScansPerCase; ++s) {
                random.fillRange(reinterpret_cast<quint32 *>(scan.data()), scan.size() / 4);
                const QString sha = store->attachments().put(scan).value();
                c.attachments.append(
                    CaseAttachment {sha, QStringLiteral("id-card"), QStringLiteral("scan.jpg"),
                        QStringLiteral("image/jpeg"), scan.size(), QDateTime::currentDateTimeUtc()});
            }
            Case stored = store->createDraft(c, QStringLiteral("clerk-042")).value();
            (void)store->save(stored, testing::caseEvent(EventKind::Accepted));
        }
        state.ResumeTiming();

        SyncRound round(*store, client);
        Result<RoundReport> report = round.run();

        state.PauseTiming();
        if (!report) {
            state.SkipWithError(qPrintable(report.error().toString()));
            return;
        }
        state.counters["events"] = report->eventsSent;
        state.counters["scans"] = report->attachmentsUploaded;
        state.counters["MB"] = double(report->bytesUploaded) / 1e6;
        state.SetBytesProcessed(report->bytesUploaded);
        server.process.kill();
        server.process.waitForFinished();
        state.ResumeTiming();
    }
}

} // namespace

BENCHMARK(BM_OfflineDayCatchUp)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
