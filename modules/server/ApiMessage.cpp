#include "server/ApiMessage.h"

#include <QJsonDocument>

namespace ow::server {

QByteArray ApiRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers)
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

ApiReply ApiReply::json(int status, const QJsonObject &object)
{
    ApiReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

ApiReply ApiReply::error(int status, QLatin1StringView code, const QString &message, const QJsonObject &extra)
{
    QJsonObject object = extra;
    object.insert(QStringLiteral("error"),
        QJsonObject {{QStringLiteral("code"), QString(code)}, {QStringLiteral("message"), message}});
    return json(status, object);
}

} // namespace ow::server
