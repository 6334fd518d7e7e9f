#include "server/ServerApp.h"

#include "cases/CaseJson.h"
#include "cases/CaseNumber.h"
#include "server/PointsSettingsFile.h"
#include "server/PushSettingsFile.h"
#include "server/QueueSettingsFile.h"
#include "server/ServerSchema.h"
#include "server/SmsHttpGateway.h"
#include "server/SmsSimulatorGateway.h"
#include "server/SupervisionSettingsFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace ow::server {

namespace {

#ifdef Q_OS_UNIX
// The signal handler may only write to a descriptor; the event loop reads the other end.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalPipe[0], &byte, 1);
}
#endif

// A positive whole number of an option, or the failure naming the option.
Result<int> positiveNumber(const QCommandLineParser &parser, const QCommandLineOption &option, int most)
{
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 1 || value > most)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "--%1 takes a number from 1 to %2, not “%3”.")
                .arg(option.names().constFirst())
                .arg(most)
                .arg(parser.value(option)));
    return value;
}

} // namespace

QString ServerOptions::usage()
{
    return QCoreApplication::translate("ow::server",
        "Usage: onewindow-server [--listen ADDR:PORT] [--data-dir DIR] [--database "
        "sqlite:PATH|postgresql://...]\n"
        "                        [--tls-cert FILE --tls-key FILE] [--trust-proxy] [--lang zh_CN|en]\n"
        "                        [--idle-timeout SECONDS] [--max-connections-per-address N] "
        "[--max-connections N]\n"
        "                        [--upload-expiry DAYS] [--queue-settings FILE] [--supervision-settings "
        "FILE]\n"
        "                        [--supervision-interval MINUTES]\n"
        "                        [--sms-gateway off|simulator|http] [--sms-log FILE] [--sms-url URL]\n"
        "                        [--sms-headers HEADERS] [--sms-body TEMPLATE] [--sms-id-key KEY] "
        "[--sms-retries N]\n"
        "                        [--pickup-hours TEXT] [--time-zone ZONE] [--push-settings FILE]\n"
        "                        [--preapplication-hall HALL] [--preapplication-scan-mb N] "
        "[--preapplication-quota-mb N]\n"
        "                        [--preapplication-draft-days N] [--preapplication-expiry-days N] "
        "[--preapplications-per-id N]\n");
}

Result<ServerOptions> ServerOptions::parse(const QStringList &arguments, bool *help)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "ow::server", "OneWindow central server: cases, scans, catalogues, status page."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
        QCoreApplication::translate("ow::server", "Show this help."));
    const QCommandLineOption listen(QStringLiteral("listen"),
        QCoreApplication::translate(
            "ow::server", "Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one)."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
        QCoreApplication::translate(
            "ow::server", "Folder for the SQLite database, scans and catalogue packages."),
        QStringLiteral("DIR"));
    const QCommandLineOption database(QStringLiteral("database"),
        QCoreApplication::translate("ow::server",
            "sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/NAME (default: SQLite in the data folder)."),
        QStringLiteral("DB"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"),
        QCoreApplication::translate("ow::server", "PEM certificate chain: serve HTTPS."),
        QStringLiteral("FILE"));
    const QCommandLineOption key(QStringLiteral("tls-key"),
        QCoreApplication::translate("ow::server", "PEM private key of the certificate."),
        QStringLiteral("FILE"));
    const QCommandLineOption trustProxy(QStringLiteral("trust-proxy"),
        QCoreApplication::translate(
            "ow::server", "Believe X-Forwarded-For (only behind your own reverse proxy)."));
    const QCommandLineOption lang(QStringLiteral("lang"),
        QCoreApplication::translate("ow::server", "Language of the status page: zh_CN (default) or en."),
        QStringLiteral("LANG"));
    const QCommandLineOption clockWindow(QStringLiteral("clock-window"),
        QCoreApplication::translate("ow::server",
            "Refuse events dated more than HOURS after the server's time (default 24, 1 to 8760)."),
        QStringLiteral("HOURS"), QStringLiteral("24"));
    const QCommandLineOption maxEventAge(QStringLiteral("max-event-age"),
        QCoreApplication::translate("ow::server",
            "Refuse events dated more than DAYS before the server's time (default 365; 0: no limit)."),
        QStringLiteral("DAYS"), QStringLiteral("365"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
        QCoreApplication::translate("ow::server",
            "Close a connection after this many seconds without a byte in or out (default 30)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption perAddress(QStringLiteral("max-connections-per-address"),
        QCoreApplication::translate(
            "ow::server", "Open connections one client address may hold (default 32)."),
        QStringLiteral("N"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"),
        QCoreApplication::translate("ow::server", "Open connections in all (default 1024)."),
        QStringLiteral("N"));
    const QCommandLineOption uploadExpiry(QStringLiteral("upload-expiry"),
        QCoreApplication::translate("ow::server",
            "Remove an unfinished scan upload after this many days without a new chunk (default 7)."),
        QStringLiteral("DAYS"));
    const QCommandLineOption queueSettings(QStringLiteral("queue-settings"),
        QCoreApplication::translate("ow::server",
            "The hall's queue rules and SMS texts, the [queue] group of an INI file (docs/queue.md)."),
        QStringLiteral("FILE"));
    const QCommandLineOption supervisionSettings(QStringLiteral("supervision-settings"),
        QCoreApplication::translate("ow::server",
            "The hall's supervision rules (warning days, follow-up deadlines, the working days a complaint "
            "has), the [supervision] group of an INI file, and the clerks' points and grades, its [points] "
            "group (docs/supervision.md)."),
        QStringLiteral("FILE"));
    const QCommandLineOption supervisionInterval(QStringLiteral("supervision-interval"),
        QCoreApplication::translate("ow::server",
            "Minutes between the server's own rounds of the supervision warnings, which keep their "
            "history without anyone looking (default 10, 1 to 1440; 0: only when asked)."),
        QStringLiteral("MINUTES"));
    const QCommandLineOption smsGateway(QStringLiteral("sms-gateway"),
        QCoreApplication::translate("ow::server",
            "Where the queue's SMS go: off (default), simulator (a log file) or http (the provider)."),
        QStringLiteral("KIND"));
    const QCommandLineOption smsLog(QStringLiteral("sms-log"),
        QCoreApplication::translate("ow::server",
            "The simulator's log, one JSON line per message (default sms.log in the data folder)."),
        QStringLiteral("FILE"));
    const QCommandLineOption smsUrl(QStringLiteral("sms-url"),
        QCoreApplication::translate("ow::server", "The provider's address the messages are POSTed to."),
        QStringLiteral("URL"));
    const QCommandLineOption smsHeaders(QStringLiteral("sms-headers"),
        QCoreApplication::translate(
            "ow::server", "Request headers for the provider, \"Name: value | Name: value\"."),
        QStringLiteral("HEADERS"));
    const QCommandLineOption smsBody(QStringLiteral("sms-body"),
        QCoreApplication::translate("ow::server",
            "Request body with {mobile} and {text} (JSON-escaped), or @FILE to read it from FILE."),
        QStringLiteral("TEMPLATE"));
    const QCommandLineOption smsIdKey(QStringLiteral("sms-id-key"),
        QCoreApplication::translate("ow::server",
            "Key of the message id in the provider's JSON answer, dots for nested objects (default id)."),
        QStringLiteral("KEY"));
    const QCommandLineOption pickupHours(QStringLiteral("pickup-hours"),
        QCoreApplication::translate("ow::server",
            "The pickup counter's opening hours as the public status page names them, e.g. "
            "\"周一至周五 9:00-12:00, 13:30-17:00\"."),
        QStringLiteral("TEXT"));
    const QCommandLineOption timeZone(QStringLiteral("time-zone"),
        QCoreApplication::translate("ow::server",
            "The hall's time zone (IANA name, default Asia/Shanghai): the day a catalogue version takes "
            "effect is the date there, whatever the server's own clock is set to."),
        QStringLiteral("ZONE"));
    const QCommandLineOption pushSettings(QStringLiteral("push-settings"),
        QCoreApplication::translate("ow::server",
            "How cases are pushed to department systems: back-off, attempts, link lifetime and the "
            "server's public address, the [push] group of an INI file (docs/deployment.md)."),
        QStringLiteral("FILE"));
    const QCommandLineOption smsRetries(QStringLiteral("sms-retries"),
        QCoreApplication::translate(
            "ow::server", "Sends after a failed one before a message counts as failed (0 to 10, default 3)."),
        QStringLiteral("N"));
    // Online pre-applications (docs/applicant-pages.md): off unless a hall takes them.
    const QCommandLineOption paHall(QStringLiteral("preapplication-hall"),
        QCoreApplication::translate("ow::server",
            "The hall online pre-applications (网上预申报) go to, e.g. 33030201; without it the "
            "self-service checklist offers none."),
        QStringLiteral("HALL"));
    const QCommandLineOption paScan(QStringLiteral("preapplication-scan-mb"),
        QCoreApplication::translate("ow::server", "Largest scan of a pre-application in MB (default 10)."),
        QStringLiteral("N"));
    const QCommandLineOption paQuota(QStringLiteral("preapplication-quota-mb"),
        QCoreApplication::translate("ow::server", "All scans of one pre-application in MB (default 50)."),
        QStringLiteral("N"));
    const QCommandLineOption paDraftDays(QStringLiteral("preapplication-draft-days"),
        QCoreApplication::translate(
            "ow::server", "Days an untouched draft pre-application is kept with its scans (default 7)."),
        QStringLiteral("N"));
    const QCommandLineOption paExpiryDays(QStringLiteral("preapplication-expiry-days"),
        QCoreApplication::translate("ow::server",
            "Days a submitted pre-application waits for a counter before it expires (default 30)."),
        QStringLiteral("N"));
    const QCommandLineOption paPerId(QStringLiteral("preapplications-per-id"),
        QCoreApplication::translate(
            "ow::server", "Open pre-applications one ID number or credit code may have (default 3)."),
        QStringLiteral("N"));
    parser.addOptions({helpOption, listen, dataDir, database, cert, key, trustProxy, lang, clockWindow,
        maxEventAge, idleTimeout, perAddress, maxConnections, uploadExpiry, queueSettings,
        supervisionSettings, supervisionInterval, smsGateway, smsLog, smsUrl, smsHeaders, smsBody, smsIdKey,
        smsRetries, pickupHours, timeZone, pushSettings, paHall, paScan, paQuota, paDraftDays, paExpiryDays,
        paPerId});
    if (!parser.parse(arguments))
        return fail(Error::Code::Invalid, parser.errorText() + QLatin1Char('\n') + usage());
    if (parser.isSet(helpOption)) {
        *help = true;
        return fail(Error::Code::Invalid, parser.helpText());
    }
    ServerOptions options;
    if (parser.isSet(listen)) {
        const QString text = parser.value(listen);
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
        QString host = text.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        options.address = host == QStringLiteral("*") ? QHostAddress(QHostAddress::Any) : QHostAddress(host);
        if (!ok || port > 65535 || options.address.isNull())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::server", "--listen takes ADDR:PORT, e.g. 0.0.0.0:8443, not “%1”.")
                    .arg(text));
        options.port = quint16(port);
    }
    options.dataDirectory = parser.isSet(dataDir)
        ? parser.value(dataDir)
        : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
            + QStringLiteral("/onewindow-server");
    options.dataDirectory = QDir(options.dataDirectory).absolutePath();
    options.database = parser.isSet(database)
        ? parser.value(database)
        : QStringLiteral("sqlite:") + options.dataDirectory + QStringLiteral("/server.db");
    options.tlsCertificate = parser.value(cert);
    options.tlsKey = parser.value(key);
    if (options.tlsCertificate.isEmpty() != options.tlsKey.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "--tls-cert and --tls-key go together."));
    options.trustProxy = parser.isSet(trustProxy);
    options.queueSettings = parser.value(queueSettings);
    options.supervisionSettings = parser.value(supervisionSettings);
    options.pushSettings = parser.value(pushSettings);
    if (parser.isSet(supervisionInterval)) {
        bool ok = false;
        options.supervisionIntervalMinutes = parser.value(supervisionInterval).toInt(&ok);
        if (!ok || options.supervisionIntervalMinutes < 0 || options.supervisionIntervalMinutes > 1440)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::server", "--supervision-interval takes 0 to 1440 minutes, not “%1”.")
                    .arg(parser.value(supervisionInterval)));
    }
    options.pickupHours = parser.value(pickupHours).left(200);
    if (parser.isSet(timeZone)) {
        options.timeZone = parser.value(timeZone).toUtf8();
        if (!QTimeZone(options.timeZone).isValid())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::server", "--time-zone takes a time zone name such as Asia/Shanghai, not “%1”.")
                    .arg(parser.value(timeZone)));
    }
    if (parser.isSet(idleTimeout)) {
        Result<int> seconds = positiveNumber(parser, idleTimeout, 24 * 60 * 60);
        if (!seconds)
            return failWith(seconds.error());
        options.limits.idleTimeoutMs = qint64(*seconds) * 1000;
        options.limits.headTimeoutMs = std::min(options.limits.headTimeoutMs, options.limits.idleTimeoutMs);
    }
    if (parser.isSet(perAddress)) {
        Result<int> count = positiveNumber(parser, perAddress, 100000);
        if (!count)
            return failWith(count.error());
        options.limits.maxConnectionsPerAddress = *count;
    }
    if (parser.isSet(maxConnections)) {
        Result<int> count = positiveNumber(parser, maxConnections, 100000);
        if (!count)
            return failWith(count.error());
        options.limits.maxConnections = *count;
    }
    if (parser.isSet(uploadExpiry)) {
        Result<int> days = positiveNumber(parser, uploadExpiry, 3650);
        if (!days)
            return failWith(days.error());
        options.uploadExpiryDays = *days;
    }
    if (parser.isSet(paHall)) {
        options.preApplications.hall = parser.value(paHall);
        if (Result<void> hall = cases::CaseNumber::checkHallCode(options.preApplications.hall); !hall)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::server", "--preapplication-hall: %1")
                    .arg(hall.error().message()));
    }
    for (const auto &[option, target, most] :
        {std::tuple(&paDraftDays, &options.preApplications.draftDays, 365),
            std::tuple(&paExpiryDays, &options.preApplications.submittedDays, 365),
            std::tuple(&paPerId, &options.preApplications.openPerId, 100)}) {
        if (!parser.isSet(*option))
            continue;
        Result<int> number = positiveNumber(parser, *option, most);
        if (!number)
            return failWith(number.error());
        *target = *number;
    }
    for (const auto &[option, target] : {std::pair(&paScan, &options.preApplications.maxScanBytes),
             std::pair(&paQuota, &options.preApplications.quotaBytes)}) {
        if (!parser.isSet(*option))
            continue;
        Result<int> megabytes = positiveNumber(parser, *option, 1024);
        if (!megabytes)
            return failWith(megabytes.error());
        *target = qint64(*megabytes) * PreApplicationRules::kMiB;
    }
    if (parser.isSet(smsGateway))
        options.smsGateway = parser.value(smsGateway);
    if (!QStringList {QStringLiteral("off"), QStringLiteral("simulator"), QStringLiteral("http")}.contains(
            options.smsGateway))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "--sms-gateway takes off, simulator or http, not “%1”.")
                .arg(options.smsGateway));
    options.smsLog
        = parser.isSet(smsLog) ? parser.value(smsLog) : options.dataDirectory + QStringLiteral("/sms.log");
    options.smsUrl = parser.value(smsUrl);
    options.smsHeaders = parser.value(smsHeaders);
    options.smsBody = parser.value(smsBody);
    if (parser.isSet(smsIdKey))
        options.smsIdKey = parser.value(smsIdKey);
    if (parser.isSet(smsRetries)) {
        bool ok = false;
        options.smsRetries = parser.value(smsRetries).toInt(&ok);
        if (!ok || options.smsRetries < 0 || options.smsRetries > 10)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::server", "--sms-retries takes a number from 0 to 10, not “%1”.")
                    .arg(parser.value(smsRetries)));
    }
    if (options.smsGateway == QLatin1String("http")) {
        const QUrl url(options.smsUrl, QUrl::StrictMode);
        if (!url.isValid()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::server",
                    "--sms-gateway http needs --sms-url with an http:// or https:// address, not “%1”.")
                    .arg(options.smsUrl));
    }
    bool windowOk = false;
    bool ageOk = false;
    options.clockWindowHours = parser.value(clockWindow).toLongLong(&windowOk);
    options.maxEventAgeDays = parser.value(maxEventAge).toLongLong(&ageOk);
    if (!windowOk || options.clockWindowHours < 1 || options.clockWindowHours > 8760 || !ageOk
        || options.maxEventAgeDays < 0 || options.maxEventAgeDays > 36500)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::server", "--clock-window takes 1 to 8760 hours and --max-event-age 0 to 36500 days."));
    return options;
}

ServerApp::ServerApp(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(1)
{
}

ServerApp::~ServerApp() = default;

Result<void> ServerApp::start()
{
    // A bad queue settings file stops the server before anything opens, with its file:line.
    queue::QueueRules queueRules;
    if (!m_options.queueSettings.isEmpty()) {
        Result<queue::QueueRules> loaded = QueueSettingsFile::load(m_options.queueSettings);
        if (!loaded)
            return failWith(loaded.error());
        queueRules = *loaded;
    }
    supervision::SupervisionRules supervisionRules;
    if (!m_options.supervisionSettings.isEmpty()) {
        Result<supervision::SupervisionRules> loaded
            = SupervisionSettingsFile::load(m_options.supervisionSettings);
        if (!loaded)
            return failWith(loaded.error());
        supervisionRules = *loaded;
    }
    DeliveryPolicy pushPolicy;
    if (!m_options.pushSettings.isEmpty()) {
        Result<DeliveryPolicy> loaded = PushSettingsFile::load(m_options.pushSettings);
        if (!loaded)
            return failWith(loaded.error());
        pushPolicy = *loaded;
    }
    supervision::PointsRules pointsRules;
    if (!m_options.supervisionSettings.isEmpty()) {
        Result<supervision::PointsRules> loaded = PointsSettingsFile::load(m_options.supervisionSettings);
        if (!loaded)
            return failWith(loaded.error());
        pointsRules = *loaded;
    }
    if (!QDir().mkpath(m_options.dataDirectory))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The folder %1 could not be created.")
                .arg(m_options.dataDirectory));
    Result<std::unique_ptr<storage::Database>> db = ServerSchema::open(m_options.database);
    if (!db)
        return failWith(db.error());
    m_db = std::move(*db);
    Result<void> migrated = ServerSchema::migrate(*m_db);
    if (!migrated)
        return migrated;
    m_db->finishStatements();

    const Clock clock;
    const EventValidator::Window window {
        m_options.clockWindowHours * 3600, m_options.maxEventAgeDays * 24 * 3600};
    Api::Options apiOptions;
    apiOptions.dataDirectory = m_options.dataDirectory;
    apiOptions.trustProxy = m_options.trustProxy;
    apiOptions.eventWindow = window;
    apiOptions.uploadExpiryDays = m_options.uploadExpiryDays;
    apiOptions.queueRules = queueRules;
    apiOptions.supervisionRules = supervisionRules;
    apiOptions.pointsRules = pointsRules;
    apiOptions.pickupHours = m_options.pickupHours;
    if (const QTimeZone zone(m_options.timeZone); zone.isValid())
        apiOptions.timeZone = zone;
    apiOptions.preApplications = m_options.preApplications;
    m_api = std::make_unique<Api>(*m_db, apiOptions, clock);
    m_http = std::make_unique<HttpFrontend>(*m_api, m_log, m_options.limits, clock);
    std::optional<QSslConfiguration> tls;
    if (!m_options.tlsCertificate.isEmpty()) {
        QFile certFile(m_options.tlsCertificate);
        QFile keyFile(m_options.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::server", "The TLS certificate or key could not be read."));
        const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&certFile, QSsl::Pem);
        QSslKey privateKey(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (privateKey.isNull()) {
            keyFile.seek(0);
            privateKey = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        }
        if (chain.isEmpty() || privateKey.isNull())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::server", "The TLS certificate or key is not valid PEM."));
        tls = QSslConfiguration::defaultConfiguration();
        tls->setLocalCertificateChain(chain);
        tls->setPrivateKey(privateKey);
        tls->setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    Result<quint16> port = m_http->listen(m_options.address, m_options.port, tls);
    if (!port)
        return failWith(port.error());
    watchSignals();
    m_log.write(QJsonObject {{QStringLiteral("event"), QStringLiteral("listening")},
        {QStringLiteral("address"), m_options.address.toString()}, {QStringLiteral("port"), *port},
        {QStringLiteral("tls"), !m_options.tlsCertificate.isEmpty()},
        {QStringLiteral("database"), m_db->description()}});
    // After the "listening" line, which tests and supervisors read first.
    m_sweeper = std::make_unique<UploadSweeper>(*m_api, m_log, clock);
    m_sweeper->start();
    startSupervisionWatch(clock, supervisionRules);
    startPush(clock, pushPolicy, *port);
    return startSms(clock);
}

void ServerApp::startPush(const Clock &clock, DeliveryPolicy policy, quint16 port)
{
    // Without a public address the links name the address the server listens on.
    if (policy.publicUrl.isEmpty()) {
        const bool any = m_options.address == QHostAddress::Any || m_options.address == QHostAddress::AnyIPv6;
        QUrl url;
        url.setScheme(m_options.tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"));
        url.setHost(any ? QStringLiteral("127.0.0.1") : m_options.address.toString());
        url.setPort(port);
        policy.publicUrl = url.toString();
    }
    m_pushSender = std::make_unique<DepartmentPushSender>(*m_db, policy, clock);
    connect(m_pushSender.get(), &DepartmentPushSender::problem, this, [this](const QString &message) {
        m_log.write(QJsonObject {
            {QStringLiteral("event"), QStringLiteral("push-problem")}, {QStringLiteral("message"), message}});
    });
    connect(m_pushSender.get(), &DepartmentPushSender::recorded, this,
        [this](const QString &id, const QString &department, const QString &state, const QString &error) {
            m_log.write(QJsonObject {{QStringLiteral("event"), QString(QStringLiteral("push-") + state)},
                {QStringLiteral("delivery"), id}, {QStringLiteral("department"), department},
                {QStringLiteral("error"), error}});
        });
    m_pushSender->start();
}

void ServerApp::startSupervisionWatch(const Clock &clock, const supervision::SupervisionRules &rules)
{
    if (m_options.supervisionIntervalMinutes == 0)
        return;
    m_supervisionWatch = std::make_unique<SupervisionWatchThread>(m_options.database, clock, rules);
    connect(m_supervisionWatch.get(), &SupervisionWatchThread::evaluated, this,
        [this](int halls, int warnings, qint64 computeMs, qint64 writeMs) {
            m_log.write(QJsonObject {{QStringLiteral("event"), QStringLiteral("supervision-round")},
                {QStringLiteral("halls"), halls}, {QStringLiteral("warnings"), warnings},
                {QStringLiteral("computeMs"), double(computeMs)},
                {QStringLiteral("writeMs"), double(writeMs)}});
        });
    connect(m_supervisionWatch.get(), &SupervisionWatchThread::problem, this, [this](const QString &message) {
        m_log.write(QJsonObject {{QStringLiteral("event"), QStringLiteral("supervision-round-failed")},
            {QStringLiteral("message"), message}});
    });
    m_supervisionWatch->start(qint64(m_options.supervisionIntervalMinutes) * 60 * 1000);
}

Result<void> ServerApp::startSms(const Clock &clock)
{
    if (m_options.smsGateway == QLatin1String("simulator")) {
        m_smsGateway = std::make_unique<SmsSimulatorGateway>(m_options.smsLog, clock);
    } else if (m_options.smsGateway == QLatin1String("http")) {
        SmsHttpGateway::Config config;
        config.url = QUrl(m_options.smsUrl);
        config.headers = SmsHttpGateway::parseHeaders(m_options.smsHeaders);
        config.idKey = m_options.smsIdKey;
        if (m_options.smsBody.startsWith(QLatin1Char('@'))) {
            QFile file(m_options.smsBody.mid(1));
            if (!file.open(QIODevice::ReadOnly))
                return fail(Error::Code::Io,
                    QCoreApplication::translate(
                        "ow::server", "The SMS body template %1 could not be read: %2")
                        .arg(file.fileName(), file.errorString()));
            config.body = QString::fromUtf8(file.readAll()).trimmed();
        } else if (!m_options.smsBody.isEmpty()) {
            config.body = m_options.smsBody;
        }
        m_smsGateway = std::make_unique<SmsHttpGateway>(config);
    } else {
        return {};
    }
    m_smsSender = std::make_unique<SmsSender>(*m_db, *m_smsGateway, clock, m_options.smsRetries);
    connect(m_smsSender.get(), &SmsSender::problem, this, [this](const QString &message) {
        m_log.write(QJsonObject {
            {QStringLiteral("event"), QStringLiteral("sms-problem")}, {QStringLiteral("message"), message}});
    });
    connect(m_smsSender.get(), &SmsSender::recorded, this,
        [this](qint64 ticket, const QString &kind, const QString &state) {
            if (state != QLatin1String("sent"))
                m_log.write(QJsonObject {{QStringLiteral("event"), QString(QStringLiteral("sms-") + state)},
                    {QStringLiteral("ticket"), double(ticket)}, {QStringLiteral("kind"), kind}});
        });
    m_smsSender->start();
    return {};
}

void ServerApp::watchSignals()
{
#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    m_signalNotifier = new QSocketNotifier(g_signalPipe[1], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(g_signalPipe[1], &byte, 1);
        shutdown();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
    // A log reader that went away must not kill the server: the log's write then just fails.
    ::signal(SIGPIPE, SIG_IGN);
#endif
}

void ServerApp::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    // Requests are answered on this thread, so none is half-handled here: stop accepting, let the
    // answers already queued reach their clients, then close the database.
    m_http->stopListening();
    m_http->closeIdleConnections();
    finishShutdown(0);
}

void ServerApp::finishShutdown(int waitedMs)
{
    constexpr int kStepMs = 20;
    constexpr int kMaxWaitMs = 5000;
    if (m_http->busyConnections() > 0 && waitedMs < kMaxWaitMs) {
        QTimer::singleShot(kStepMs, this, [this, waitedMs] { finishShutdown(waitedMs + kStepMs); });
        return;
    }
    m_http.reset();
    m_sweeper.reset();
    // A round under way is let finish: its recording is one transaction either way.
    m_supervisionWatch.reset();
    // A message still with the gateway stays `sending` and becomes `unknown` at the next start.
    m_smsSender.reset();
    // A push under way is abandoned; it stays pending and goes again at the next start.
    m_pushSender.reset();
    m_smsGateway.reset();
    m_api.reset();
    m_db->close();
    m_log.write(QJsonObject {{QStringLiteral("event"), QStringLiteral("stopped")},
        {QStringLiteral("logDropped"), double(m_log.dropped())}});
    // A stalled log reader gets two seconds, then the lines still queued are given up.
    m_log.flush(2000);
    QCoreApplication::quit();
}

} // namespace ow::server
