#include "deptsim/PushReceiver.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>

namespace ow::deptsim {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 413:
        return "Content Too Large";
    case 503:
        return "Service Unavailable";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

// What a connection has read so far, kept on the socket until its request is whole.
constexpr char kBuffer[] = "ow-buffer";

} // namespace

PushReceiver::PushReceiver(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &PushReceiver::accept);
}

Result<quint16> PushReceiver::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::deptsim", "Cannot listen on %1:%2: %3")
                .arg(address.toString())
                .arg(port)
                .arg(m_server->errorString()));
    return m_server->serverPort();
}

void PushReceiver::close()
{
    m_server->close();
}

void PushReceiver::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void PushReceiver::read(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(kBuffer).toByteArray() + socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (buffer.size() > kMaxHead)
            answer(socket, {400, R"({"error":"header too long"})"});
        else
            socket->setProperty(kBuffer, buffer);
        return;
    }
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    PushRequest request;
    if (requestLine.size() != 3) {
        answer(socket, {400, R"({"error":"bad request line"})"});
        return;
    }
    request.method = requestLine.at(0);
    request.path = requestLine.at(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(
                lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    bool ok = false;
    const qsizetype length = request.header("content-length").toLongLong(&ok);
    if (!ok || length < 0) {
        answer(socket, {400, R"({"error":"Content-Length needed"})"});
        return;
    }
    if (length > kMaxBody) {
        answer(socket, {413, R"({"error":"body too large"})"});
        return;
    }
    if (buffer.size() - headEnd - 4 < length) {
        socket->setProperty(kBuffer, buffer);
        return;
    }
    request.body = buffer.mid(headEnd + 4, length);
    socket->setProperty(kBuffer, QByteArray());
    answer(socket, m_handler(request));
}

void PushReceiver::answer(QTcpSocket *socket, const PushAnswer &answer)
{
    socket->write("HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reason(answer.status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(answer.body.size())
        + "\r\nConnection: close\r\n\r\n" + answer.body);
    socket->disconnectFromHost();
}

} // namespace ow::deptsim
