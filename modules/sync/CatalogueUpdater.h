#pragma once

#include "sync/SyncClient.h"

namespace ow::sync {

/// Keeps a workstation's copy of the published catalogue: asks the server for the current
/// version, downloads and verifies a new one, unpacks it under <data dir>/catalogues/<version>/
/// (temporary folder + rename) and keeps the current and the previous version.
class CatalogueUpdater
{
public:
    CatalogueUpdater(SyncClient &client, QString dataDirectory)
        : m_client(client)
        , m_dataDirectory(std::move(dataDirectory))
    {
    }

    /// The folder of the current version, downloaded if it was not here yet.
    Result<QString> update();

    static QString cataloguesDirectory(const QString &dataDirectory);
    /// The newest catalogue installed under the data folder, or empty when there is none; main.cpp
    /// prefers it to the bundled one at start.
    static QString latestLocalCatalogue(const QString &dataDirectory);

private:
    /// Records `version` as the newest and deletes all but the two newest.
    Result<void> remember(const QString &version);

    SyncClient &m_client;
    QString m_dataDirectory;
};

} // namespace ow::sync
