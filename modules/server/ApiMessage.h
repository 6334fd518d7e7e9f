#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace ow::server {

/// One HTTP request as the API handlers see it: independent of the HTTP library, so handlers
/// can be called from tests and the fuzzer without a socket.
struct ApiRequest
{
    QByteArray method; ///< "GET", "POST", "PUT"
    QString path; ///< decoded path, e.g. "/api/v1/events"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remote;

    /// The value of a header (case-insensitive name); empty when absent.
    QByteArray header(QByteArrayView name) const;
};

/// What a handler answers. `credentialId` is filled in for the request log.
struct ApiReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiReply json(int status, const QJsonObject &object);
    /// {"error": {"code", "message"}} plus any extra keys at the top level (e.g. "received").
    static ApiReply error(
        int status, QLatin1StringView code, const QString &message, const QJsonObject &extra = {});
};

} // namespace ow::server
