#include "kiosk/KioskTicket.h"

#include <QRegularExpression>

namespace ow::kiosk {

using namespace Qt::StringLiterals;

QJsonObject TicketRequest::toJson() const
{
    QJsonObject body {{u"priority"_s, greenChannel ? u"green"_s : u"walk-in"_s}};
    if (!matter.isEmpty())
        body.insert(u"matter"_s, matter);
    if (!bundle.isEmpty())
        body.insert(u"bundle"_s, bundle);
    if (!mobile.isEmpty())
        body.insert(u"mobile"_s, mobile);
    if (card)
        body.insert(u"idCard"_s,
            QJsonObject {
                {u"name"_s, card->name}, {u"idNumber"_s, card->idNumber}, {u"address"_s, card->address}});
    return body;
}

IssuedTicket IssuedTicket::fromJson(const QJsonObject &object)
{
    IssuedTicket ticket;
    ticket.id = qint64(object.value(u"id"_s).toDouble());
    ticket.number = object.value(u"number"_s).toString();
    ticket.counter = object.value(u"counter"_s).toString();
    ticket.ahead = object.value(u"ahead"_s).toInt();
    ticket.expectedWaitMinutes = object.value(u"expectedWaitMinutes"_s).toInt();
    ticket.reason = object.value(u"reason"_s).toString();
    ticket.issued = QDateTime::fromString(object.value(u"issued"_s).toString(), Qt::ISODateWithMs);
    return ticket;
}

int IssuedTicket::counterNumber() const
{
    static const QRegularExpression digits(u"(\\d+)$"_s);
    const QRegularExpressionMatch match = digits.match(counter);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QUrl followUrl(const QUrl &server, const QString &hall, qint64 ticketId)
{
    QUrl url = server;
    url.setPath(u"/display/%1/tickets/%2"_s.arg(hall).arg(ticketId));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace ow::kiosk
