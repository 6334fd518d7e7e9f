#include "server/AccountApi.h"

#include "accounts/PasswordHash.h"
#include "accounts/Role.h"
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
    if (body->value(str("action")).toString() == str("change-password"))
        return changeOwnPassword(*body, workstation);
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

ApiReply AccountApi::changeOwnPassword(const QJsonObject &body, const Credential &workstation)
{
    const QString login = body.value(str("staffNumber")).toString();
    Result<HallAccount> account = m_accounts.account(workstation.hall, login);
    if (!account)
        return refusal(account.error());
    // Every counter holds every clerk's hash, so the previous hash alone proves only that the
    // request comes from a counter of the hall. That is enough for a clerk's own password, but not
    // for a hall administrator's, whose account changes all others: that one needs the old password.
    const bool administrator = accounts::rolesFromKeys(account->roles)
                                   .value_or(QList<accounts::Role>())
                                   .contains(accounts::Role::Admin);
    if (administrator
        && !accounts::PasswordHash::verify(body.value(str("password")).toString(), account->passwordHash))
        return ApiReply::error(403, code::kForbidden,
            QCoreApplication::translate("ow::server",
                "A hall administrator's password is changed with the old password, while the server "
                "is reachable."));
    Result<bool> changed = m_accounts.changeOwnPassword(workstation.hall,
        login.trimmed() + QLatin1Char('@') + workstation.counter, login,
        body.value(str("previousHash")).toString(), body.value(str("passwordHash")).toString());
    if (!changed)
        return refusal(changed.error());
    if (!*changed)
        return ApiReply::error(409, code::kConflict,
            QCoreApplication::translate("ow::server",
                "The account is disabled or its password was reset on the server since; the password "
                "changed at the counter is not taken."));
    Result<HallAccount> now = m_accounts.account(workstation.hall, login);
    if (!now)
        return refusal(now.error());
    return ApiReply::json(200, now->toJson());
}

} // namespace ow::server
