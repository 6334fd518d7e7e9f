#include "server/SupervisionToday.h"

#include "queue/QueueFigures.h"
#include "server/Api.h"
#include "server/SupervisionRepository.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = sync::protocol::error;

SupervisionToday::SupervisionToday(const storage::Database &db, const QueueRepository &queue,
    supervision::SupervisionRules rules, Clock clock)
    : m_db(db)
    , m_queue(queue)
    , m_rules(rules)
    , m_clock(std::move(clock))
{
}

ApiReply SupervisionToday::answer(const ApiRequest &request, const Credential &supervisor) const
{
    const QString text = request.query.queryItemValue(u"day"_s);
    const QDate day = text.isEmpty() ? m_clock.today() : QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate("ow::server", "“%1” takes a date, YYYY-MM-DD.").arg(u"day"_s));
    Result<supervision::DayFigures> cases
        = SupervisionRepository(m_db, m_clock, m_rules).dayFigures(supervisor.hall, day);
    if (!cases)
        return Api::internalError(cases.error());
    Result<QList<queue::Ticket>> tickets = m_queue.tickets(supervisor.hall, day);
    if (!tickets)
        return Api::internalError(tickets.error());
    const queue::QueueFigures queue
        = queue::QueueFigures::compute(*tickets, m_queue.rules(), QTimeZone::systemTimeZone());
    QJsonObject body = cases->toJson();
    body.insert(u"hall"_s, supervisor.hall);
    // The queue's own figures as its stats answer gives them: total, per counter, per hour of issue.
    body.insert(u"queue"_s, queue.toJson());
    return ApiReply::json(200, body);
}

} // namespace ow::server
