#include "server/HttpFrontend.h"

#include "cases/CaseJson.h"
#include "server/ApiMessage.h"
#include "server/RequestLog.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QSslServer>
#include <QTcpServer>

namespace ow::server {

namespace protocol = ow::sync::protocol;

namespace {

constexpr int kTlsHandshakeTimeoutMs = 10000;

} // namespace

QString loggablePath(const QString &path)
{
    if (path.startsWith(QString(protocol::kPublicStatus)))
        return QString(protocol::kPublicStatus) + QStringLiteral("…");
    return path.left(200);
}

HttpFrontend::HttpFrontend(Api &api, RequestLog &log, HttpLimits limits, Clock clock, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_log(log)
    , m_limits(limits)
    , m_clock(std::move(clock))
{
}

HttpFrontend::~HttpFrontend()
{
    // The connections refer to the Api and the log: they go first.
    for (HttpConnection *connection : std::as_const(m_connections)) {
        connection->disconnect(this);
        delete connection;
    }
}

Result<quint16> HttpFrontend::listen(
    const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls)
{
    QTcpServer *server = nullptr;
    if (tls) {
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(*tls);
        sslServer->setHandshakeTimeout(kTlsHandshakeTimeoutMs);
        server = sslServer;
    } else {
        server = new QTcpServer(this);
    }
    if (!server->listen(address, port)) {
        const QString reason = server->errorString();
        delete server;
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "Cannot listen on %1:%2 (%3).")
                .arg(address.toString())
                .arg(port)
                .arg(reason));
    }
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server] { accept(server); });
    m_servers.append(server);
    return server->serverPort();
}

void HttpFrontend::stopListening()
{
    for (QTcpServer *server : std::as_const(m_servers))
        server->close();
}

int HttpFrontend::busyConnections() const
{
    int busy = 0;
    for (const HttpConnection *connection : m_connections)
        if (!connection->isIdle())
            ++busy;
    return busy;
}

void HttpFrontend::closeIdleConnections()
{
    for (HttpConnection *connection : std::as_const(m_connections))
        if (connection->isIdle())
            connection->close();
}

void HttpFrontend::accept(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        const QString peer = socket->peerAddress().toString();
        // One client holding many idle connections must not starve the others.
        if (m_connections.size() >= m_limits.maxConnections
            || m_perAddress.value(peer) >= m_limits.maxConnectionsPerAddress) {
            refuseConnection(socket);
            continue;
        }
        auto *connection = new HttpConnection(socket, m_api, m_log, m_limits, m_clock, this);
        m_connections.append(connection);
        ++m_perAddress[peer];
        connect(connection, &HttpConnection::finished, this, [this, connection, peer] {
            if (!m_connections.removeOne(connection))
                return;
            if (--m_perAddress[peer] <= 0)
                m_perAddress.remove(peer);
            connection->deleteLater();
        });
    }
}

void HttpFrontend::refuseConnection(QTcpSocket *socket)
{
    socket->setParent(this);
    const ApiReply reply = ApiReply::error(503, protocol::error::kRateLimited,
        QCoreApplication::translate("ow::server", "Too many connections from this address."));
    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(reply.body.size())
        + "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nRetry-After: 5\r\nConnection: "
          "close\r\n\r\n"
        + reply.body);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    m_log.write(QJsonObject {{QStringLiteral("time"), cases::CaseJson::timeText(m_clock.nowUtc())},
        {QStringLiteral("event"), QStringLiteral("connection-refused")},
        {QStringLiteral("reason"), QStringLiteral("too many connections")}});
}

} // namespace ow::server
