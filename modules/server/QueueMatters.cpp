#include "server/QueueMatters.h"

#include "catalogue/CatalogueLoader.h"
#include "sync/CataloguePackage.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

namespace ow::server {

using namespace Qt::StringLiterals;

QueueMatters::QueueMatters(const CatalogueRepository &catalogues)
    : m_catalogues(catalogues)
{
}

Result<void> QueueMatters::refresh()
{
    Result<std::optional<QJsonObject>> current = m_catalogues.current();
    if (!current)
        return failWith(current.error());
    const QString version = *current ? (*current)->value(u"version"_s).toString() : QString();
    if (version == m_version)
        return {};
    m_matters.clear();
    m_bundles.clear();
    m_version = version;
    if (version.isEmpty())
        return {};
    Result<std::optional<QString>> path = m_catalogues.packagePath(version);
    if (!path)
        return failWith(path.error());
    QFile file(path->value_or(QString()));
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, file.errorString());
    Result<sync::CataloguePackage> package = sync::CataloguePackage::fromJson(file.readAll());
    if (!package)
        return failWith(package.error());
    QTemporaryDir folder;
    const QString unpackTo = folder.filePath(u"catalogue"_s); // unpack() wants a new folder
    if (Result<void> unpacked = package->unpack(unpackTo); !unpacked)
        return unpacked;
    Result<catalogue::CataloguePtr> loaded = catalogue::CatalogueLoader::loadOrError(unpackTo);
    if (!loaded) {
        m_version.clear();
        return failWith(loaded.error());
    }
    for (const catalogue::Matter &matter : (*loaded)->matters)
        m_matters.insert(matter.code);
    for (const catalogue::Bundle &bundle : (*loaded)->bundles)
        m_bundles.insert(bundle.id);
    return {};
}

Result<QString> QueueMatters::problem(const QString &matter, const QString &bundle)
{
    if (matter.isEmpty() && bundle.isEmpty())
        return QString();
    if (Result<void> fresh = refresh(); !fresh)
        return failWith(fresh.error());
    if (m_version.isEmpty())
        return QCoreApplication::translate(
            "ow::server", "No catalogue is published on this server, so no matter can be chosen yet.");
    if (!matter.isEmpty() && !m_matters.contains(matter))
        return QCoreApplication::translate("ow::server", "There is no matter “%1” in catalogue %2.")
            .arg(matter, m_version);
    if (!bundle.isEmpty() && !m_bundles.contains(bundle))
        return QCoreApplication::translate("ow::server", "There is no bundle “%1” in catalogue %2.")
            .arg(bundle, m_version);
    return QString();
}

} // namespace ow::server
