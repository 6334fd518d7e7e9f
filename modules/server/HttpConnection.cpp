#include "server/HttpConnection.h"

#include "cases/CaseJson.h"
#include "server/Api.h"
#include "server/HttpFrontend.h"
#include "server/RequestLog.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QUrl>

namespace ow::server {

namespace code = ow::sync::protocol::error;

namespace {

// Qt's socket reads no further ahead than this; the rest waits in the kernel (TCP flow control).
constexpr qint64 kSocketBuffer = 256 * 1024;
constexpr qint64 kSlice = 64 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 303:
        return "See Other";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

} // namespace

HttpConnection::HttpConnection(
    QTcpSocket *socket, Api &api, RequestLog &log, const HttpLimits &limits, Clock clock, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_api(api)
    , m_log(log)
    , m_limits(limits)
    , m_clock(clock)
    , m_peer(socket->peerAddress().toString())
    , m_idleTimer(clock)
    , m_headTimer(clock)
{
    socket->setParent(this);
    socket->setReadBufferSize(kSocketBuffer);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] { m_idleTimer.start(m_limits.idleTimeoutMs); });
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::finished);
    connect(&m_idleTimer, &ClockTimer::timeout, this, &HttpConnection::onIdle);
    connect(&m_headTimer, &ClockTimer::timeout, this, &HttpConnection::onHeadTimeout);
    m_idleTimer.start(m_limits.idleTimeoutMs);
    // Bytes may have arrived with the connection (TLS: during the handshake).
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

bool HttpConnection::isIdle() const
{
    return m_state == State::Head && m_buffer.isEmpty() && !m_headTimer.isActive() && !isWriting();
}

bool HttpConnection::isWriting() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesToWrite() > 0;
}

void HttpConnection::close()
{
    m_state = State::Closing;
    if (m_socket)
        m_socket->disconnectFromHost();
}

void HttpConnection::onReadyRead()
{
    m_idleTimer.start(m_limits.idleTimeoutMs);
    process();
}

void HttpConnection::onIdle()
{
    // Nothing arrived and nothing was taken for the whole timeout: an idle keep-alive connection,
    // a client that stopped half-way, or one that does not read its answer.
    if (m_socket)
        m_socket->abort();
}

void HttpConnection::onHeadTimeout()
{
    refuse(408, QByteArray(code::kInvalid.data(), code::kInvalid.size()),
        QCoreApplication::translate("ow::server", "The request headers did not arrive in time."));
}

qint64 HttpConnection::takeFromSocket(qint64 most)
{
    if (!m_socket || most <= 0)
        return 0;
    const QByteArray data = m_socket->read(most);
    m_buffer += data;
    return data.size();
}

void HttpConnection::process()
{
    while (m_socket && m_state != State::Closing) {
        bool progressed = false;
        switch (m_state) {
        case State::Head:
            progressed = readHead();
            break;
        case State::Body:
            progressed = readBody();
            break;
        case State::Drain: {
            const qint64 fromBuffer = std::min<qint64>(m_drainLeft, m_buffer.size());
            m_buffer.remove(0, qsizetype(fromBuffer));
            m_drainLeft -= fromBuffer;
            while (m_drainLeft > 0 && m_socket->bytesAvailable() > 0)
                m_drainLeft -= m_socket->read(std::min(m_drainLeft, kSlice)).size();
            if (m_drainLeft <= 0)
                close();
            return;
        }
        case State::Closing:
            return;
        }
        if (!progressed)
            return;
    }
}

bool HttpConnection::readHead()
{
    const qsizetype most = m_limits.maxHeadBytes + 4;
    takeFromSocket(most - m_buffer.size());
    // Empty lines before a request line are allowed (RFC 9112, 2.2).
    while (m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, 2);
    if (m_buffer.isEmpty())
        return false;
    if (!m_headTimer.isActive()) {
        // A new request: nothing of the previous one may show in its answer or its log line.
        m_head = HttpHead();
        m_request = ApiRequest();
        m_sink.reset();
        m_credentialId.clear();
        m_headTimer.start(m_limits.headTimeoutMs);
        m_stopwatch.start();
    }
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0 || end > m_limits.maxHeadBytes) {
        if (end > m_limits.maxHeadBytes || m_buffer.size() >= most)
            refuse(431, QByteArray(code::kTooLarge.data(), code::kTooLarge.size()),
                QCoreApplication::translate("ow::server", "The request headers are larger than %1 bytes.")
                    .arg(m_limits.maxHeadBytes));
        return false;
    }
    m_headTimer.stop();
    std::variant<HttpHead, HttpRefusal> parsed = HttpParser::parseHead(QByteArrayView(m_buffer).first(end));
    m_buffer.remove(0, end + 4);
    if (const HttpRefusal *refusal = std::get_if<HttpRefusal>(&parsed)) {
        refuse(refusal->status, QByteArray(code::kInvalid.data(), code::kInvalid.size()),
            QString::fromLatin1(refusal->reason));
        return false;
    }
    m_head = std::get<HttpHead>(std::move(parsed));
    const QUrl url = QUrl::fromEncoded(m_head.target);
    m_request = ApiRequest();
    m_request.method = m_head.method;
    m_request.path = url.path();
    m_request.query = QUrlQuery(url);
    m_request.headers = m_head.headers;
    m_request.remote = m_socket->peerAddress();
    m_bodyLimit = Api::bodyLimit(m_request.method, m_request.path);
    const qint64 declared = m_head.chunked ? -1 : m_head.contentLength;
    std::optional<ApiReply> refused = m_api.preflight(m_request, declared);
    if (!refused) {
        std::variant<std::unique_ptr<BodySink>, ApiReply> body
            = m_api.openBody(m_request, declared, &m_credentialId);
        if (ApiReply *answer = std::get_if<ApiReply>(&body))
            refused = std::move(*answer);
        else
            m_sink = std::move(std::get<std::unique_ptr<BodySink>>(body));
    }
    if (refused) {
        // The client may be sending the body already: drop it (up to a bound) so that it reads the
        // answer instead of a reset connection, then close.
        m_drainLeft = m_head.chunked
            ? m_limits.maxDrainBytes
            : (m_head.contentLength <= m_limits.maxDrainBytes ? m_head.contentLength : 0);
        respond(*refused, true, m_credentialId);
        if (m_drainLeft > 0) {
            m_state = State::Drain;
            return true;
        }
        close();
        return false;
    }
    if (m_head.expectContinue && declared != 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_chunked.reset();
    if (m_head.chunked)
        m_chunked.emplace(m_bodyLimit);
    m_bodyRead = 0;
    m_state = State::Body;
    return true;
}

bool HttpConnection::takeBody(QByteArray &piece)
{
    if (!m_sink || piece.isEmpty())
        return true;
    const bool taken = m_sink->write(piece);
    piece.clear();
    if (taken)
        return true;
    // Nothing of the body is kept (the sink cuts its file back); the rest is dropped unread.
    const ApiReply refusal = m_sink->refusal();
    m_sink.reset();
    m_drainLeft = m_head.chunked ? m_limits.maxDrainBytes : m_head.contentLength - m_bodyRead;
    respond(refusal, true, m_credentialId);
    m_state = State::Drain;
    return false;
}

bool HttpConnection::readBody()
{
    // A streamed body passes through `piece` a slice at a time; otherwise it grows in m_request.body.
    QByteArray piece;
    QByteArray &target = m_sink ? piece : m_request.body;
    if (m_chunked) {
        while (true) {
            const ChunkedDecoder::Status status = m_chunked->feed(m_buffer, target);
            if (!takeBody(piece))
                return true;
            if (status == ChunkedDecoder::Status::Done)
                break;
            if (status == ChunkedDecoder::Status::TooLarge) {
                m_drainLeft = m_limits.maxDrainBytes;
                respond(ApiReply::error(413, code::kTooLarge,
                            QCoreApplication::translate("ow::server", "The body is larger than %1 bytes.")
                                .arg(m_bodyLimit)),
                    true);
                m_request.body.clear();
                m_sink.reset();
                m_state = State::Drain;
                return true;
            }
            if (status == ChunkedDecoder::Status::Malformed) {
                refuse(400, QByteArray(code::kInvalid.data(), code::kInvalid.size()),
                    QCoreApplication::translate("ow::server", "The chunked body is malformed."));
                return false;
            }
            if (takeFromSocket(kSlice) == 0)
                return false;
        }
    } else {
        const qint64 fromBuffer = std::min<qint64>(m_head.contentLength - m_bodyRead, m_buffer.size());
        target.append(m_buffer.constData(), qsizetype(fromBuffer));
        m_buffer.remove(0, qsizetype(fromBuffer));
        m_bodyRead += fromBuffer;
        if (!takeBody(piece))
            return true;
        // A streamed body is taken a slice at a time; one kept in memory in one read.
        while (m_bodyRead < m_head.contentLength && m_socket->bytesAvailable() > 0) {
            const qint64 missing = m_head.contentLength - m_bodyRead;
            const QByteArray data = m_socket->read(m_sink ? std::min(missing, kSlice) : missing);
            target.append(data);
            m_bodyRead += data.size();
            if (!takeBody(piece))
                return true;
            if (data.isEmpty())
                break;
        }
        if (m_bodyRead < m_head.contentLength)
            return false;
    }
    dispatch();
    return true;
}

void HttpConnection::dispatch()
{
    QString credentialId = m_credentialId;
    const ApiReply reply
        = m_sink ? m_api.finishBody(m_request, *m_sink) : m_api.handle(m_request, &credentialId);
    m_sink.reset();
    m_request.body.clear();
    m_chunked.reset();
    m_state = State::Head;
    respond(reply, !m_head.keepAlive, credentialId);
    if (!m_head.keepAlive)
        close();
}

void HttpConnection::refuse(int status, const QByteArray &code, const QString &message)
{
    respond(ApiReply::error(status, QLatin1StringView(code), message), true);
    close();
}

void HttpConnection::respond(const ApiReply &reply, bool closeAfter, const QString &credentialId)
{
    if (!m_socket)
        return;
    QByteArray out
        = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasonPhrase(reply.status) + "\r\n";
    out += "Content-Type: " + reply.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n";
    // Answers carry cases, tokens and scans: never kept by a cache, never sniffed into another type.
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n";
    out += closeAfter ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    for (const auto &[name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n";
    if (m_head.method != "HEAD")
        out += reply.body;
    m_socket->write(out);
    logLine(reply.status, credentialId);
}

void HttpConnection::logLine(int status, const QString &credentialId)
{
    QJsonObject line {{QStringLiteral("time"), cases::CaseJson::timeText(m_clock.nowUtc())},
        {QStringLiteral("method"), QString::fromLatin1(m_head.method.left(16))},
        {QStringLiteral("path"), loggablePath(m_request.path)}, {QStringLiteral("status"), status},
        {QStringLiteral("ms"),
            m_stopwatch.isValid() ? double(m_stopwatch.nsecsElapsed() / 10000) / 100.0 : 0.0}};
    if (!credentialId.isEmpty())
        line.insert(QStringLiteral("credential"), credentialId);
    m_log.write(line);
    m_stopwatch.invalidate();
}

} // namespace ow::server
