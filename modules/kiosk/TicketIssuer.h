#pragma once

#include "kiosk/KioskTicket.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkReply;

namespace ow::kiosk {

/// Issues tickets over the queue API (POST /api/v1/queue/tickets) with the kiosk's credential, one
/// at a time, without blocking the screen: the answer comes as issued() or failed().
class TicketIssuer : public QObject
{
    Q_OBJECT

public:
    enum class Failure
    {
        Unreachable, ///< no answer from the server (down, no network, timed out)
        Refused, ///< the server answered with a refusal; its message says why
    };
    Q_ENUM(Failure)

    TicketIssuer(QUrl server, QString key, QObject *parent = nullptr);

    const QUrl &server() const { return m_server; }
    /// Milliseconds without an answer before the server counts as unreachable (default 10 s).
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    bool isBusy() const { return !m_reply.isNull(); }

    /// Sends the request; ignored while one is under way.
    void issue(const TicketRequest &request);

Q_SIGNALS:
    void issued(const ow::kiosk::IssuedTicket &ticket);
    void failed(ow::kiosk::TicketIssuer::Failure failure, const QString &message);

private:
    void onFinished();

    QUrl m_server;
    QString m_key;
    int m_timeoutMs = 10000;
    QNetworkAccessManager m_network;
    QPointer<QNetworkReply> m_reply;
};

} // namespace ow::kiosk
