#include "server/GuideCatalogue.h"

#include "catalogue/CatalogueLoader.h"
#include "sync/CataloguePackage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace ow::server {

GuideCatalogue::GuideCatalogue(const CatalogueRepository &repository, QString directory)
    : m_repository(repository)
    , m_directory(std::move(directory))
{
}

Result<std::shared_ptr<const GuideCatalogue::Loaded>> GuideCatalogue::current()
{
    Result<std::optional<QJsonObject>> current = m_repository.current();
    if (!current)
        return failWith(current.error());
    if (!*current)
        return std::shared_ptr<const Loaded>();
    const QString version = (*current)->value(QStringLiteral("version")).toString();
    if (m_loaded && m_loaded->version == version)
        return m_loaded;
    // The version was checked as a safe file name when it was published (its package is stored
    // under it); unpacked once, the folder is reused after a restart.
    const QString folder = m_directory + QLatin1Char('/') + version;
    if (!QDir(folder).exists()) {
        Result<std::optional<QString>> path = m_repository.packagePath(version);
        if (!path)
            return failWith(path.error());
        if (!*path)
            return std::shared_ptr<const Loaded>();
        QFile file(**path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io, file.errorString());
        Result<sync::CataloguePackage> package = sync::CataloguePackage::fromJson(file.readAll());
        if (!package)
            return failWith(package.error());
        Result<void> unpacked = package->unpack(folder);
        if (!unpacked)
            return failWith(unpacked.error());
    }
    Result<catalogue::CataloguePtr> loaded = catalogue::CatalogueLoader::loadOrError(folder);
    if (!loaded)
        return failWith(loaded.error());
    m_loaded = std::make_shared<const Loaded>(
        Loaded {*loaded, catalogue::SituationEngine(*loaded), catalogue::MatterSearch(*loaded), version});
    return m_loaded;
}

} // namespace ow::server
