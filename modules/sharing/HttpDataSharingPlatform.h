#pragma once

#include "core/Clock.h"
#include "sharing/DataSharingPlatform.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace ow::sharing {

/// The data-sharing platform over HTTP (docs/data-sharing.md): each fetch a signed POST to the
/// endpoint, bounded in time and size, its answer read into a SharedDocument. Every failure is an
/// error naming its cause for the clerk: not found, refused credentials, timeout, malformed answer,
/// too large, unavailable or unreachable.
class HttpDataSharingPlatform : public QObject, public DataSharingPlatform
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutSeconds = 15;
    static constexpr qint64 kDefaultMaxBytes = 8 * 1024 * 1024;

    struct Settings
    {
        QUrl endpoint; ///< the platform's base URL; empty: not configured
        QString appId;
        QByteArray secret;
        int timeoutMs = kDefaultTimeoutSeconds * 1000;
        qint64 maxBytes = kDefaultMaxBytes; ///< the answer's body, base64 and all

        /// From the workstation's settings (sharing-endpoint, sharing-app-id, sharing-secret,
        /// sharing-timeout in seconds); a timeout that is not a number from 1 to 300 keeps the default.
        static Settings fromConfig(const QString &endpoint, const QString &appId, const QString &secret,
            const QString &timeoutSeconds);
    };

    HttpDataSharingPlatform(Settings settings, Clock clock, QObject *parent = nullptr);

    bool isConfigured() const override;
    void fetch(const SharedRequest &request, Done done) override;

    const Settings &settings() const { return m_settings; }

private:
    Settings m_settings;
    Clock m_clock;
    QNetworkAccessManager *m_network = nullptr;
};

} // namespace ow::sharing
