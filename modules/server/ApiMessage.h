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

/// Where a request body goes as it arrives when it is not held in memory (a scan's upload chunk
/// goes to its partial file). The front end hands over the bytes in pieces of its own choosing,
/// then asks for the answer.
class BodySink
{
public:
    virtual ~BodySink() = default;
    /// Takes the next piece of the body; false when it cannot (then refusal() is the answer).
    virtual bool write(QByteArrayView bytes) = 0;
    /// Why write() failed, as the answer to send.
    virtual ApiReply refusal() const = 0;
    /// The whole body was taken: the answer. A sink dropped without finish() keeps nothing of it.
    virtual ApiReply finish() = 0;
};

} // namespace ow::server
