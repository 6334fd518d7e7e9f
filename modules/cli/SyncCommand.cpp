#include "cli/SyncCommand.h"

#include "cases/CaseJson.h"
#include "cases/CaseStore.h"
#include "cases/ClerkActivityLog.h"
#include "cases/ComplaintLog.h"
#include "cases/ResultDocuments.h"
#include "cases/ScanFailures.h"
#include "cli/SubcommandParser.h"
#include "sync/AccountSync.h"
#include "sync/SyncClient.h"
#include "sync/SyncRound.h"
#include "sync/SyncSettings.h"
#include "sync/SyncWarnings.h"
#include "sync/SyncWorker.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::cli {

using namespace ow::cases;
using namespace ow::sync;
using namespace Qt::StringLiterals;

namespace {

QCommandLineOption dataDirOption()
{
    return QCommandLineOption(u"data-dir"_s,
        QCoreApplication::translate("ow::cli", "The workstation's data folder (default: %1).")
            .arg(QDir::toNativeSeparators(CaseStore::defaultDataDirectory())),
        u"DIR"_s);
}

QString dataDirectory(const QCommandLineParser &parser)
{
    return parser.isSet(u"data-dir"_s) ? parser.value(u"data-dir"_s) : CaseStore::defaultDataDirectory();
}

QJsonObject reportJson(const RoundReport &r)
{
    return QJsonObject {{u"eventsSent"_s, r.eventsSent}, {u"eventsRejected"_s, r.eventsRejected},
        {u"attachmentsUploaded"_s, r.attachmentsUploaded}, {u"bytesUploaded"_s, double(r.bytesUploaded)},
        {u"eventsReceived"_s, r.eventsReceived}, {u"casesImported"_s, r.casesImported},
        {u"scansSetAside"_s, r.scansSetAside}, {u"eventsHeld"_s, r.eventsHeld},
        {u"documentsFetched"_s, r.documentsFetched}, {u"documentsRefused"_s, r.documentsRefused},
        {u"documentsWaiting"_s, r.documentsWaiting}};
}

QJsonArray scansJson(const QList<ScanFailure> &scans)
{
    QJsonArray list;
    for (const ScanFailure &scan : scans)
        list.append(QJsonObject {{u"sha256"_s, scan.sha256}, {u"reason"_s, scan.reason},
            {u"detected"_s, CaseJson::timeText(scan.detected)},
            {u"discarded"_s,
                scan.discarded.isValid() ? QJsonValue(CaseJson::timeText(scan.discarded)) : QJsonValue()},
            {u"cases"_s, QJsonArray::fromStringList(scan.cases)}});
    return list;
}

QJsonArray rejectedJson(const QList<OutboxEntry> &rows)
{
    QJsonArray list;
    for (const OutboxEntry &row : rows)
        list.append(QJsonObject {{u"event"_s, row.eventId}, {u"message"_s, QString::fromUtf8(row.payload)}});
    return list;
}

// What `sync status` adds for IT and the clerk: each scan set aside and why, the newest rejected
// events with the server's reason, and how far this clock is from the server's.
void printDetails(ConsoleStream &out, const QList<ScanFailure> &scans, const QList<OutboxEntry> &rejected,
    const QString &offsetText, const QStringList &warnings)
{
    for (const ScanFailure &scan : scans) {
        out << (scan.discarded.isValid()
                ? QCoreApplication::translate("ow::cli", "Scan discarded: %1 (cases %2)")
                : QCoreApplication::translate("ow::cli", "Scan set aside: %1 (cases %2)"))
                   .arg(scan.sha256, scan.cases.join(u", "_s))
            << '\n'
            << "  " << scan.reason << '\n';
    }
    if (!scans.isEmpty())
        out << QCoreApplication::translate("ow::cli",
            "  Scan the material again and run: onewindow-cli sync retry-scan SHA256, or "
            "onewindow-cli sync discard-scan SHA256")
            << '\n';
    for (const OutboxEntry &row : rejected)
        out << QCoreApplication::translate("ow::cli", "Rejected event %1: %2")
                   .arg(row.eventId, QString::fromUtf8(row.payload))
            << '\n';
    bool ok = false;
    const qint64 offset = offsetText.toLongLong(&ok);
    if (ok)
        out << QCoreApplication::translate("ow::cli", "Server clock minus this clock: %1 s")
                   .arg(offset / 1000)
            << '\n';
    for (const QString &warning : warnings)
        out << QCoreApplication::translate("ow::cli", "Warning: %1").arg(warning) << '\n';
}

} // namespace

int SyncCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate("ow::cli",
        "Usage: onewindow-cli sync enrol|status|run|retry-scan|discard-scan ... (--help for each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown sync command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == "enrol"_L1)
                return enrol(rest);
            if (sub == "status"_L1)
                return status(rest);
            if (sub == "run"_L1)
                return runRounds(rest);
            if (sub == "retry-scan"_L1)
                return decideScan(rest, false);
            if (sub == "discard-scan"_L1)
                return decideScan(rest, true);
            return std::nullopt;
        });
}

int SyncCommand::enrol(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Enrol this workstation with the central server using a one-time code "
        "from the server's administrator. The token, hall and counter are kept "
        "in the workstation's database."));
    const QCommandLineOption server(u"server"_s,
        QCoreApplication::translate("ow::cli", "The server's address, e.g. https://onewindow.example:8443."),
        u"URL"_s);
    const QCommandLineOption code(
        u"code"_s, QCoreApplication::translate("ow::cli", "The one-time enrolment code."), u"CODE"_s);
    const QCommandLineOption machine(u"machine"_s,
        QCoreApplication::translate("ow::cli", "This machine's name for the server (default: host name)."),
        u"NAME"_s);
    parser.addOptions({dataDirOption(), jsonOption(), server, code, machine});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli sync enrol"_s, arguments, 0))
        return *stop;
    const QUrl url(parser.value(server));
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty() || parser.value(code).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "sync enrol needs --server URL and --code CODE; see --help")
                        << '\n';
        return 2;
    }
    const QString directory = dataDirectory(parser);
    if (!QDir().mkpath(directory)) {
        m_console.err()
            << QCoreApplication::translate("ow::cli", "cannot create the data folder %1").arg(directory)
            << '\n';
        return 1;
    }
    Result<std::unique_ptr<CaseStore>> store = CaseStore::open(directory);
    if (!store) {
        m_console.err() << store.error().toString() << '\n';
        return 1;
    }
    SyncClient client(url);
    Result<Enrolment> enrolment = client.enrol(
        parser.value(code), parser.isSet(machine) ? parser.value(machine) : QHostInfo::localHostName());
    if (!enrolment) {
        m_console.err() << enrolment.error().toString() << '\n';
        return 1;
    }
    Result<void> saved = (*store)->setSyncValues({{SyncSettings::kServer, url.toString()},
        {SyncSettings::kToken, enrolment->token}, {SyncSettings::kWorkstationId, enrolment->workstation},
        {SyncSettings::kHall, enrolment->hall}, {SyncSettings::kCounter, enrolment->counter},
        {SyncSettings::kCounterNumber, QString::number(enrolment->counterNumber)}});
    if (!saved) {
        m_console.err() << saved.error().toString() << '\n';
        return 1;
    }
    // The hall's accounts at once, as the workstation's own enrolment does: the hall's clerks log in
    // here from the first start, also with the server down since. The enrolment stands without them.
    store->reset();
    client.setToken(enrolment->token);
    Result<AccountSync::Report> accounts = AccountSync::runFor(directory, client);
    if (!accounts)
        m_console.err() << QCoreApplication::translate("ow::cli",
            "The hall's accounts could not be fetched yet (%1); the sync brings them, or run "
            "onewindow-cli account pull.")
                               .arg(accounts.error().message())
                        << '\n';
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(
            QJsonObject {{u"workstation"_s, enrolment->workstation}, {u"hall"_s, enrolment->hall},
                {u"counter"_s, enrolment->counter}, {u"counterNumber"_s, enrolment->counterNumber},
                {u"accountsFetched"_s, accounts ? accounts->accountsChanged : -1}}));
    } else {
        m_console.out() << QCoreApplication::translate(
            "ow::cli", "Enrolled as counter %1 (number %2) of hall %3.")
                               .arg(enrolment->counter)
                               .arg(enrolment->counterNumber)
                               .arg(enrolment->hall)
                        << '\n';
        if (accounts)
            m_console.out() << QCoreApplication::translate(
                "ow::cli", "%n account(s) of the hall fetched.", nullptr, accounts->accountsChanged)
                            << '\n';
    }
    return 0;
}

int SyncCommand::status(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Show the server, the events waiting and rejected, the complaints waiting and refused, the "
        "departments' result documents waiting or refused, and the changes cursor."));
    parser.addOptions({dataDirOption(), jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli sync status"_s, arguments, 0))
        return *stop;
    Result<std::unique_ptr<CaseStore>> store
        = CaseStore::open(dataDirectory(parser), {}, CaseStore::OpenMode::MustExist);
    if (!store) {
        m_console.err() << store.error().toString() << '\n';
        return 2;
    }
    Result<SyncSettings> settings = SyncSettings::read(**store);
    Result<OutboxCounts> counts = (*store)->outboxCount();
    Result<qint64> bytes = (*store)->pendingUploadBytes();
    Result<QString> cursor = (*store)->syncValue(SyncSettings::kCursor);
    Result<QList<ScanFailure>> scans = ScanFailures((*store)->database()).list();
    Result<QList<OutboxEntry>> rejected = SyncTables::failedOutbox((*store)->database(), 10);
    Result<QString> offsetText = (*store)->syncValue(SyncSettings::kClockOffset);
    Result<QStringList> warnings = SyncWarnings::of(**store);
    Result<QPair<qint64, qint64>> activities = ClerkActivityLog(**store).outboxCounts();
    Result<QPair<qint64, qint64>> complaints = ComplaintLog(**store).outboxCounts();
    Result<ResultDocumentCounts> documents = ResultDocuments((*store)->database()).counts();
    if (!settings || !counts || !bytes || !cursor || !scans || !rejected || !offsetText || !warnings
        || !activities || !complaints || !documents) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "cannot read the sync state of the workstation's database")
                        << '\n';
        return 1;
    }
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(QJsonObject {{u"server"_s, settings->server},
            {u"enrolled"_s, settings->isEnrolled()}, {u"hall"_s, settings->workstation.hall},
            {u"counter"_s, settings->workstation.counter}, {u"pendingEvents"_s, double(counts->pending)},
            {u"failedEvents"_s, double(counts->failed)}, {u"sentEvents"_s, double(counts->sent)},
            {u"pendingBytes"_s, double(*bytes)}, {u"cursor"_s, *cursor},
            {u"pendingActivities"_s, double(activities->first)},
            {u"refusedActivities"_s, double(activities->second)},
            {u"pendingComplaints"_s, double(complaints->first)},
            {u"refusedComplaints"_s, double(complaints->second)},
            {u"documentsWaiting"_s, double(documents->waiting)},
            {u"documentsFailed"_s, double(documents->failed)},
            {u"documentsFetched"_s, double(documents->fetched)}, {u"scansSetAside"_s, scansJson(*scans)},
            {u"rejectedEvents"_s, rejectedJson(*rejected)},
            {u"clockOffsetMs"_s, offsetText->isEmpty() ? QJsonValue() : QJsonValue(offsetText->toDouble())},
            {u"warnings"_s, QJsonArray::fromStringList(*warnings)}}));
        return 0;
    }
    ConsoleStream &out = m_console.out();
    if (!settings->isEnrolled())
        out << QCoreApplication::translate(
            "ow::cli", "Not enrolled with a server (onewindow-cli sync enrol).")
            << '\n';
    else
        out << QCoreApplication::translate("ow::cli", "Server: %1 (hall %2, counter %3)")
                   .arg(settings->server, settings->workstation.hall, settings->workstation.counter)
            << '\n';
    out << QCoreApplication::translate("ow::cli", "Events waiting: %1; rejected: %2; delivered: %3")
               .arg(counts->pending)
               .arg(counts->failed)
               .arg(counts->sent)
        << '\n'
        << QCoreApplication::translate("ow::cli", "Scans waiting: %1 bytes").arg(*bytes) << '\n'
        << QCoreApplication::translate("ow::cli", "Clerk activities waiting: %1; refused: %2")
               .arg(activities->first)
               .arg(activities->second)
        << '\n'
        << QCoreApplication::translate("ow::cli", "Complaints waiting: %1; refused: %2")
               .arg(complaints->first)
               .arg(complaints->second)
        << '\n'
        << QCoreApplication::translate("ow::cli", "Result documents waiting: %1; refused: %2; fetched: %3")
               .arg(documents->waiting)
               .arg(documents->failed)
               .arg(documents->fetched)
        << '\n'
        << QCoreApplication::translate("ow::cli", "Changes cursor: %1")
               .arg(cursor->isEmpty() ? QCoreApplication::translate("ow::cli", "(none yet)") : *cursor)
        << '\n';
    printDetails(out, *scans, *rejected, *offsetText, *warnings);
    return 0;
}

int SyncCommand::decideScan(const QStringList &arguments, bool discard)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(discard
            ? QCoreApplication::translate("ow::cli",
                "Give up a scan that cannot be read: the events waiting for it are sent without it. "
                "Scan the material again and attach it to the case.")
            : QCoreApplication::translate("ow::cli",
                "Read a scan set aside again at the next sync round (after the file was restored)."));
    parser.addPositionalArgument(u"sha256"_s, QCoreApplication::translate("ow::cli", "The scan's SHA-256."));
    parser.addOptions({dataDirOption()});
    const QString name = discard ? u"onewindow-cli sync discard-scan"_s : u"onewindow-cli sync retry-scan"_s;
    if (const std::optional<int> stop = parseSubcommand(m_console, parser, name, arguments, 1))
        return *stop;
    Result<std::unique_ptr<CaseStore>> store
        = CaseStore::open(dataDirectory(parser), {}, CaseStore::OpenMode::MustExist);
    if (!store) {
        m_console.err() << store.error().toString() << '\n';
        return 2;
    }
    const QString sha = parser.positionalArguments().constFirst().toLower();
    const ScanFailures failures((*store)->database());
    Result<bool> done = discard ? failures.discard(sha, Clock().nowUtc()) : failures.retry(sha);
    if (!done) {
        m_console.err() << done.error().toString() << '\n';
        return 1;
    }
    if (!*done) {
        m_console.err() << QCoreApplication::translate("ow::cli", "No scan %1 is set aside.").arg(sha)
                        << '\n';
        return 1;
    }
    m_console.out() << (discard
            ? QCoreApplication::translate("ow::cli",
                "The scan %1 is discarded: the events waiting for it go without it at "
                "the next round. Scan the material again and attach it to the case.")
                  .arg(sha)
            : QCoreApplication::translate("ow::cli", "The scan %1 will be read again at the next round.")
                  .arg(sha))
                    << '\n';
    return 0;
}

int SyncCommand::runRounds(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Send the outbox and scans to the server and pull the hall's changes: "
        "one round with --once (exit 1 when it fails), else until stopped."));
    const QCommandLineOption once(
        u"once"_s, QCoreApplication::translate("ow::cli", "Run one round and exit."));
    const QCommandLineOption chunk(u"chunk-size"_s,
        QCoreApplication::translate("ow::cli", "Bytes per upload request (default 1 MiB, at most 4 MiB)."),
        u"BYTES"_s, u"1048576"_s);
    const QCommandLineOption poll(u"poll"_s,
        QCoreApplication::translate("ow::cli", "Seconds between rounds when not run once (default 30)."),
        u"S"_s, u"30"_s);
    parser.addOptions({dataDirOption(), jsonOption(), once, chunk, poll});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli sync run"_s, arguments, 0))
        return *stop;
    bool chunkOk = false;
    bool pollOk = false;
    const qint64 chunkSize = parser.value(chunk).toLongLong(&chunkOk);
    const int pollSeconds = parser.value(poll).toInt(&pollOk);
    if (!chunkOk || chunkSize < 1 || !pollOk || pollSeconds < 1) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "invalid --chunk-size or --poll; see --help")
                        << '\n';
        return 2;
    }
    const QString directory = dataDirectory(parser);
    if (!parser.isSet(once)) {
        // Until killed: the same worker the workstation runs, on this thread.
        SyncWorker worker(directory);
        worker.setChunkSize(chunkSize);
        worker.setPollInterval(pollSeconds * 1000);
        QObject::connect(&worker, &SyncWorker::roundFinished, &worker, [this](bool ok, const QString &error) {
            m_console.out() << (ok ? QCoreApplication::translate("ow::cli", "round done")
                                   : QCoreApplication::translate("ow::cli", "round failed: %1").arg(error))
                            << Qt::endl;
        });
        QObject::connect(&worker, &SyncWorker::statusChanged, &worker,
            [this](bool, qint64 pending, qint64, const QString &error) {
                if (pending < 0 || !error.isEmpty())
                    return;
                m_console.out() << QCoreApplication::translate("ow::cli", "events waiting: %1").arg(pending)
                                << Qt::endl;
            });
        worker.start();
        return QCoreApplication::exec();
    }
    Result<std::unique_ptr<CaseStore>> store = CaseStore::open(directory, {}, CaseStore::OpenMode::MustExist);
    if (!store) {
        m_console.err() << store.error().toString() << '\n';
        return 2;
    }
    Result<SyncSettings> settings = SyncSettings::read(**store);
    if (!settings || !settings->isEnrolled()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "This workstation is not enrolled with a server (onewindow-cli sync enrol).")
                        << '\n';
        return 2;
    }
    SyncClient client(QUrl(settings->server), settings->token);
    SyncRound round(**store, client);
    round.setChunkSize(chunkSize);
    Result<RoundReport> report = round.run();
    if (!report) {
        m_console.err() << report.error().toString() << '\n';
        return 1;
    }
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(reportJson(*report)));
    } else {
        m_console.out() << QCoreApplication::translate("ow::cli",
            "Sent %1 events (%2 rejected), uploaded %3 scans (%4 bytes); received %5 events, "
            "imported %6 cases.")
                               .arg(report->eventsSent)
                               .arg(report->eventsRejected)
                               .arg(report->attachmentsUploaded)
                               .arg(report->bytesUploaded)
                               .arg(report->eventsReceived)
                               .arg(report->casesImported)
                        << '\n';
    }
    return 0;
}

} // namespace ow::cli
