#pragma once

#include "core/Clock.h"
#include "sync/SyncClient.h"

#include <QDate>
#include <QTimeZone>
#include <optional>

namespace ow::sync {

/// Keeps a workstation's copy of the published catalogue: asks the server for the current
/// version, downloads and verifies a new one, unpacks it under <data dir>/catalogues/<version>/
/// (temporary folder + rename) and keeps the current and the previous version. The next version the
/// server announces (published, effective on a later day) is fetched ahead the same way and used from
/// its effective day on, by the workstation's clock in the hall's time zone: offline too.
class CatalogueUpdater
{
public:
    CatalogueUpdater(SyncClient &client, QString dataDirectory, Clock clock = {})
        : m_client(client)
        , m_dataDirectory(std::move(dataDirectory))
        , m_clock(std::move(clock))
    {
    }

    /// The hall's time zone, for the day a version takes effect, when the server does not name one
    /// (default Asia/Shanghai, like the server's).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    static QTimeZone defaultTimeZone();

    /// The folder of the version to use now (the current one, downloaded if it was not here yet; the
    /// next one once its day has come), after fetching the next one ahead.
    Result<QString> update();

    /// A version fetched ahead of its effective day.
    struct Scheduled
    {
        QString version;
        QDate effective;
        QTimeZone zone; ///< where the day is counted
    };
    /// The next version waiting under the data folder, if any.
    static std::optional<Scheduled> scheduled(const QString &dataDirectory);

    static QString cataloguesDirectory(const QString &dataDirectory);
    /// The catalogue to use now: the next version fetched ahead once its effective day has come by
    /// `clock`, else the newest installed; empty when there is none. main.cpp prefers it to the
    /// bundled one at start.
    static QString latestLocalCatalogue(const QString &dataDirectory, const Clock &clock);
    /// The same by the system clock.
    static QString latestLocalCatalogue(const QString &dataDirectory);

private:
    /// Records `version` as the newest and deletes all but the two newest.
    Result<void> remember(const QString &version);
    /// Downloads, checks against `sha256` (when given) and unpacks `version`, unless it is here.
    Result<QString> install(const QString &version, const QString &sha256);
    /// Fetches the announced next version ahead and records its day; forgets one no longer announced.
    Result<void> prefetch(const QJsonObject &next);

    SyncClient &m_client;
    QString m_dataDirectory;
    Clock m_clock;
    QTimeZone m_zone = defaultTimeZone();
};

} // namespace ow::sync
