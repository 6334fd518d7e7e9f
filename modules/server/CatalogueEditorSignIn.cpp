#include "server/CatalogueEditorSignIn.h"

#include "accounts/PasswordHash.h"
#include "accounts/Role.h"
#include "cases/CaseJson.h"
#include "server/Api.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = sync::protocol::error;
namespace protocol = sync::protocol;

namespace {

/// A refusal that says which field of the sign-in form it is about ("staffNumber", "password",
/// "hall"), so the editor can put the message beside it.
ApiReply refusal(int status, QLatin1StringView errorCode, const QString &field, const QString &message)
{
    return ApiReply::error(status, errorCode, message, QJsonObject {{u"field"_s, field}});
}

} // namespace

CatalogueEditorSignIn::CatalogueEditorSignIn(const storage::Database &db, Clock clock)
    : m_db(db)
    , m_credentials(db, clock)
    , m_accounts(db, clock)
    , m_clock(std::move(clock))
    , m_failures(kFailuresPerMinute)
{
}

Result<QStringList> CatalogueEditorSignIn::hallsOf(const QString &staffNumber) const
{
    Result<storage::Rows> rows = m_db.run(
        u"SELECT hall FROM hall_accounts WHERE login_key = ? ORDER BY hall"_s, {staffNumber.toLower()});
    if (!rows)
        return failWith(rows.error());
    QStringList halls;
    while (true) {
        Result<bool> found = rows->fetch();
        if (!found)
            return failWith(found.error());
        if (!*found)
            return halls;
        halls.append(rows->value(0).toString());
    }
}

ApiReply CatalogueEditorSignIn::signIn(const ApiRequest &request, const QString &client)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const QString staffNumber = body->value(u"staffNumber"_s).toString().trimmed();
    const QString password = body->value(u"password"_s).toString();
    QString hall = body->value(u"hall"_s).toString().trimmed();
    if (staffNumber.isEmpty() || staffNumber.size() > 64)
        return refusal(422, code::kInvalid, u"staffNumber"_s,
            QCoreApplication::translate("ow::server", "A staff number (“staffNumber”) is needed."));
    if (password.isEmpty() || password.size() > 1024)
        return refusal(422, code::kInvalid, u"password"_s,
            QCoreApplication::translate("ow::server", "A password is needed."));
    const QString accountKey = u"account:"_s + staffNumber.toCaseFolded();
    const QString clientKey = u"client:"_s + client;
    const QDateTime now = m_clock.nowUtc();
    if (const int wait = std::max(m_failures.peek(accountKey, now), m_failures.peek(clientKey, now))) {
        ApiReply reply = ApiReply::error(429, code::kRateLimited,
            QCoreApplication::translate(
                "ow::server", "Too many failed sign-ins; try again in %n second(s).", nullptr, wait));
        reply.headers.append(qMakePair(QByteArray(protocol::kRetryAfter.data(), protocol::kRetryAfter.size()),
            QByteArray::number(wait)));
        return reply;
    }
    const auto failed
        = [&](int status, QLatin1StringView errorCode, const QString &field, const QString &message) {
              m_failures.take(accountKey, now);
              m_failures.take(clientKey, now);
              return refusal(status, errorCode, field, message);
          };
    if (hall.isEmpty()) {
        Result<QStringList> halls = hallsOf(staffNumber);
        if (!halls)
            return Api::internalError(halls.error());
        if (halls->size() > 1)
            return refusal(422, code::kInvalid, u"hall"_s,
                QCoreApplication::translate(
                    "ow::server", "Staff number %1 is used in several halls (%2): say which (“hall”).")
                    .arg(staffNumber, halls->join(u", "_s)));
        hall = halls->value(0);
    }
    Result<HallAccount> account = m_accounts.account(hall, staffNumber);
    if (!account && account.error().code() != Error::Code::NotFound)
        return Api::internalError(account.error());
    // An unknown staff number and a wrong password get one answer: which staff numbers exist is not
    // told to whoever guesses.
    if (!account || !account->active || !accounts::PasswordHash::verify(password, account->passwordHash))
        return failed(403, code::kForbidden, u"password"_s,
            QCoreApplication::translate(
                "ow::server", "The staff number or the password is wrong, or the account is disabled."));
    const QList<accounts::Role> roles
        = accounts::rolesFromKeys(account->roles).value_or(QList<accounts::Role>());
    if (!roles.contains(accounts::Role::CatalogueEditor))
        return refusal(403, code::kForbidden, u"staffNumber"_s,
            QCoreApplication::translate("ow::server",
                "Account %1 does not hold the catalogue editor role; the hall administrator gives it.")
                .arg(account->login));
    Result<IssuedSecret> session
        = m_credentials.issueCatalogueEditorSession(hall, account->login, client, kSessionHours);
    if (!session)
        return Api::internalError(session.error());
    return ApiReply::json(201,
        QJsonObject {{u"token"_s, session->secret},
            {u"expires"_s, cases::CaseJson::timeText(session->expires)}, {u"hall"_s, hall},
            {u"staffNumber"_s, account->login}, {u"name"_s, account->displayName},
            {u"session"_s, session->id}});
}

} // namespace ow::server
