#include "server/AccountApi.h"

#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::server {

namespace code = sync::protocol::error;

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

ApiReply refusal(const Error &error)
{
    if (error.code() == Error::Code::NotFound)
        return ApiReply::error(404, code::kNotFound, error.message());
    if (error.code() == Error::Code::Invalid || error.code() == Error::Code::Parse)
        return ApiReply::error(422, code::kInvalid, error.message());
    return ApiReply::error(500, code::kInternal,
        QCoreApplication::translate("ow::server", "The server could not change the account."));
}

} // namespace

AccountApi::AccountApi(const storage::Database &db, Clock clock)
    : m_accounts(db, std::move(clock))
{
}

ApiReply AccountApi::list(const Credential &workstation) const
{
    Result<QList<HallAccount>> accounts = m_accounts.accounts(workstation.hall);
    if (!accounts)
        return refusal(accounts.error());
    QJsonArray rows;
    for (const HallAccount &account : *accounts)
        rows.append(account.toJson());
    return ApiReply::json(200, QJsonObject {{str("hall"), workstation.hall}, {str("accounts"), rows}});
}

ApiReply AccountApi::change(const ApiRequest &request, const Credential &workstation)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const QJsonObject admin = body->value(str("admin")).toObject();
    const QString adminLogin = admin.value(str("staffNumber")).toString();
    Result<bool> allowed
        = m_accounts.isAdministrator(workstation.hall, adminLogin, admin.value(str("password")).toString());
    if (!allowed)
        return refusal(allowed.error());
    if (!*allowed)
        return ApiReply::error(403, code::kForbidden,
            QCoreApplication::translate("ow::server",
                "Only an enabled hall administrator of this hall may change accounts, with their own "
                "password."));
    // The audit rows name the administrator and the counter the change came from.
    const QString actor = adminLogin + QLatin1Char('@') + workstation.counter;
    const QString action = body->value(str("action")).toString();
    const QString login = body->value(str("staffNumber")).toString();
    Result<void> done;
    if (action == str("add")) {
        Result<HallAccount> added
            = m_accounts.add(workstation.hall, actor, login, body->value(str("name")).toString(),
                body->value(str("roles")).toString(), body->value(str("passwordHash")).toString());
        if (!added)
            return refusal(added.error());
        return ApiReply::json(201, added->toJson());
    }
    if (action == str("rename"))
        done = m_accounts.rename(workstation.hall, actor, login, body->value(str("name")).toString());
    else if (action == str("roles"))
        done = m_accounts.setRoles(workstation.hall, actor, login, body->value(str("roles")).toString());
    else if (action == str("disable") || action == str("enable"))
        done = m_accounts.setActive(workstation.hall, actor, login, action == str("enable"));
    else if (action == str("reset-password"))
        done = m_accounts.resetPassword(
            workstation.hall, actor, login, body->value(str("passwordHash")).toString());
    else
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate("ow::server", "“%1” is not an account change.").arg(action));
    if (!done)
        return refusal(done.error());
    Result<HallAccount> changed = m_accounts.account(workstation.hall, login);
    if (!changed)
        return refusal(changed.error());
    return ApiReply::json(200, changed->toJson());
}

} // namespace ow::server
