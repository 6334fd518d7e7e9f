#pragma once

#include "core/Result.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace ow::deptsim {

/// One HTTP request as the receiver read it.
struct PushRequest
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

/// The answer to one request.
struct PushAnswer
{
    int status = 200;
    QByteArray body;
};

/// The department system's HTTP door: a plain HTTP/1.1 listener that reads one request per
/// connection (headers up to 16 KiB, a body with its Content-Length up to 8 MiB; anything else is
/// answered 400 or 413), hands it to the handler and closes. Enough for the server's pushes and
/// for tests; a real department system sits behind its own web server.
class PushReceiver : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<PushAnswer(const PushRequest &)>;

    static constexpr qsizetype kMaxHead = 16 * 1024;
    static constexpr qsizetype kMaxBody = 8 * 1024 * 1024;

    explicit PushReceiver(Handler handler, QObject *parent = nullptr);

    /// Listens on `address`:`port` (0: a free port); gives the port.
    Result<quint16> listen(const QHostAddress &address, quint16 port);
    void close();

private:
    void accept();
    void read(QTcpSocket *socket);
    static void answer(QTcpSocket *socket, const PushAnswer &answer);

    Handler m_handler;
    QTcpServer *m_server = nullptr;
};

} // namespace ow::deptsim
