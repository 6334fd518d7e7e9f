#include "server/SupervisorSignIn.h"

#include "cases/CaseJson.h"
#include "server/Api.h"
#include "server/RequestParser.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = sync::protocol::error;
namespace protocol = sync::protocol;

SupervisorSignIn::SupervisorSignIn(const storage::Database &db, Clock clock, int sessionHours)
    : m_credentials(db, clock)
    , m_accounts(db, clock)
    , m_clock(std::move(clock))
    , m_sessionHours(sessionHours)
    , m_failures(kFailuresPerMinute)
{
}

ApiReply SupervisorSignIn::signIn(const ApiRequest &request, const Credential &workstation)
{
    Result<QJsonObject> body = RequestParser::object(request.body);
    if (!body)
        return ApiReply::error(400, code::kBadJson, body.error().message());
    const QString staffNumber = body->value(u"staffNumber"_s).toString().trimmed();
    const QString password = body->value(u"password"_s).toString();
    if (staffNumber.isEmpty() || password.isEmpty() || staffNumber.size() > 64 || password.size() > 1024)
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate(
                "ow::server", "A staff number (“staffNumber”) and a password are needed."));
    // Failures count against the account and against the counter it was tried from: guessing one
    // supervisor's password from many counters is as slow as guessing many from one.
    const QString accountKey = u"account:"_s + workstation.hall + u'/' + staffNumber.toCaseFolded();
    const QString workstationKey = u"workstation:"_s + workstation.id;
    const QDateTime now = m_clock.nowUtc();
    if (const int wait = std::max(m_failures.peek(accountKey, now), m_failures.peek(workstationKey, now))) {
        ApiReply reply = ApiReply::error(429, code::kRateLimited,
            QCoreApplication::translate(
                "ow::server", "Too many failed sign-ins; try again in %n second(s).", nullptr, wait));
        reply.headers.append(qMakePair(QByteArray(protocol::kRetryAfter.data(), protocol::kRetryAfter.size()),
            QByteArray::number(wait)));
        return reply;
    }
    Result<bool> allowed
        = m_accounts.holdsRole(workstation.hall, staffNumber, password, accounts::Role::Supervisor);
    if (!allowed)
        return Api::internalError(allowed.error());
    if (!*allowed) {
        m_failures.take(accountKey, now);
        m_failures.take(workstationKey, now);
        // One answer for a wrong password, an unknown or disabled account and one without the role:
        // the endpoint does not tell which staff numbers supervise.
        return ApiReply::error(403, code::kForbidden,
            QCoreApplication::translate("ow::server",
                "Only an enabled supervisor of this hall may sign in, with their own password."));
    }
    Result<IssuedSecret> session
        = m_credentials.issueSupervisorSession(workstation.hall, staffNumber, workstation.id, m_sessionHours);
    if (!session)
        return Api::internalError(session.error());
    return ApiReply::json(201,
        QJsonObject {{u"token"_s, session->secret},
            {u"expires"_s, cases::CaseJson::timeText(session->expires)}, {u"hall"_s, workstation.hall},
            {u"staffNumber"_s, staffNumber}, {u"session"_s, session->id}});
}

} // namespace ow::server
