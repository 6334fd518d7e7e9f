#include "sharing/HttpDataSharingPlatform.h"

#include "core/ClockTimer.h"
#include "sharing/SharingWire.h"
#include "sync/PushSignature.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUuid>
#include <memory>

namespace ow::sharing {

namespace {

/// What happened to one fetch while it ran.
struct Flight
{
    bool timedOut = false;
    bool tooLarge = false;
};

QString platformMessage(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString().left(200);
}

} // namespace

HttpDataSharingPlatform::Settings HttpDataSharingPlatform::Settings::fromConfig(
    const QString &endpoint, const QString &appId, const QString &secret, const QString &timeoutSeconds)
{
    Settings settings;
    settings.endpoint = QUrl(endpoint.trimmed());
    settings.appId = appId.trimmed();
    settings.secret = secret.trimmed().toUtf8();
    bool ok = false;
    const int seconds = timeoutSeconds.toInt(&ok);
    if (ok && seconds >= 1 && seconds <= 300)
        settings.timeoutMs = seconds * 1000;
    return settings;
}

HttpDataSharingPlatform::HttpDataSharingPlatform(Settings settings, Clock clock, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_clock(std::move(clock))
    , m_network(new QNetworkAccessManager(this))
{
}

bool HttpDataSharingPlatform::isConfigured() const
{
    return m_settings.endpoint.isValid() && !m_settings.endpoint.isEmpty();
}

void HttpDataSharingPlatform::fetch(const SharedRequest &request, Done done)
{
    if (!isConfigured()) {
        done(fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::sharing",
                "No data-sharing platform is configured on this workstation (sharing-endpoint).")));
        return;
    }
    const QByteArray body = SharingWire::requestBody(request);
    const qint64 timestamp = m_clock.nowUtc().toSecsSinceEpoch();
    QUrl url = m_settings.endpoint;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0)
        + QString::fromLatin1(SharingWire::kPath));
    QNetworkRequest http(url);
    http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    http.setRawHeader(SharingWire::kAppHeader, m_settings.appId.toUtf8());
    http.setRawHeader(SharingWire::kRequestHeader, QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    http.setRawHeader(sync::PushSignature::kTimestampHeader, QByteArray::number(timestamp));
    http.setRawHeader(
        sync::PushSignature::kSignatureHeader, sync::PushSignature::sign(m_settings.secret, timestamp, body));
    QNetworkReply *reply = m_network->post(http, body);

    auto flight = std::make_shared<Flight>();
    // Our own timer rather than the transfer timeout, so a timeout is told apart from a cancel, and
    // measured on the clock, so tests let the time pass instead of waiting it out.
    auto *timer = new ClockTimer(m_clock, reply);
    connect(timer, &ClockTimer::timeout, reply, [reply, flight] {
        flight->timedOut = true;
        reply->abort();
    });
    timer->start(m_settings.timeoutMs);
    const qint64 maxBytes = m_settings.maxBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply,
        [reply, flight, maxBytes](qint64 received, qint64 total) {
            if (!flight->tooLarge && (received > maxBytes || total > maxBytes)) {
                flight->tooLarge = true;
                reply->abort();
            }
        });
    const QString appId = m_settings.appId;
    const int timeoutSeconds = std::max(1, m_settings.timeoutMs / 1000);
    const Clock clock = m_clock;
    connect(reply, &QNetworkReply::finished, this,
        [reply, flight, done = std::move(done), request, appId, timeoutSeconds, maxBytes, clock] {
            reply->deleteLater();
            const QByteArray answer = flight->tooLarge ? QByteArray() : reply->read(maxBytes + 1);
            if (flight->tooLarge || answer.size() > maxBytes) {
                done(fail(Error::Code::Unsupported,
                    QCoreApplication::translate("ow::sharing",
                        "The data-sharing platform's answer is larger than the %1 KB a shared material may "
                        "be.")
                        .arg(maxBytes / 1024)));
                return;
            }
            if (flight->timedOut) {
                done(fail(Error::Code::Io,
                    QCoreApplication::translate("ow::sharing",
                        "The data-sharing platform did not answer within %n second(s).", nullptr,
                        timeoutSeconds)));
                return;
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            switch (status) {
            case 200:
                break;
            case 404:
                done(fail(Error::Code::NotFound,
                    QCoreApplication::translate(
                        "ow::sharing", "The data-sharing platform has no record of %1 for this %2.")
                        .arg(request.materialName, SharedKey::displayName(request.key.kind))));
                return;
            case 401:
            case 403:
                done(fail(Error::Code::Invalid,
                    QCoreApplication::translate("ow::sharing",
                        "The data-sharing platform refused this workstation's credentials (app %1): check "
                        "sharing-app-id and sharing-secret.")
                        .arg(appId)));
                return;
            case 0:
                done(fail(Error::Code::Io,
                    QCoreApplication::translate(
                        "ow::sharing", "The data-sharing platform cannot be reached: %1.")
                        .arg(reply->errorString())));
                return;
            default: {
                const QString message = platformMessage(answer);
                done(fail(Error::Code::Io,
                    QCoreApplication::translate("ow::sharing",
                        "The data-sharing platform is unavailable (HTTP %1)%2; try again later or take the "
                        "paper.")
                        .arg(status)
                        .arg(message.isEmpty() ? QString() : QStringLiteral(": ") + message)));
                return;
            }
            }
            Result<SharedDocument> document = SharingWire::documentFrom(answer);
            if (document)
                document->fetchedAt = clock.nowUtc();
            done(std::move(document));
        });
}

} // namespace ow::sharing
