#include "server/HttpFrontend.h"

#include "cases/CaseJson.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ow::server {

namespace protocol = ow::sync::protocol;

namespace {

// How much of a request head is looked at before its body; larger heads are left to the parser.
constexpr qint64 kHeadPeek = 16 * 1024;
const char *const kDiscardProperty = "ow_discard_bytes";

} // namespace

QString loggablePath(const QString &path)
{
    if (path.startsWith(QString(protocol::kPublicStatus)))
        return QString(protocol::kPublicStatus) + QStringLiteral("…");
    return path.left(200);
}

BodyLimitGuard::BodyLimitGuard(QTextStream &log, Clock clock, QObject *parent)
    : QObject(parent)
    , m_log(log)
    , m_clock(std::move(clock))
{
}

void BodyLimitGuard::attach(QTcpSocket *socket)
{
    m_sockets.removeAll(nullptr);
    m_sockets.append(socket);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
}

int BodyLimitGuard::busyConnections() const
{
    int busy = 0;
    for (const QPointer<QTcpSocket> &socket : m_sockets)
        if (socket && socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() > 0)
            ++busy;
    return busy;
}

void BodyLimitGuard::closeIdleConnections()
{
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_sockets))
        if (socket && socket->bytesToWrite() == 0)
            socket->disconnectFromHost();
}

void BodyLimitGuard::inspect(QTcpSocket *socket)
{
    qint64 discard = socket->property(kDiscardProperty).toLongLong();
    if (discard > 0) {
        discard -= socket->read(std::min(discard, socket->bytesAvailable())).size();
        socket->setProperty(kDiscardProperty, discard);
        if (discard == 0)
            socket->disconnectFromHost();
        return;
    }
    const QByteArray head = socket->peek(kHeadPeek);
    static const QRegularExpression requestLine(QStringLiteral("^([A-Z]+) (\\S+) HTTP/1\\.[01]\\r\\n"));
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const QRegularExpressionMatch line
        = requestLine.match(QString::fromLatin1(head.left(std::min<qsizetype>(end + 2, 2048))));
    if (!line.hasMatch())
        return;
    static const QRegularExpression lengthHeader(
        QStringLiteral("\\r\\ncontent-length:\\s*(\\d+)"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch length = lengthHeader.match(QString::fromLatin1(head.left(end + 2)));
    if (!length.hasMatch())
        return;
    const qint64 declared = length.captured(1).left(18).toLongLong();
    const QString path = QUrl(line.captured(2)).path();
    const qint64 limit = Api::bodyLimit(line.captured(1).toLatin1(), path);
    if (declared <= limit)
        return;
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), QString(protocol::error::kTooLarge)},
                {QStringLiteral("message"),
                    QCoreApplication::translate("ow::server", "The body is larger than %1 bytes.")
                        .arg(limit)}}}})
                                .toJson(QJsonDocument::Compact);
    socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: "
                  "close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    socket->read(end + 4);
    socket->setProperty(kDiscardProperty, declared);
    inspect(socket);
    m_log << QJsonDocument(
        QJsonObject {{QStringLiteral("time"), cases::CaseJson::timeText(m_clock.nowUtc())},
            {QStringLiteral("method"), line.captured(1)}, {QStringLiteral("path"), loggablePath(path)},
            {QStringLiteral("status"), 413}, {QStringLiteral("ms"), 0}})
                 .toJson(QJsonDocument::Compact)
          << Qt::endl;
}

HttpFrontend::HttpFrontend(Api &api, QTextStream &log, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_api(api)
    , m_log(log)
    , m_guard(log, api.clock())
{
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // A stopwatch for the log's "ms" (to the hundredth), not a time anything depends on.
    QElapsedTimer timer;
    timer.start();
    ApiRequest apiRequest;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        apiRequest.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        apiRequest.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        apiRequest.method = "PUT";
        break;
    case QHttpServerRequest::Method::Head:
        apiRequest.method = "HEAD";
        break;
    case QHttpServerRequest::Method::Delete:
        apiRequest.method = "DELETE";
        break;
    default:
        apiRequest.method = "OTHER";
        break;
    }
    apiRequest.path = request.url().path();
    apiRequest.query = request.query();
    apiRequest.headers = request.headers();
    apiRequest.body = request.body();
    apiRequest.remote = request.remoteAddress();
    QString credentialId;
    const ApiReply reply = m_api.handle(apiRequest, &credentialId);

    QHttpServerResponse response(
        reply.contentType, reply.body, QHttpServerResponder::StatusCode(reply.status));
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    response.write(makeResponder(request, socket));

    QJsonObject line {{QStringLiteral("time"), cases::CaseJson::timeText(m_api.clock().nowUtc())},
        {QStringLiteral("method"), QString::fromLatin1(apiRequest.method)},
        {QStringLiteral("path"), loggablePath(apiRequest.path)}, {QStringLiteral("status"), reply.status},
        {QStringLiteral("ms"), double(timer.nsecsElapsed() / 10000) / 100.0}};
    if (!credentialId.isEmpty())
        line.insert(QStringLiteral("credential"), credentialId);
    m_log << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest answers every request, so there is never a missing handler.
}

} // namespace ow::server
