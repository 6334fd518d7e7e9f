#include "kiosk/TicketIssuer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QNetworkReply>

namespace ow::kiosk {

using namespace Qt::StringLiterals;

TicketIssuer::TicketIssuer(QUrl server, QString key, QObject *parent)
    : QObject(parent)
    , m_server(std::move(server))
    , m_key(std::move(key))
{
}

void TicketIssuer::issue(const TicketRequest &request)
{
    if (isBusy())
        return;
    QUrl url = m_server;
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + u"/api/v1/queue/tickets"_s);
    QNetworkRequest http(url);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    http.setRawHeader("Authorization", "Bearer " + m_key.toUtf8());
    http.setTransferTimeout(m_timeoutMs);
    m_reply = m_network.post(http, QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact));
    connect(m_reply, &QNetworkReply::finished, this, &TicketIssuer::onFinished);
}

void TicketIssuer::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    if (status == 201) {
        const IssuedTicket ticket = IssuedTicket::fromJson(answer);
        if (ticket.id != 0 && !ticket.number.isEmpty()) {
            Q_EMIT issued(ticket);
            return;
        }
    }
    if (status == 0 || status >= 500) {
        // Nothing was issued that the visitor could hold: the same request may be tried again.
        Q_EMIT failed(Failure::Unreachable,
            QCoreApplication::translate("ow::kiosk", "The queue server cannot be reached (%1).")
                .arg(status == 0 ? reply->errorString() : u"HTTP %1"_s.arg(status)));
        return;
    }
    const QString message = answer.value(u"error"_s).toObject().value(u"message"_s).toString();
    Q_EMIT failed(Failure::Refused,
        message.isEmpty()
            ? QCoreApplication::translate("ow::kiosk", "The queue server refused the ticket (HTTP %1).")
                  .arg(status)
            : message);
}

} // namespace ow::kiosk
