#include "sync/DeadLetterClient.h"

#include "cases/CaseJson.h"

#include <QJsonArray>
#include <QUrl>

namespace ow::sync {

using namespace Qt::StringLiterals;

DeadLetter DeadLetter::fromJson(const QJsonObject &object)
{
    DeadLetter letter;
    letter.id = object.value(u"id"_s).toString();
    letter.department = object.value(u"department"_s).toString();
    letter.departmentName = object.value(u"departmentName"_s).toString();
    letter.caseNumber = object.value(u"case"_s).toString();
    letter.kind = object.value(u"kind"_s).toString();
    letter.attempts = object.value(u"attempts"_s).toInt();
    letter.lastError = object.value(u"lastError"_s).toString();
    letter.died = cases::CaseJson::timeFrom(object.value(u"updated"_s).toString());
    return letter;
}

DeadLetterClient::DeadLetterClient(SyncClient &client, SupervisorSession session)
    : m_client(client)
    , m_session(std::move(session))
{
}

Result<QList<DeadLetter>> DeadLetterClient::list()
{
    m_client.setToken(m_session.token);
    Result<QJsonObject> answer = m_client.call("GET", u"/supervision/dead-letters"_s);
    if (!answer)
        return failWith(answer.error());
    QList<DeadLetter> letters;
    for (const QJsonValue &value : answer->value(u"deadLetters"_s).toArray())
        letters.append(DeadLetter::fromJson(value.toObject()));
    return letters;
}

Result<void> DeadLetterClient::resend(const QString &id)
{
    m_client.setToken(m_session.token);
    Result<QJsonObject> answer = m_client.call("POST",
        u"/supervision/dead-letters/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + u"/resend"_s, {},
        "{}");
    if (!answer)
        return failWith(answer.error());
    return {};
}

} // namespace ow::sync
