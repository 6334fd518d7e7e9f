#include "sync/SyncClient.h"

#include "cases/CaseJson.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace ow::sync {

using namespace Qt::StringLiterals;

SyncClient::SyncClient(QUrl server, QString token)
    : m_server(std::move(server))
    , m_token(std::move(token))
{
    // Keep-alive connections are reused across the many requests of a round; nothing is cached.
    m_manager.setAutoDeleteReplies(false);
}

QUrl SyncClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_server;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    url.setPath(base + protocol::kApiBase + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

Failure SyncClient::failure(HttpFailure failed)
{
    m_lastFailure = std::move(failed);
    const HttpFailure &f = m_lastFailure;
    if (f.status == 0)
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::sync", "The server %1 cannot be reached: %2")
                .arg(m_server.toString(), f.message));
    const Error::Code code = f.retryable() ? Error::Code::Io
        : f.status == 404                  ? Error::Code::NotFound
                                           : Error::Code::Invalid;
    const QString what = f.code.isEmpty() ? QString::number(f.status) : f.code;
    return fail(code,
        QCoreApplication::translate("ow::sync", "The server answered %1 (%2): %3")
            .arg(f.status)
            .arg(what, f.message));
}

std::unique_ptr<QNetworkReply> SyncClient::exchange(const QByteArray &method, const QString &path,
    const QUrlQuery &query, const QByteArray &body, const QByteArray &contentType, QDateTime *sent)
{
    QNetworkRequest request(urlFor(path, query));
    request.setTransferTimeout(m_timeout);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!m_token.isEmpty())
        request.setRawHeader(QByteArray(protocol::kAuthorization.data(), protocol::kAuthorization.size()),
            (protocol::kBearer + m_token).toUtf8());
    const bool hasBody = method == "POST" || method == "PUT";
    if (hasBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    *sent = m_clock.nowUtc();
    request.setRawHeader(QByteArray(protocol::kSentHeader.data(), protocol::kSentHeader.size()),
        cases::CaseJson::timeText(*sent).toLatin1());

    std::unique_ptr<QNetworkReply> reply(hasBody ? m_manager.sendCustomRequest(request, method, body)
                                                 : m_manager.sendCustomRequest(request, method));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return reply;
}

Failure SyncClient::errorAnswer(int status, const QByteArray &data, QNetworkReply &reply)
{
    const QJsonObject document = QJsonDocument::fromJson(data).object();
    const QJsonObject error = document.value("error"_L1).toObject();
    QString message = error.value("message"_L1).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(data.left(200)).trimmed();
    if (message.isEmpty())
        message = reply.errorString();
    return failure(HttpFailure {status, error.value("code"_L1).toString(), message, document});
}

Result<QByteArray> SyncClient::download(const QString &path, QString *contentType, qint64 maxBytes)
{
    QDateTime sent;
    const std::unique_ptr<QNetworkReply> reply = exchange("GET", path, {}, {}, {}, &sent);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_lastStatus = status;
    const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
    // A connection dropped mid-body ends with an error although the status line came.
    if (status == 0 || reply->error() == QNetworkReply::RemoteHostClosedError
        || reply->error() == QNetworkReply::OperationCanceledError
        || reply->error() == QNetworkReply::TimeoutError)
        return failure(HttpFailure {0, {}, reply->errorString(), {}});
    if (status >= 400)
        return errorAnswer(status, data, *reply);
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() != data.size())
        return failure(HttpFailure {0, {},
            QCoreApplication::translate("ow::sync", "the answer ended after %1 of %2 bytes")
                .arg(data.size())
                .arg(length.toLongLong()),
            {}});
    if (maxBytes >= 0 && data.size() > maxBytes)
        return failure(HttpFailure {status, protocol::error::kTooLarge,
            QCoreApplication::translate("ow::sync", "the answer has %1 bytes, more than the %2 expected")
                .arg(data.size())
                .arg(maxBytes),
            {}});
    if (contentType)
        *contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    return data;
}

Result<QJsonObject> SyncClient::call(const QByteArray &method, const QString &path, const QUrlQuery &query,
    const QByteArray &body, const QByteArray &contentType)
{
    QDateTime sent;
    const std::unique_ptr<QNetworkReply> reply = exchange(method, path, query, body, contentType, &sent);

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_lastStatus = status;
    // An aborted reply (timeout) is closed; reading it would only warn.
    const QByteArray data = reply->isOpen() ? reply->readAll() : QByteArray();
    if (status == 0)
        return failure(HttpFailure {0, {}, reply->errorString(), {}});
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (status >= 400)
        return errorAnswer(status, data, *reply);
    if (data.isEmpty())
        return QJsonObject();
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return failure(HttpFailure {status, protocol::error::kBadJson,
            QCoreApplication::translate("ow::sync", "The server's answer is not a JSON object: %1")
                .arg(parseError.errorString()),
            {}});
    // The server's time against the middle of the exchange on this clock: off by at most half the
    // round trip, plenty for telling a clock minutes wrong.
    const QDateTime serverTime = cases::CaseJson::timeFrom(document.object().value("time"_L1).toString());
    if (serverTime.isValid()) {
        const qint64 middle = (sent.toMSecsSinceEpoch() + m_clock.nowUtc().toMSecsSinceEpoch()) / 2;
        m_serverOffsetMs = serverTime.toMSecsSinceEpoch() - middle;
    }
    return document.object();
}

Result<QJsonObject> SyncClient::health()
{
    return call("GET", protocol::kHealth);
}

Result<Enrolment> SyncClient::enrol(const QString &code, const QString &machine)
{
    const QJsonObject request {{"code"_L1, code}, {"machine"_L1, machine}};
    Result<QJsonObject> answer
        = call("POST", protocol::kEnrol, {}, QJsonDocument(request).toJson(QJsonDocument::Compact));
    if (!answer)
        return failWith(answer.error());
    Enrolment e;
    e.token = answer->value("token"_L1).toString();
    e.workstation = answer->value("workstation"_L1).toString();
    e.hall = answer->value("hall"_L1).toString();
    e.counter = answer->value("counter"_L1).toString();
    e.counterNumber = answer->value("counterNumber"_L1).toInt(-1);
    if (e.token.isEmpty() || e.hall.isEmpty() || e.counter.isEmpty() || e.counterNumber < 0)
        return fail(Error::Code::Parse,
            QCoreApplication::translate(
                "ow::sync", "The server's enrolment answer lacks the token, hall or counter."));
    return e;
}

Result<QList<EventResult>> SyncClient::postEvents(const QList<QByteArray> &payloads)
{
    // The payloads are already JSON text: splice them instead of parsing and serialising each.
    QByteArray body = "{\"events\":[";
    for (qsizetype i = 0; i < payloads.size(); ++i) {
        if (i > 0)
            body += ',';
        body += payloads.at(i);
    }
    body += "]}";
    Result<QJsonObject> answer = call("POST", protocol::kEvents, {}, body);
    if (!answer)
        return failWith(answer.error());
    QList<EventResult> results;
    for (const QJsonValue &value : answer->value("results"_L1).toArray()) {
        const QJsonObject o = value.toObject();
        results.append(EventResult {o.value("id"_L1).toString(), o.value("status"_L1).toString(),
            o.value("code"_L1).toString(), o.value("message"_L1).toString()});
    }
    return results;
}

namespace {

UploadStatus uploadStatusFrom(const QJsonObject &o)
{
    UploadStatus s;
    s.received = qint64(o.value("received"_L1).toDouble());
    const QJsonValue total = o.value("total"_L1);
    s.total = total.isDouble() ? qint64(total.toDouble()) : -1;
    s.complete = o.value("complete"_L1).toBool();
    return s;
}

} // namespace

Result<UploadStatus> SyncClient::uploadStatus(const QString &sha256)
{
    Result<QJsonObject> answer = call("GET", protocol::kAttachments + u'/' + sha256 + "/upload"_L1);
    if (!answer)
        return failWith(answer.error());
    return uploadStatusFrom(*answer);
}

Result<UploadStatus> SyncClient::uploadChunk(
    const QString &sha256, qint64 offset, qint64 total, const QByteArray &chunk)
{
    QUrlQuery query;
    query.addQueryItem(u"offset"_s, QString::number(offset));
    query.addQueryItem(u"total"_s, QString::number(total));
    Result<QJsonObject> answer = call("PUT", protocol::kAttachments + u'/' + sha256 + "/upload"_L1, query,
        chunk, "application/octet-stream");
    if (answer)
        return uploadStatusFrom(*answer);
    if (m_lastFailure.code == protocol::error::kOffsetMismatch) {
        UploadStatus s = uploadStatusFrom(m_lastFailure.body);
        s.total = total;
        return s;
    }
    return failWith(answer.error());
}

Result<ChangesPage> SyncClient::changes(const QString &after, int limit)
{
    QUrlQuery query;
    if (!after.isEmpty())
        query.addQueryItem(u"after"_s, after);
    query.addQueryItem(u"limit"_s, QString::number(limit));
    Result<QJsonObject> answer = call("GET", protocol::kChanges, query);
    if (!answer)
        return failWith(answer.error());
    ChangesPage page;
    for (const QJsonValue &value : answer->value("changes"_L1).toArray())
        page.events.append(value.toObject().value("event"_L1).toObject());
    // The cursor is opaque text; accept a number too, as JSON writers are apt to make one.
    const QJsonValue cursor = answer->value("cursor"_L1);
    page.cursor = cursor.isDouble() ? QString::number(qint64(cursor.toDouble())) : cursor.toString(after);
    page.more = answer->value("more"_L1).toBool();
    return page;
}

Result<QJsonObject> SyncClient::fetchCase(const QString &number)
{
    return call("GET", protocol::kCases + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(number)));
}

} // namespace ow::sync
