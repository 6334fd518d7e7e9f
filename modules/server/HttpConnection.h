#pragma once

#include "core/ClockTimer.h"
#include "server/ApiMessage.h"
#include "server/HttpParser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <functional>
#include <memory>
#include <optional>

namespace ow::server {

class Api;
class RequestLog;

/// Limits of the HTTP front end; ServerOptions sets them from the command line.
struct HttpLimits
{
    qsizetype maxHeadBytes = 16 * 1024; ///< request line and headers; more is 431
    qint64 idleTimeoutMs = 30000; ///< no byte in or out for this long: the connection is closed
    qint64 headTimeoutMs = 30000; ///< from a request's first byte to the end of its headers
    int maxConnectionsPerAddress = 32;
    int maxConnections = 1024;
    qint64 maxDrainBytes = 16 * 1024 * 1024; ///< body read and dropped after an early refusal
};

/// One client connection: reads each request's head itself, asks the Api whether the body may be
/// read (limit, credential, database) before taking any of it, reads the body (Content-Length or
/// chunked) never beyond its endpoint's limit — into memory, or piece by piece into the sink the
/// Api gives for it (a scan's chunk goes to its file) —, answers, and closes idle or stalled
/// connections on the Clock. Requests on one connection are answered in order.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, Api &api, RequestLog &log, const HttpLimits &limits, Clock clock,
        QObject *parent = nullptr);
    ~HttpConnection() override;

    /// Between requests with nothing half-read or unwritten: safe to close at shutdown.
    bool isIdle() const;
    /// An answer is still being written.
    bool isWriting() const;
    void close();
    const QString &peer() const { return m_peer; }

Q_SIGNALS:
    void finished();

private:
    enum class State
    {
        Head,
        Body,
        Drain,
        Closing
    };

    void onReadyRead();
    void process();
    bool readHead();
    bool readBody();
    /// Hands `piece` (emptied) to the sink, or keeps it as the body; false after answering a refusal.
    bool takeBody(QByteArray &piece);
    void dispatch();
    void refuse(int status, const QByteArray &code, const QString &message);
    void respond(const ApiReply &reply, bool close, const QString &credentialId = QString());
    void logLine(int status, const QString &credentialId);
    void startNextRequest();
    void onIdle();
    void onHeadTimeout();
    qint64 takeFromSocket(qint64 most);

    QPointer<QTcpSocket> m_socket;
    Api &m_api;
    RequestLog &m_log;
    HttpLimits m_limits;
    Clock m_clock;
    QString m_peer;
    ClockTimer m_idleTimer;
    ClockTimer m_headTimer;
    State m_state = State::Head;
    QByteArray m_buffer; ///< read from the socket, not yet consumed
    HttpHead m_head;
    ApiRequest m_request;
    std::unique_ptr<BodySink> m_sink; ///< where this request's body goes when it is not kept in memory
    QString m_credentialId; ///< of a streamed request, known before its body
    qint64 m_bodyRead = 0; ///< of a Content-Length body
    qint64 m_bodyLimit = 0;
    std::optional<ChunkedDecoder> m_chunked;
    qint64 m_drainLeft = 0;
    bool m_closeAfter = false;
    QElapsedTimer m_stopwatch; ///< the log's "ms" only; nothing depends on it
};

} // namespace ow::server
