#pragma once

#include "server/SmsGateway.h"

#include <QList>
#include <QPair>
#include <QUrl>

class QNetworkAccessManager;

namespace ow::server {

/// A provider's HTTP interface: one POST per message to `url` with `headers` and `body`, where
/// {mobile} and {text} are replaced by the number and the text, each escaped as the inside of a
/// JSON string. A 2xx answer is a sent message; its id is read from the JSON answer at `idKey`
/// (dots go into nested objects: "result.msgid"). Asynchronous (QNetworkAccessManager), so a slow
/// provider never holds up a request to the server.
class SmsHttpGateway : public SmsGateway
{
    Q_OBJECT

public:
    struct Config
    {
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString body = QStringLiteral(R"({"mobile": "{mobile}", "text": "{text}"})");
        QString idKey = QStringLiteral("id");
        int timeoutMs = 15000; ///< the whole exchange; a provider that takes longer is a failure
    };

    explicit SmsHttpGateway(Config config, QObject *parent = nullptr);

    void send(const SmsMessage &message, Done done) override;

    /// `template_` with {mobile} and {text} replaced in one pass (a text holding "{mobile}" stays
    /// as it is), JSON-escaped.
    static QByteArray body(const QString &template_, const SmsMessage &message);
    /// "Name: value | Name: value" (server.conf's sms_headers) as header pairs.
    static QList<QPair<QByteArray, QByteArray>> parseHeaders(const QString &text);

private:
    Config m_config;
    QNetworkAccessManager *m_network;
};

} // namespace ow::server
