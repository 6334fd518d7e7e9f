#include "server/ServerApp.h"

#include "cases/CaseJson.h"
#include "server/ServerSchema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>
#include <cstdio>

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

// Hands each accepted connection to the body-limit guard before the HTTP server sees it.
class GuardedTcpServer : public QTcpServer
{
public:
    GuardedTcpServer(BodyLimitGuard &guard, QObject *parent)
        : QTcpServer(parent)
        , m_guard(guard)
    {
    }

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = QTcpServer::nextPendingConnection();
        if (socket)
            m_guard.attach(socket);
        return socket;
    }

private:
    BodyLimitGuard &m_guard;
};

} // namespace

QString ServerOptions::usage()
{
    return QCoreApplication::translate("ow::server",
        "Usage: onewindow-server [--listen ADDR:PORT] [--data-dir DIR] [--database "
        "sqlite:PATH|postgresql://...]\n"
        "                        [--tls-cert FILE --tls-key FILE] [--trust-proxy] [--lang zh_CN|en]\n");
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
    parser.addOptions({helpOption, listen, dataDir, database, cert, key, trustProxy, lang});
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
    return options;
}

ServerApp::ServerApp(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(stdout)
{
}

ServerApp::~ServerApp() = default;

Result<void> ServerApp::start()
{
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
    m_api = std::make_unique<Api>(
        *m_db, Api::Options {m_options.dataDirectory, m_options.trustProxy, 30}, clock);
    m_http = std::make_unique<HttpFrontend>(*m_api, m_log);
    quint16 port = 0;
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
        // The HTTP server's own TLS listener: the body limit is then checked after reading.
        m_http->sslSetup(chain.first(), privateKey);
        port = m_http->listen(m_options.address, m_options.port);
    } else {
        auto *server = new GuardedTcpServer(m_http->guard(), m_http.get());
        if (server->listen(m_options.address, m_options.port)) {
            m_http->bind(server);
            port = server->serverPort();
        }
    }
    if (port == 0)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "Cannot listen on %1:%2.")
                .arg(m_options.address.toString())
                .arg(m_options.port));
    watchSignals();
    m_log << QJsonDocument(
        QJsonObject {{QStringLiteral("event"), QStringLiteral("listening")},
            {QStringLiteral("address"), m_options.address.toString()}, {QStringLiteral("port"), port},
            {QStringLiteral("tls"), !m_options.tlsCertificate.isEmpty()},
            {QStringLiteral("database"), m_db->description()}})
                 .toJson(QJsonDocument::Compact)
          << Qt::endl;
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
#endif
}

void ServerApp::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    // Requests are answered on this thread, so none is half-handled here: stop accepting, let the
    // answers already queued reach their clients, then close the database.
    for (QTcpServer *server : m_http->servers())
        server->close();
    m_http->guard().closeIdleConnections();
    finishShutdown(0);
}

void ServerApp::finishShutdown(int waitedMs)
{
    constexpr int kStepMs = 20;
    constexpr int kMaxWaitMs = 5000;
    if (m_http->guard().busyConnections() > 0 && waitedMs < kMaxWaitMs) {
        QTimer::singleShot(kStepMs, this, [this, waitedMs] { finishShutdown(waitedMs + kStepMs); });
        return;
    }
    m_http.reset();
    m_api.reset();
    m_db->close();
    m_log << QJsonDocument(QJsonObject {{QStringLiteral("event"), QStringLiteral("stopped")}})
                 .toJson(QJsonDocument::Compact)
          << Qt::endl;
    QCoreApplication::quit();
}

} // namespace ow::server
