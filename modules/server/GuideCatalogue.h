#pragma once

#include "catalogue/MatterSearch.h"
#include "catalogue/SituationEngine.h"
#include "server/CatalogueRepository.h"

#include <memory>

namespace ow::server {

/// The hall's current published catalogue as the self-service checklist (/guide/) reads it: the
/// package unpacked once into the data folder (its sample images and blank forms are served from
/// there) and loaded with the same engine and search the counter uses, kept until another version
/// becomes current.
class GuideCatalogue
{
public:
    struct Loaded
    {
        catalogue::CataloguePtr catalogue;
        catalogue::SituationEngine engine;
        catalogue::MatterSearch search;
        QString version;
    };

    /// `directory` holds one unpacked folder per version.
    GuideCatalogue(const CatalogueRepository &repository, QString directory);

    /// The current version, loaded; null when nothing was published yet.
    Result<std::shared_ptr<const Loaded>> current();

private:
    const CatalogueRepository &m_repository;
    QString m_directory;
    std::shared_ptr<const Loaded> m_loaded;
};

} // namespace ow::server
