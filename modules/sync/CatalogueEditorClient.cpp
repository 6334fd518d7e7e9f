#include "sync/CatalogueEditorClient.h"

#include "cases/CaseJson.h"
#include "sync/CataloguePackage.h"

#include <QJsonDocument>

namespace ow::sync {

using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

CatalogueEditorClient::CatalogueEditorClient(SyncClient &client)
    : m_client(client)
{
}

Result<CatalogueEditorSession> CatalogueEditorClient::signIn(
    const QString &staffNumber, const QString &password, const QString &hall)
{
    QJsonObject body {{u"staffNumber"_s, staffNumber}, {u"password"_s, password}};
    if (!hall.isEmpty())
        body.insert(u"hall"_s, hall);
    Result<QJsonObject> answer = m_client.call("POST", u"/catalogues/session"_s, {}, compact(body));
    if (!answer)
        return failWith(answer.error());
    CatalogueEditorSession session;
    session.token = answer->value(u"token"_s).toString();
    session.expires = cases::CaseJson::timeFrom(answer->value(u"expires"_s).toString());
    session.hall = answer->value(u"hall"_s).toString();
    session.staffNumber = answer->value(u"staffNumber"_s).toString();
    session.name = answer->value(u"name"_s).toString();
    m_client.setToken(session.token);
    return session;
}

MatterLock CatalogueEditorClient::lockFrom(const QJsonObject &object, const QString &staffNumber)
{
    MatterLock lock;
    lock.matter = object.value(u"matter"_s).toString();
    lock.editor = object.value(u"editor"_s).toString();
    lock.expires = cases::CaseJson::timeFrom(object.value(u"expires"_s).toString());
    lock.mine = lock.editor == staffNumber;
    return lock;
}

Result<MatterLock> CatalogueEditorClient::lock(const QString &matter)
{
    Result<QJsonObject> answer
        = m_client.call("POST", u"/catalogues/locks"_s, {}, compact({{u"matter"_s, matter}}));
    if (answer) {
        MatterLock taken = lockFrom(*answer, answer->value(u"editor"_s).toString());
        taken.mine = true;
        return taken;
    }
    // 409: another editor holds it; the answer says who and until when.
    if (m_client.lastFailure().status == 409 && m_client.lastFailure().body.contains(u"lock"_s))
        return lockFrom(m_client.lastFailure().body.value(u"lock"_s).toObject(), QString());
    return failWith(answer.error());
}

Result<void> CatalogueEditorClient::release(const QString &matter)
{
    Result<QJsonObject> answer
        = m_client.call("POST", u"/catalogues/locks/release"_s, {}, compact({{u"matter"_s, matter}}));
    if (!answer && m_client.lastFailure().status != 404)
        return failWith(answer.error());
    return {};
}

Result<QList<MatterLock>> CatalogueEditorClient::locks(const QString &staffNumber)
{
    Result<QJsonObject> answer = m_client.call("GET", u"/catalogues/locks"_s);
    if (!answer)
        return failWith(answer.error());
    QList<MatterLock> list;
    for (const QJsonValue &value : answer->value(u"locks"_s).toArray())
        list.append(lockFrom(value.toObject(), staffNumber));
    return list;
}

Result<QJsonObject> CatalogueEditorClient::submit(const SubmissionRequest &request)
{
    Result<CataloguePackage> package
        = CataloguePackage::fromDirectory(request.directory, request.catalogueId, request.version);
    if (!package)
        return failWith(package.error());
    QJsonObject body = package->toJson();
    body.insert(u"reason"_s, request.reason);
    body.insert(u"note"_s, request.note);
    body.insert(u"effective"_s, request.effective.toString(Qt::ISODate));
    // A package is up to several megabytes: the upload may take longer than a small call.
    m_client.setTimeout(120000);
    return m_client.call("POST", u"/catalogues/submissions"_s, {}, compact(body));
}

Result<QJsonArray> CatalogueEditorClient::submissions(const QString &staffNumber)
{
    Result<QJsonObject> answer = m_client.call("GET", u"/catalogues/submissions"_s);
    if (!answer)
        return failWith(answer.error());
    QJsonArray mine;
    // The server lists newest first. The list names each submission; its items and their comments
    // come with its status, fetched for the latest few only.
    for (const QJsonValue &value : answer->value(u"submissions"_s).toArray()) {
        if (value.toObject().value(u"editor"_s).toString() != staffNumber)
            continue;
        Result<QJsonObject> status = submission(value.toObject().value(u"id"_s).toInteger());
        if (!status)
            return failWith(status.error());
        mine.append(*status);
        if (mine.size() == kMaxSubmissions)
            break;
    }
    return mine;
}

Result<QJsonObject> CatalogueEditorClient::submission(qint64 id)
{
    return m_client.call("GET", u"/catalogues/submissions/%1"_s.arg(id));
}

Result<QJsonObject> CatalogueEditorClient::withdraw(qint64 id)
{
    return m_client.call("POST", u"/catalogues/submissions/%1/withdraw"_s.arg(id), {}, compact({}));
}

} // namespace ow::sync
