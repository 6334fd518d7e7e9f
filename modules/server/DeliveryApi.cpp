#include "server/DeliveryApi.h"

#include "server/Api.h"
#include "server/DeliveryOutbox.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = ow::sync::protocol::error;

DeliveryApi::DeliveryApi(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_clock(std::move(clock))
{
}

ApiReply DeliveryApi::handle(
    const ApiRequest &request, const QStringList &parts, const Credential &supervisor)
{
    DeliveryOutbox outbox(m_db, m_clock);
    if (parts.size() == 1 && request.method == "GET") {
        Result<QList<Delivery>> dead = outbox.list(true, supervisor.hall);
        if (!dead)
            return Api::internalError(dead.error());
        QJsonArray list;
        for (const Delivery &delivery : std::as_const(*dead))
            list.append(delivery.summary());
        return ApiReply::json(200, QJsonObject {{u"hall"_s, supervisor.hall}, {u"deadLetters"_s, list}});
    }
    if (parts.size() == 3 && parts.at(2) == u"resend"_s && request.method == "POST") {
        Result<bool> resent = outbox.resend(parts.at(1), supervisor.hall);
        if (!resent)
            return Api::internalError(resent.error());
        if (!*resent)
            return ApiReply::error(404, code::kNotFound,
                QCoreApplication::translate("ow::server", "There is no dead delivery %1 in this hall.")
                    .arg(parts.at(1)));
        return ApiReply::json(200, QJsonObject {{u"id"_s, parts.at(1)}, {u"state"_s, u"pending"_s}});
    }
    return ApiReply::error(
        404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
}

} // namespace ow::server
