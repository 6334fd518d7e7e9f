#include "server/QueueApi.h"

#include "queue/QueueFigures.h"
#include "server/HallAccountRepository.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::server {

using namespace ow::queue;
using namespace Qt::StringLiterals;
namespace code = sync::protocol::error;

namespace {

constexpr QLatin1StringView kRefused = "refused"_L1; ///< 409: the queue's rules say no

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        if (!item.toString().trimmed().isEmpty())
            list.append(item.toString().trimmed());
    return list;
}

QDateTime timeFrom(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

ApiReply badRequest(const QString &message)
{
    return ApiReply::error(422, code::kInvalid, message);
}

} // namespace

QueueApi::QueueApi(
    const storage::Database &db, const CatalogueRepository &catalogues, QueueRules rules, Clock clock)
    : m_db(db)
    , m_queue(db, std::move(rules), clock)
    , m_matters(catalogues)
    , m_clock(std::move(clock))
{
}

qint64 QueueApi::bodyLimit(QByteArrayView method, QStringView path)
{
    if (method == "POST" && path.endsWith(u"/queue/tickets"))
        return kMaxTicketBody;
    return kMaxBody;
}

ApiReply QueueApi::refusal(const Error &error)
{
    switch (error.code()) {
    case Error::Code::Invalid:
        return ApiReply::error(409, kRefused, error.message());
    case Error::Code::NotFound:
        return ApiReply::error(404, code::kNotFound, error.message());
    case Error::Code::Parse:
        return badRequest(error.message());
    default:
        break;
    }
    qWarning("onewindow-server: %s", qUtf8Printable(error.toString()));
    return ApiReply::error(500, code::kInternal,
        QCoreApplication::translate(
            "ow::server", "The server could not complete the request; try again later."));
}

std::optional<QDate> QueueApi::dayOf(const ApiRequest &request) const
{
    const QString text = request.query.queryItemValue(u"day"_s);
    if (text.isEmpty())
        return QueueRepository::dayOf(m_clock.nowUtc());
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return std::nullopt;
    return day;
}

namespace {

/// A workstation's credential speaks for its own counter only: a stolen or mistyped key of one
/// counter must not open, close or call at another, nor move the tickets called there.
std::optional<ApiReply> otherCounter(const QString &counter, const Credential &workstation)
{
    if (counter == workstation.counter)
        return std::nullopt;
    return ApiReply::error(403, code::kForbidden,
        QCoreApplication::translate(
            "ow::server", "This workstation is counter %1; it cannot act for counter %2.")
            .arg(workstation.counter, counter));
}

} // namespace

ApiReply QueueApi::handle(const ApiRequest &request, const QStringList &parts, const Credential &workstation)
{
    const QByteArray &method = request.method;
    const QString head = parts.value(0);
    if (head == u"counters"_s) {
        if (parts.size() == 1 && method == "GET")
            return counters(workstation);
        if (parts.size() >= 2 && method == "POST")
            if (std::optional<ApiReply> refused = otherCounter(parts.at(1), workstation))
                return *refused;
        if (parts.size() == 2 && method == "POST")
            return setCounter(request, parts.at(1), workstation);
        if (parts.size() == 3 && parts.at(2) == u"call"_s && method == "POST")
            return call(request, parts.at(1), workstation);
    } else if (head == u"tickets"_s) {
        if (parts.size() == 1 && method == "POST")
            return issue(request, workstation);
        if (parts.size() == 1 && method == "GET")
            return list(request, workstation);
        if (parts.size() == 2 && method == "GET")
            return one(parts.at(1), workstation);
        if (parts.size() == 3 && method == "POST")
            return act(request, parts.at(1), parts.at(2), workstation);
    } else if (head == u"appointments"_s) {
        if (parts.size() == 1 && method == "POST")
            return book(request, workstation);
        if (parts.size() == 1 && method == "GET")
            return appointments(request, workstation);
        if (parts.size() == 3 && parts.at(2) == u"arrive"_s && method == "POST")
            return arrive(parts.at(1), workstation);
    } else if (parts.size() == 1 && method == "GET") {
        if (head == u"stats"_s)
            return stats(request, workstation);
        if (head == u"calls"_s)
            return calls(request, workstation);
        if (head == u"sms"_s)
            return sms(request, workstation);
    }
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
}

ApiReply QueueApi::counters(const Credential &workstation)
{
    Result<QList<QueueCounter>> list = m_queue.counters(workstation.hall);
    if (!list)
        return refusal(list.error());
    QJsonArray rows;
    for (const QueueCounter &counter : *list)
        rows.append(counter.toJson());
    return ApiReply::json(200, QJsonObject {{u"hall"_s, workstation.hall}, {u"counters"_s, rows}});
}

ApiReply QueueApi::setCounter(
    const ApiRequest &request, const QString &counter, const Credential &workstation)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const std::optional<CounterState> state = counterStateFromKeyword(body->value(u"state"_s).toString());
    if (!state || counter.isEmpty() || counter.size() > 16)
        return badRequest(
            QCoreApplication::translate("ow::server", "A counter is set open, paused or closed."));
    const QString clerk = body->value(u"clerk"_s).toString().trimmed();
    if (*state == CounterState::Open && !clerk.isEmpty()) {
        // With the hall's accounts on the server, the clerk must be one of them and enabled.
        HallAccountRepository accounts(m_db, m_clock);
        Result<QList<HallAccount>> all = accounts.accounts(workstation.hall);
        if (!all)
            return refusal(all.error());
        if (!all->isEmpty()) {
            const auto it = std::find_if(all->cbegin(), all->cend(), [&](const HallAccount &account) {
                return account.login.compare(clerk, Qt::CaseInsensitive) == 0;
            });
            if (it == all->cend() || !it->active)
                return ApiReply::error(409, kRefused,
                    QCoreApplication::translate(
                        "ow::server", "Clerk %1 is not an enabled account of this hall.")
                        .arg(clerk));
        }
    }
    Result<QueueCounter> saved = m_queue.setCounter(workstation.hall, counter, *state, clerk,
        stringList(body->value(u"areas"_s)), stringList(body->value(u"matters"_s)));
    if (!saved)
        return refusal(saved.error());
    return ApiReply::json(200, saved->toJson());
}

ApiReply QueueApi::call(const ApiRequest &request, const QString &counter, const Credential &workstation)
{
    Result<QJsonObject> body
        = RequestParser::object(request.body.isEmpty() ? QByteArray("{}") : request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    Result<QueueRepository::Called> called
        = m_queue.callNext(workstation.hall, counter, body->value(u"clerk"_s).toString().trimmed());
    if (!called)
        return refusal(called.error());
    QJsonArray finished;
    for (qint64 id : called->finished)
        finished.append(double(id));
    if (!called->ticket)
        return ApiReply::json(200,
            QJsonObject {{u"ticket"_s, QJsonValue()}, {u"finished"_s, finished},
                {u"message"_s,
                    QCoreApplication::translate("ow::server", "Nobody is waiting for counter %1.")
                        .arg(counter)}});
    return ApiReply::json(200,
        QJsonObject {{u"ticket"_s, called->ticket->toJson(true)}, {u"stolen"_s, called->stolen},
            {u"finished"_s, finished}});
}

ApiReply QueueApi::issue(const ApiRequest &request, const Credential &workstation)
{
    // An empty body is a walk-in who is not sure of the matter (导服), in the first area.
    Result<QJsonObject> body
        = RequestParser::object(request.body.isEmpty() ? QByteArray("{}") : request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    Ticket ticket;
    ticket.area = body->value(u"area"_s).toString(m_queue.rules().areas.constFirst());
    ticket.matter = body->value(u"matter"_s).toString().trimmed();
    ticket.bundle = body->value(u"bundle"_s).toString().trimmed();
    ticket.mobile = body->value(u"mobile"_s).toString().trimmed();
    ticket.idCard = body->value(u"idCard"_s).toObject();
    const QString priority = body->value(u"priority"_s).toString(u"walk-in"_s);
    // An appointment's priority comes with its window, by POST /queue/appointments/ID/arrive.
    if (priority != u"walk-in"_s && priority != u"green"_s)
        return badRequest(
            QCoreApplication::translate("ow::server", "A ticket's priority is walk-in or green."));
    ticket.priority = *priorityFromKeyword(priority);
    static const QRegularExpression mobile(u"^1[3-9][0-9]{9}$"_s);
    if (!ticket.mobile.isEmpty() && !mobile.match(ticket.mobile).hasMatch())
        return badRequest(QCoreApplication::translate("ow::server", "“%1” is not a mainland mobile number.")
                              .arg(ticket.mobile));
    Result<QString> unknown = m_matters.problem(ticket.matter, ticket.bundle);
    if (!unknown) // the catalogue could not be read: the server's failure, not the caller's
        return refusal(Error(Error::Code::Internal, unknown.error().toString()));
    if (!unknown->isEmpty())
        return badRequest(*unknown);
    Result<Ticket> issued = m_queue.issue(workstation.hall, ticket);
    if (!issued)
        return refusal(issued.error());
    return ApiReply::json(201, issued->toJson(false));
}

ApiReply QueueApi::list(const ApiRequest &request, const Credential &workstation)
{
    const std::optional<QDate> day = dayOf(request);
    if (!day)
        return badRequest(QCoreApplication::translate("ow::server", "?day= takes YYYY-MM-DD."));
    const bool active = request.query.queryItemValue(u"active"_s) == u"true"_s;
    Result<QList<Ticket>> tickets = m_queue.tickets(workstation.hall, *day, active);
    if (!tickets)
        return refusal(tickets.error());
    QJsonArray rows;
    for (const Ticket &ticket : *tickets) {
        QJsonObject row = ticket.toJson(false);
        if (const std::optional<double> wait = ticket.waitMinutes())
            row.insert(u"waitMinutes"_s, std::round(*wait * 100) / 100);
        if (const std::optional<double> service = ticket.serviceMinutes())
            row.insert(u"serviceMinutes"_s, std::round(*service * 100) / 100);
        rows.append(row);
    }
    return ApiReply::json(200, QJsonObject {{u"hall"_s, workstation.hall}, {u"tickets"_s, rows}});
}

ApiReply QueueApi::one(const QString &id, const Credential &workstation)
{
    bool ok = false;
    const qint64 number = id.toLongLong(&ok);
    if (!ok)
        return ApiReply::error(
            404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
    Result<std::optional<Ticket>> found = m_queue.ticket(workstation.hall, number);
    if (!found)
        return refusal(found.error());
    if (!*found)
        return ApiReply::error(404, code::kNotFound,
            QCoreApplication::translate("ow::server", "There is no ticket %1 in this hall.").arg(number));
    return ApiReply::json(200, (*found)->toJson((*found)->calledBy == workstation.counter));
}

ApiReply QueueApi::act(
    const ApiRequest &request, const QString &id, const QString &action, const Credential &workstation)
{
    static const QHash<QString, QueueRepository::Action> actions {
        {u"recall"_s, QueueRepository::Action::Recall}, {u"serve"_s, QueueRepository::Action::Serve},
        {u"done"_s, QueueRepository::Action::Finish}, {u"no-show"_s, QueueRepository::Action::NoShow},
        {u"park"_s, QueueRepository::Action::Park}, {u"resume"_s, QueueRepository::Action::Resume},
        {u"transfer"_s, QueueRepository::Action::Transfer}};
    bool ok = false;
    const qint64 number = id.toLongLong(&ok);
    if (!ok || !actions.contains(action))
        return ApiReply::error(
            404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
    Result<QJsonObject> body
        = RequestParser::object(request.body.isEmpty() ? QByteArray("{}") : request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const QString counter = body->value(u"counter"_s).toString(workstation.counter);
    if (std::optional<ApiReply> refused = otherCounter(counter, workstation))
        return *refused;
    Result<Ticket> moved = m_queue.act(workstation.hall, number, actions.value(action), counter,
        body->value(u"area"_s).toString(), body->value(u"to"_s).toString());
    if (!moved)
        return refusal(moved.error());
    return ApiReply::json(200, moved->toJson(moved->calledBy == workstation.counter));
}

ApiReply QueueApi::book(const ApiRequest &request, const Credential &workstation)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    QueueRepository::Appointment appointment;
    appointment.matter = body->value(u"matter"_s).toString().trimmed();
    appointment.mobile = body->value(u"mobile"_s).toString().trimmed();
    appointment.reference = body->value(u"reference"_s).toString().left(64);
    appointment.from = timeFrom(body->value(u"from"_s));
    appointment.to = timeFrom(body->value(u"to"_s));
    if (appointment.matter.isEmpty())
        return badRequest(QCoreApplication::translate("ow::server", "An appointment names its matter."));
    Result<QString> unknown = m_matters.problem(appointment.matter, QString());
    if (!unknown) // the catalogue could not be read: the server's failure, not the caller's
        return refusal(Error(Error::Code::Internal, unknown.error().toString()));
    if (!unknown->isEmpty())
        return badRequest(*unknown);
    Result<QueueRepository::Appointment> booked = m_queue.book(workstation.hall, appointment);
    if (!booked)
        return refusal(booked.error());
    return ApiReply::json(201, booked->toJson());
}

ApiReply QueueApi::appointments(const ApiRequest &request, const Credential &workstation)
{
    const std::optional<QDate> day = dayOf(request);
    if (!day)
        return badRequest(QCoreApplication::translate("ow::server", "?day= takes YYYY-MM-DD."));
    Result<QList<QueueRepository::Appointment>> list = m_queue.appointments(workstation.hall, *day);
    if (!list)
        return refusal(list.error());
    QJsonArray rows;
    for (const QueueRepository::Appointment &appointment : *list)
        rows.append(appointment.toJson());
    return ApiReply::json(200, QJsonObject {{u"appointments"_s, rows}});
}

ApiReply QueueApi::arrive(const QString &id, const Credential &workstation)
{
    Result<Ticket> ticket = m_queue.arrive(workstation.hall, id);
    if (!ticket)
        return refusal(ticket.error());
    return ApiReply::json(201, ticket->toJson(false));
}

ApiReply QueueApi::stats(const ApiRequest &request, const Credential &workstation)
{
    const std::optional<QDate> day = dayOf(request);
    if (!day)
        return badRequest(QCoreApplication::translate("ow::server", "?day= takes YYYY-MM-DD."));
    Result<QList<Ticket>> tickets = m_queue.tickets(workstation.hall, *day);
    if (!tickets)
        return refusal(tickets.error());
    QJsonObject figures
        = QueueFigures::compute(*tickets, m_queue.rules(), QTimeZone::systemTimeZone()).toJson();
    figures.insert(u"day"_s, day->toString(Qt::ISODate));
    figures.insert(u"targetWaitMinutes"_s, m_queue.rules().targetWaitMinutes);
    return ApiReply::json(200, figures);
}

ApiReply QueueApi::calls(const ApiRequest &request, const Credential &workstation)
{
    const qint64 after = request.query.queryItemValue(u"after"_s).toLongLong();
    bool ok = true;
    const QString limitText = request.query.queryItemValue(u"limit"_s);
    const int limit = limitText.isEmpty() ? 20 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 200)
        return badRequest(QCoreApplication::translate("ow::server", "The limit is 1 to %1.").arg(200));
    Result<QList<QJsonObject>> list = m_queue.calls(workstation.hall, after, limit);
    if (!list)
        return refusal(list.error());
    QJsonArray rows;
    for (const QJsonObject &row : *list)
        rows.append(row);
    return ApiReply::json(200, QJsonObject {{u"calls"_s, rows}});
}

ApiReply QueueApi::sms(const ApiRequest &request, const Credential &workstation)
{
    const std::optional<QDate> day = dayOf(request);
    if (!day)
        return badRequest(QCoreApplication::translate("ow::server", "?day= takes YYYY-MM-DD."));
    Result<storage::Rows> rows = m_db.run(
        u"SELECT t.number, s.kind, s.state, s.attempts, s.message_id, s.last_error, s.updated FROM queue_sms "
        u"s "
        "JOIN queue_tickets t ON t.id = s.ticket_id WHERE s.hall = ? AND t.day = ? ORDER BY s.ticket_id, s.kind"_s,
        {workstation.hall, day->toString(Qt::ISODate)});
    if (!rows)
        return refusal(rows.error());
    QJsonArray list;
    while (true) {
        Result<bool> more = rows->fetch();
        if (!more)
            return refusal(more.error());
        if (!*more)
            break;
        list.append(QJsonObject {{u"number"_s, rows->value(0).toString()},
            {u"kind"_s, rows->value(1).toString()}, {u"state"_s, rows->value(2).toString()},
            {u"attempts"_s, rows->value(3).toInt()}, {u"messageId"_s, rows->value(4).toString()},
            {u"lastError"_s, rows->value(5).toString()}, {u"updated"_s, rows->value(6).toString()}});
    }
    return ApiReply::json(200, QJsonObject {{u"sms"_s, list}});
}

} // namespace ow::server
