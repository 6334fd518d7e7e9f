#pragma once

#include "server/Api.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>
#include <QTcpSocket>
#include <QTextStream>

namespace ow::server {

/// Refuses a request whose Content-Length is over the limit of its path before its body is read:
/// answers 413 at once, then reads and drops the body so the client sees the answer, and closes.
/// It also keeps the open connections, so shutdown can wait for their answers to be written.
class BodyLimitGuard : public QObject
{
    Q_OBJECT

public:
    explicit BodyLimitGuard(QTextStream &log, Clock clock = {}, QObject *parent = nullptr);

    /// Must run before the HTTP server connects to the socket, so this sees each request first.
    void attach(QTcpSocket *socket);
    /// Connections with an answer still being written.
    int busyConnections() const;
    void closeIdleConnections();

private:
    void inspect(QTcpSocket *socket);

    QTextStream &m_log;
    Clock m_clock;
    QList<QPointer<QTcpSocket>> m_sockets;
};

/// The HTTP side of onewindow-server: turns each request into an ApiRequest for the Api, writes
/// the reply and logs one JSON line per request (time, method, path, status, ms, credential id;
/// never a secret, a token or personal data).
class HttpFrontend : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HttpFrontend(Api &api, QTextStream &log, QObject *parent = nullptr);

    BodyLimitGuard &guard() { return m_guard; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Api &m_api;
    QTextStream &m_log;
    BodyLimitGuard m_guard;
};

/// The path as the log may show it: public page tokens are bearer secrets and are cut off.
QString loggablePath(const QString &path);

} // namespace ow::server
