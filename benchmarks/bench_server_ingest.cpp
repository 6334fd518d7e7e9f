// Ingest throughput of onewindow-server: the real process on loopback, one workstation posting new
// cases (Created + Accepted, each with its snapshot, as the outbox sends them) and waiting for
// each answer. Reported as cases per second for SQLite, and for PostgreSQL when OW_TEST_POSTGRES
// is set (scripts/with-postgres scripts/bench server). Wall-clock time per round of 500 cases.

#include "../tests/unit/CaseTestSupport.h"
#include "../tests/unit/ServerTestSupport.h"
#include "server/CredentialStore.h"
#include "server/ServerSchema.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace ow;
using namespace ow::cases;
using namespace ow::server;
using namespace ow::server::testing;

namespace {

constexpr int kCases = 500;

void ingest(benchmark::State &state, bool postgres)
{
    const QString postgresUrl = qEnvironmentVariable("OW_TEST_POSTGRES");
    if (postgres && postgresUrl.isEmpty()) {
        state.SkipWithError("OW_TEST_POSTGRES is not set (run under scripts/with-postgres)");
        return;
    }
    const int casesPerRequest = int(state.range(0));
    QTemporaryDir dir;
    const QString database
        = postgres ? postgresUrl : QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.db"));
    QString token;
    {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(database);
        if (!db) {
            state.SkipWithError(qPrintable(db.error().toString()));
            return;
        }
        if (postgres)
            (void)(*db)->exec(QStringLiteral("DROP TABLE IF EXISTS ")
                + ServerSchema::tables().join(QStringLiteral(", ")) + QStringLiteral(" CASCADE"));
    }
    ServerProcess server(QStringLiteral(OW_SERVER_PATH), dir.path(), database);
    if (!server.start()) {
        state.SkipWithError(qPrintable(server.startError()));
        return;
    }
    HttpClient http;
    {
        Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(database);
        CredentialStore store(**db, Clock());
        const Result<IssuedSecret> code
            = store.issueEnrolCode(QStringLiteral("33030201"), QStringLiteral("W07"));
        token = http.call("POST", server.url(QStringLiteral("/api/v1/enrol")),
                        QJsonDocument(QJsonObject {{QStringLiteral("code"), code->secret}}).toJson())
                    .json()
                    .value(QStringLiteral("token"))
                    .toString();
    }
    int serial = 0;
    // Event times near the server's own: it refuses times far from it.
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (auto _ : state) {
        // Build the bodies first: only the server's work is timed.
        QList<QByteArray> bodies;
        QJsonArray entries;
        for (int i = 0; i < kCases; ++i) {
            ++serial;
            const QString number = CaseNumber::make(QStringLiteral("33030201"),
                QDate(2026, 3, 16).addDays(serial / 9999), CaseNumber::sequenceFor(7, serial % 9999 + 1))
                                       ->toString();
            Case c = ow::cases::testing::draft();
            c.number = number;
            c.qrToken = QrToken::generate();
            c.hall = QStringLiteral("33030201");
            c.counter = QStringLiteral("W07");
            c.created = start;
            entries.append(outboxEntry(&c, number, EventKind::Created, start, CaseState::Draft));
            c.state = CaseState::Accepted;
            entries.append(
                outboxEntry(&c, number, EventKind::Accepted, start.addSecs(60), CaseState::Accepted));
            if (entries.size() == 2 * casesPerRequest || i == kCases - 1) {
                bodies.append(batch(entries));
                entries = QJsonArray();
            }
        }
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray &body : std::as_const(bodies)) {
            const HttpResult result
                = http.call("POST", server.url(QStringLiteral("/api/v1/events")), body, token);
            if (result.status != 200) {
                state.SkipWithError(result.body.constData());
                return;
            }
        }
        const double seconds = timer.nsecsElapsed() / 1e9;
        state.SetIterationTime(seconds);
        state.counters[std::string("cases/s")] = kCases / seconds;
    }
}

void BM_ServerIngestSqlite(benchmark::State &state)
{
    ingest(state, false);
}

void BM_ServerIngestPostgres(benchmark::State &state)
{
    ingest(state, true);
}

} // namespace

// Argument: cases per request (1: a counter sending as it works; 50: catching up after a day offline).
BENCHMARK(BM_ServerIngestSqlite)
    ->Arg(1)
    ->Arg(50)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);
BENCHMARK(BM_ServerIngestPostgres)
    ->Arg(1)
    ->Arg(50)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
