#include "sync/QueueClient.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ow::sync {

using namespace Qt::StringLiterals;

QueueTicket QueueTicket::fromJson(const QJsonObject &object)
{
    QueueTicket ticket;
    ticket.id = qint64(object.value(u"id"_s).toDouble());
    ticket.number = object.value(u"number"_s).toString();
    ticket.area = object.value(u"area"_s).toString();
    ticket.matter = object.value(u"matter"_s).toString();
    ticket.bundle = object.value(u"bundle"_s).toString();
    ticket.state = object.value(u"state"_s).toString();
    ticket.callCount = object.value(u"callCount"_s).toInt();
    ticket.calledBy = object.value(u"calledBy"_s).toString();
    ticket.mobile = object.value(u"mobile"_s).toString();
    const QJsonObject card = object.value(u"idCard"_s).toObject();
    ticket.cardName = card.value(u"name"_s).toString();
    ticket.cardIdNumber = card.value(u"idNumber"_s).toString();
    ticket.cardAddress = card.value(u"address"_s).toString();
    return ticket;
}

QueueClient::QueueClient(SyncClient &client, QString counter)
    : m_client(client)
    , m_counter(std::move(counter))
{
}

Result<QJsonObject> QueueClient::post(const QString &path, const QJsonObject &body)
{
    return m_client.call("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Result<QueueStatus> QueueClient::status()
{
    QueueStatus status;
    status.counterState = u"closed"_s;
    Result<QJsonObject> counters = m_client.call("GET", u"/queue/counters"_s);
    if (!counters)
        return failWith(counters.error());
    for (const QJsonValue &value : counters->value(u"counters"_s).toArray()) {
        const QJsonObject counter = value.toObject();
        if (counter.value(u"id"_s).toString() != m_counter)
            continue;
        status.counterState = counter.value(u"state"_s).toString();
        status.clerk = counter.value(u"clerk"_s).toString();
    }
    QUrlQuery active;
    active.addQueryItem(u"active"_s, u"true"_s);
    Result<QJsonObject> tickets = m_client.call("GET", u"/queue/tickets"_s, active);
    if (!tickets)
        return failWith(tickets.error());
    for (const QJsonValue &value : tickets->value(u"tickets"_s).toArray()) {
        const QueueTicket ticket = QueueTicket::fromJson(value.toObject());
        if (ticket.state == u"issued"_s && value.toObject().value(u"counter"_s).toString() == m_counter)
            ++status.waiting;
        else if ((ticket.state == u"called"_s || ticket.state == u"serving"_s)
            && ticket.calledBy == m_counter)
            status.current = ticket;
    }
    // The list leaves personal data out; the counter that called the ticket may read it whole.
    if (status.current.isValid()) {
        Result<QJsonObject> whole = m_client.call("GET", u"/queue/tickets/%1"_s.arg(status.current.id));
        if (whole)
            status.current = QueueTicket::fromJson(*whole);
    }
    status.reachable = true;
    return status;
}

Result<void> QueueClient::setCounter(const QString &state, const QString &clerk)
{
    QJsonObject body {{u"state"_s, state}};
    if (state == u"open"_s)
        body.insert(u"clerk"_s, clerk);
    Result<QJsonObject> saved = post(u"/queue/counters/"_s + m_counter, body);
    if (!saved)
        return failWith(saved.error());
    return {};
}

Result<std::optional<QueueTicket>> QueueClient::callNext(const QString &clerk)
{
    Result<QJsonObject> called = post(u"/queue/counters/%1/call"_s.arg(m_counter), {{u"clerk"_s, clerk}});
    if (!called)
        return failWith(called.error());
    const QJsonObject ticket = called->value(u"ticket"_s).toObject();
    if (ticket.isEmpty())
        return std::optional<QueueTicket>();
    return std::optional<QueueTicket>(QueueTicket::fromJson(ticket));
}

Result<QueueTicket> QueueClient::act(
    qint64 ticket, const QString &action, const QString &area, const QString &to)
{
    QJsonObject body {{u"counter"_s, m_counter}};
    if (!area.isEmpty())
        body.insert(u"area"_s, area);
    if (!to.isEmpty())
        body.insert(u"to"_s, to);
    Result<QJsonObject> moved = post(u"/queue/tickets/%1/%2"_s.arg(ticket).arg(action), body);
    if (!moved)
        return failWith(moved.error());
    return QueueTicket::fromJson(*moved);
}

Result<QueueTicket> QueueClient::ticket(qint64 id)
{
    Result<QJsonObject> found = m_client.call("GET", u"/queue/tickets/%1"_s.arg(id));
    if (!found)
        return failWith(found.error());
    return QueueTicket::fromJson(*found);
}

Result<QueueTargets> QueueClient::transferTargets()
{
    Result<QJsonObject> counters = m_client.call("GET", u"/queue/counters"_s);
    if (!counters)
        return failWith(counters.error());
    QueueTargets targets;
    for (const QJsonValue &value : counters->value(u"counters"_s).toArray()) {
        const QJsonObject counter = value.toObject();
        const QString id = counter.value(u"id"_s).toString();
        if (!id.isEmpty() && id != m_counter)
            targets.counters.append(id);
        for (const QJsonValue &area : counter.value(u"areas"_s).toArray())
            if (!targets.areas.contains(area.toString()) && !area.toString().isEmpty())
                targets.areas.append(area.toString());
    }
    targets.counters.sort();
    targets.areas.sort();
    return targets;
}

} // namespace ow::sync
