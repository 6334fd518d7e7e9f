#include "server/SmsHttpGateway.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace ow::server {

namespace {

// The inside of a JSON string holding `text`: what goes between the template's quotes.
QString jsonEscaped(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(2, array.size() - 4));
}

// The value at a dotted key of a JSON answer; numbers are given as text.
QString valueAt(const QJsonObject &object, const QString &key)
{
    QJsonValue value = object;
    for (const QString &part : key.split(QLatin1Char('.')))
        value = value.toObject().value(part);
    if (value.isDouble())
        return QString::number(value.toDouble(), 'f', 0);
    return value.toString();
}

} // namespace

SmsHttpGateway::SmsHttpGateway(Config config, QObject *parent)
    : SmsGateway(parent)
    , m_config(std::move(config))
    , m_network(new QNetworkAccessManager(this))
{
}

QByteArray SmsHttpGateway::body(const QString &template_, const SmsMessage &message)
{
    static const QString mobileKey = QStringLiteral("{mobile}");
    static const QString textKey = QStringLiteral("{text}");
    QString out;
    qsizetype at = 0;
    while (at < template_.size()) {
        if (template_.mid(at, mobileKey.size()) == mobileKey) {
            out += jsonEscaped(message.mobile);
            at += mobileKey.size();
        } else if (template_.mid(at, textKey.size()) == textKey) {
            out += jsonEscaped(message.text);
            at += textKey.size();
        } else {
            out += template_.at(at++);
        }
    }
    return out.toUtf8();
}

QList<QPair<QByteArray, QByteArray>> SmsHttpGateway::parseHeaders(const QString &text)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    for (const QString &entry : text.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const qsizetype colon = entry.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        headers.append({entry.left(colon).trimmed().toLatin1(), entry.mid(colon + 1).trimmed().toUtf8()});
    }
    return headers;
}

void SmsHttpGateway::send(const SmsMessage &message, Done done)
{
    QNetworkRequest request(m_config.url);
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json; charset=utf-8"));
    for (const auto &[name, value] : std::as_const(m_config.headers))
        request.setRawHeader(name, value);
    request.setTransferTimeout(m_config.timeoutMs);
    QNetworkReply *reply = m_network->post(request, body(m_config.body, message));
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done), idKey = m_config.idKey] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        SmsOutcome outcome;
        if (status >= 200 && status < 300) {
            // The provider took it: it counts as sent even without an id, since sending it again
            // could reach the phone twice.
            outcome.sent = true;
            if (!idKey.isEmpty())
                outcome.messageId = valueAt(QJsonDocument::fromJson(answer).object(), idKey);
        } else if (status != 0) {
            outcome.error = QCoreApplication::translate("ow::server", "The SMS gateway answered HTTP %1: %2")
                                .arg(status)
                                .arg(QString::fromUtf8(answer.left(200)).simplified());
        } else if (reply->error() == QNetworkReply::ConnectionRefusedError
            || reply->error() == QNetworkReply::HostNotFoundError) {
            outcome.error
                = QCoreApplication::translate("ow::server", "The SMS gateway could not be reached: %1")
                      .arg(reply->errorString());
        } else {
            // The request may have gone out before the answer was lost (a timeout, a connection
            // closed by the provider): whether the phone got it is not known.
            outcome.perhapsDelivered = true;
            outcome.error = QCoreApplication::translate(
                "ow::server", "The SMS gateway's answer was lost (%1); the message may have been sent.")
                                .arg(reply->errorString());
        }
        done(outcome);
    });
}

} // namespace ow::server
