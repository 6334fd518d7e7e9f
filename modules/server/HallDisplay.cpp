#include "server/HallDisplay.h"

#include "queue/CallOrder.h"
#include "server/QueueRepository.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

// Q_INIT_RESOURCE must be used outside any namespace. The resource lives in a static library, whose
// automatic initialiser the linker may drop.
static void initDisplayResources()
{
    Q_INIT_RESOURCE(ow_server_display);
}

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

const QString kPrefix = u"/display/"_s;

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

ApiReply notFound()
{
    return ApiReply::error(404, ow::sync::protocol::error::kNotFound,
        QCoreApplication::translate("ow::server", "There is nothing here."));
}

bool isHall(const QString &text)
{
    static const QRegularExpression hall(u"^[0-9]{1,16}$"_s);
    return hall.match(text).hasMatch();
}

QByteArray resource(const QString &name)
{
    static const bool registered = (initDisplayResources(), true);
    Q_UNUSED(registered)
    QFile file(u":/ow/server/display/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

HallDisplay::HallDisplay(const QueueRepository &queue, const queue::QueueRules &rules, Clock clock)
    : m_queue(queue)
    , m_rules(rules)
    , m_clock(clock)
{
}

bool HallDisplay::isDisplayPath(QStringView path)
{
    return path.startsWith(kPrefix);
}

QByteArray HallDisplay::contentSecurityPolicy()
{
    return "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' "
           "data:; "
           "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}

ApiReply HallDisplay::handle(const ApiRequest &request) const
{
    const QStringList parts = request.path.mid(kPrefix.size()).split(u'/');
    if (parts.size() == 2 && parts.at(0) == u"assets"_s)
        return asset(parts.at(1));
    if (parts.isEmpty() || !isHall(parts.at(0)))
        return notFound();
    if (parts.size() == 1 || (parts.size() == 2 && parts.at(1).isEmpty()))
        return page(parts.at(0));
    if (parts.size() == 2 && parts.at(1) == u"calls"_s)
        return feed(parts.at(0));
    if (parts.size() == 3 && parts.at(1) == u"tickets"_s)
        return ticketPage(parts.at(0), parts.at(2));
    if (parts.size() == 4 && parts.at(1) == u"tickets"_s && parts.at(3) == u"state"_s)
        return ticketState(parts.at(0), parts.at(2));
    return notFound();
}

ApiReply HallDisplay::asset(const QString &name)
{
    QByteArray type;
    if (name == u"display.js"_s || name == u"ticket.js"_s)
        type = "text/javascript; charset=utf-8";
    else if (name == u"display.css"_s || name == u"ticket.css"_s)
        type = "text/css; charset=utf-8";
    else
        return notFound();
    ApiReply reply;
    reply.contentType = type;
    reply.body = resource(name);
    return reply;
}

ApiReply HallDisplay::page(const QString &hall) const
{
    // Every text the page shows or speaks comes from the server's translations; the script reads
    // the ones it needs from data attributes, so it holds no language of its own.
    const QList<std::pair<QString, QString>> fields {
        {u"lang"_s,
            QCoreApplication::translate("ow::server::HallDisplay", "en",
                "the language code of the hall display (HTML lang; speech follows it)")},
        {u"title"_s, QCoreApplication::translate("ow::server::HallDisplay", "Calls")},
        {u"heading"_s,
            QCoreApplication::translate("ow::server::HallDisplay", "Please listen for your number")},
        {u"hall"_s, hall},
        {u"call"_s,
            QCoreApplication::translate("ow::server::HallDisplay",
                "Number {number}, please go to counter {counter}.", "spoken; keep {number} and {counter}")},
        {u"counter"_s,
            QCoreApplication::translate("ow::server::HallDisplay", "Counter {counter}", "keep {counter}")},
        {u"recall"_s, QCoreApplication::translate("ow::server::HallDisplay", "called again")},
        {u"lost"_s,
            QCoreApplication::translate(
                "ow::server::HallDisplay", "Connection lost: the calls shown may be out of date")},
        {u"connecting"_s, QCoreApplication::translate("ow::server::HallDisplay", "Connecting…")},
        {u"empty"_s, QCoreApplication::translate("ow::server::HallDisplay", "No calls yet")},
        {u"numberHeading"_s, QCoreApplication::translate("ow::server::HallDisplay", "Number")},
        {u"counterHeading"_s, QCoreApplication::translate("ow::server::HallDisplay", "Counter")},
        {u"timeHeading"_s, QCoreApplication::translate("ow::server::HallDisplay", "Called at")},
        {u"footer"_s,
            QCoreApplication::translate("ow::server::HallDisplay",
                "Take a ticket at the kiosk; the ticket's QR code follows your place in the queue.")},
    };
    QString html = QString::fromUtf8(resource(u"display.html"_s));
    for (const auto &[key, value] : fields)
        html.replace(u"{{"_s + key + u"}}"_s, escape(value));
    ApiReply reply;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = html.toUtf8();
    return reply;
}

ApiReply HallDisplay::feed(const QString &hall) const
{
    // The display's day starts at the hall's local midnight: yesterday's last calls are not shown.
    const QDateTime since = QDateTime(m_clock.today(), QTime(0, 0)).toUTC();
    Result<QList<QJsonObject>> calls = m_queue.latestCalls(hall, since, kFeedCalls);
    if (!calls) {
        qWarning("onewindow-server: %s", qUtf8Printable(calls.error().toString()));
        return ApiReply::error(500, ow::sync::protocol::error::kInternal,
            QCoreApplication::translate(
                "ow::server", "The server could not complete the request; try again later."));
    }
    QJsonArray rows;
    // Only what the hall hears anyway: which number goes to which counter, and when.
    for (const QJsonObject &call : *calls)
        rows.append(QJsonObject {{u"id"_s, call.value(u"id"_s)}, {u"ticket"_s, call.value(u"ticket"_s)},
            {u"number"_s, call.value(u"number"_s)}, {u"counter"_s, call.value(u"counter"_s)},
            {u"counterNumber"_s, call.value(u"counterNumber"_s)},
            {u"callCount"_s, call.value(u"callCount"_s)}, {u"time"_s, call.value(u"time"_s)}});
    return ApiReply::json(200, QJsonObject {{u"calls"_s, rows}, {u"silent"_s, m_rules.displaySilent}});
}

ApiReply HallDisplay::ticketPage(const QString &hall, const QString &id) const
{
    bool ok = false;
    id.toLongLong(&ok);
    if (!ok)
        return notFound();
    const QList<std::pair<QString, QString>> fields {
        {u"lang"_s,
            QCoreApplication::translate("ow::server::HallDisplay", "en",
                "the language code of the hall display (HTML lang; speech follows it)")},
        {u"title"_s, QCoreApplication::translate("ow::server::HallDisplay", "Your place in the queue")},
        {u"hall"_s, hall},
        {u"ticket"_s, id},
        {u"ahead"_s, QCoreApplication::translate("ow::server::HallDisplay", "People ahead of you")},
        {u"waiting"_s, QCoreApplication::translate("ow::server::HallDisplay", "Waiting to be called")},
        {u"called"_s,
            QCoreApplication::translate(
                "ow::server::HallDisplay", "Called: please go to counter {counter} now")},
        {u"serving"_s, QCoreApplication::translate("ow::server::HallDisplay", "Being served")},
        {u"finished"_s, QCoreApplication::translate("ow::server::HallDisplay", "This ticket is finished")},
        {u"parked"_s,
            QCoreApplication::translate(
                "ow::server::HallDisplay", "On hold: the counter will call you again")},
        {u"lost"_s,
            QCoreApplication::translate(
                "ow::server::HallDisplay", "Connection lost: what is shown may be out of date")},
        {u"gone"_s, QCoreApplication::translate("ow::server::HallDisplay", "There is no such ticket today.")},
        {u"note"_s,
            QCoreApplication::translate("ow::server::HallDisplay",
                "This page refreshes by itself. A number missed three times lapses.")},
    };
    QString html = QString::fromUtf8(resource(u"ticket.html"_s));
    for (const auto &[key, value] : fields)
        html.replace(u"{{"_s + key + u"}}"_s, escape(value));
    ApiReply reply;
    reply.contentType = "text/html; charset=utf-8";
    reply.body = html.toUtf8();
    return reply;
}

ApiReply HallDisplay::ticketState(const QString &hall, const QString &id) const
{
    bool ok = false;
    const qint64 ticketId = id.toLongLong(&ok);
    if (!ok)
        return notFound();
    const auto failed = [](const Error &error) {
        qWarning("onewindow-server: %s", qUtf8Printable(error.toString()));
        return ApiReply::error(500, ow::sync::protocol::error::kInternal,
            QCoreApplication::translate(
                "ow::server", "The server could not complete the request; try again later."));
    };
    Result<std::optional<queue::Ticket>> found = m_queue.ticket(hall, ticketId);
    if (!found)
        return failed(found.error());
    if (!*found)
        return notFound();
    const queue::Ticket &ticket = **found;
    int ahead = 0;
    if (ticket.state == queue::TicketState::Issued) {
        Result<QList<queue::Ticket>> active = m_queue.tickets(hall, m_clock.today(), true);
        if (!active)
            return failed(active.error());
        QList<queue::Ticket> waiting;
        for (const queue::Ticket &other : *active)
            if (other.state == queue::TicketState::Issued)
                waiting << other;
        // At its counter, the people that counter will call first; without one yet, those of its
        // area issued before it.
        std::optional<queue::QueueCounter> counter;
        if (!ticket.counter.isEmpty()) {
            Result<QList<queue::QueueCounter>> counters = m_queue.counters(hall);
            if (!counters)
                return failed(counters.error());
            for (const queue::QueueCounter &candidate : *counters)
                if (candidate.id == ticket.counter)
                    counter = candidate;
        }
        const QList<queue::Ticket> line = counter
            ? queue::CallOrder::lineOf(*counter, waiting, m_clock.nowUtc(), m_rules)
            : QList<queue::Ticket>();
        const qsizetype at = std::find_if(line.cbegin(), line.cend(), [&](const queue::Ticket &other) {
            return other.id == ticket.id;
        }) - line.cbegin();
        if (at < line.size()) {
            ahead = int(at);
        } else {
            for (const queue::Ticket &other : waiting)
                if (other.area == ticket.area && other.issued < ticket.issued)
                    ++ahead;
        }
    }
    queue::QueueCounter counter;
    counter.id = ticket.calledBy.isEmpty() ? ticket.counter : ticket.calledBy;
    // Only what the hall display shows anyway: no matter, mobile, name or ID data.
    return ApiReply::json(200,
        QJsonObject {{u"number"_s, ticket.number}, {u"state"_s, queue::keyword(ticket.state)},
            {u"ahead"_s, ahead}, {u"counter"_s, counter.id}, {u"counterNumber"_s, counter.number()}});
}

} // namespace ow::server
