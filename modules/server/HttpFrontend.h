#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "server/HttpConnection.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <optional>

class QTcpServer;

namespace ow::server {

class Api;
class RequestLog;

/// The HTTP side of onewindow-server: accepts connections (plain or TLS), caps them per client
/// address and in all, and hands each to an HttpConnection that reads requests for the Api and
/// logs one JSON line per request (time, method, path, status, ms, credential id; never a secret,
/// a token or personal data).
class HttpFrontend : public QObject
{
    Q_OBJECT

public:
    HttpFrontend(Api &api, RequestLog &log, HttpLimits limits, Clock clock, QObject *parent = nullptr);
    ~HttpFrontend() override;

    /// Listens on `address`:`port` (0: a free port), with TLS when `tls` is given; the port.
    Result<quint16> listen(
        const QHostAddress &address, quint16 port, const std::optional<QSslConfiguration> &tls);
    void stopListening();
    /// Connections with a request half-read or an answer still being written.
    int busyConnections() const;
    void closeIdleConnections();
    int connectionCount() const { return int(m_connections.size()); }

private:
    void accept(QTcpServer *server);
    void refuseConnection(QTcpSocket *socket);

    Api &m_api;
    RequestLog &m_log;
    HttpLimits m_limits;
    Clock m_clock;
    QList<QTcpServer *> m_servers;
    QList<HttpConnection *> m_connections;
    QHash<QString, int> m_perAddress;
};

/// The path as the log may show it: public page tokens are bearer secrets and are cut off.
QString loggablePath(const QString &path);

} // namespace ow::server
