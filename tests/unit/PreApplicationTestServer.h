#pragma once

// A stand-in for the pre-application API of onewindow-server, for the client's unit tests: canned
// answers by method and path, the requests it got, and answers cut off mid-body (a server that
// dies while a scan is on its way). The real server is used by the workstation's end-to-end test.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace ow::sync::testing {

struct CannedAnswer
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    /// When not negative: the headers announce the whole body, this many bytes of it are sent, and
    /// the connection is closed.
    qsizetype cutAfter = -1;
};

struct SeenRequest
{
    QByteArray method;
    QByteArray path; ///< with the query
    QByteArray authorization;
    QByteArray body;
};

class PreApplicationTestServer : public QObject
{
public:
    PreApplicationTestServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    void answer(const QByteArray &method, const QByteArray &path, const CannedAnswer &canned)
    {
        m_answers.insert(method + ' ' + path, canned);
    }
    const QList<SeenRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        SeenRequest request;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        qsizetype length = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "authorization")
                request.authorization = value;
        }
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        m_buffers.remove(socket);
        m_requests.append(request);
        QByteArray key = request.method + ' ' + request.path;
        CannedAnswer canned = m_answers.value(key,
            CannedAnswer {
                404, "application/json", R"({"error":{"code":"not-found","message":"no such path"}})", -1});
        QByteArray head = "HTTP/1.1 " + QByteArray::number(canned.status) + " X\r\nContent-Type: "
            + canned.contentType + "\r\nContent-Length: " + QByteArray::number(canned.body.size())
            + "\r\nConnection: close\r\n\r\n";
        socket->write(head);
        socket->write(canned.cutAfter >= 0 ? canned.body.left(canned.cutAfter) : canned.body);
        socket->flush();
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QByteArray, CannedAnswer> m_answers;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<SeenRequest> m_requests;
};

} // namespace ow::sync::testing
