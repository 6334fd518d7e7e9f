#include "sync/ComplaintClient.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

namespace ow::sync {

using namespace Qt::StringLiterals;

namespace {

QString complaintPath(const QString &id, const QString &action)
{
    return u"/supervision/complaints/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id)) + u'/' + action;
}

} // namespace

ComplaintClient::ComplaintClient(SyncClient &client, SupervisorSession session)
    : m_client(client)
    , m_session(std::move(session))
{
}

Result<QJsonObject> ComplaintClient::list(const QString &state)
{
    m_client.setToken(m_session.token);
    QUrlQuery query;
    query.addQueryItem(u"state"_s, state);
    return m_client.call("GET", u"/supervision/complaints"_s, query);
}

Result<QJsonObject> ComplaintClient::record(const cases::ComplaintRecord &complaint)
{
    return post(u"/supervision/complaints"_s, complaint.toSubmission());
}

Result<QJsonObject> ComplaintClient::assign(const QString &id, const QString &staffNumber)
{
    return post(complaintPath(id, u"assign"_s), {{u"staffNumber"_s, staffNumber}});
}

Result<QJsonObject> ComplaintClient::reply(const QString &id, const QString &text)
{
    return post(complaintPath(id, u"reply"_s), {{u"text"_s, text}});
}

Result<QJsonObject> ComplaintClient::close(const QString &id, const QString &result)
{
    return post(complaintPath(id, u"close"_s), {{u"result"_s, result}});
}

Result<QJsonObject> ComplaintClient::post(const QString &path, const QJsonObject &body)
{
    m_client.setToken(m_session.token);
    return m_client.call("POST", path, {}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace ow::sync
