#pragma once

// Catalogues the benchmarks measure against: a synthetic one of Lucheng's size, generated once per
// process into a temporary folder, and the bundled demo catalogue.

#include "SyntheticCatalogue.h"
#include "catalogue/CatalogueLoader.h"

#include <QMap>
#include <QTemporaryDir>
#include <memory>

namespace ow::bench {

/// The folder of a synthetic catalogue with `matters` matters (seed 1), or empty when it could not be
/// written.
inline QString syntheticCatalogueDir(int matters = 1060)
{
    static QMap<int, std::shared_ptr<QTemporaryDir>> dirs;
    if (!dirs.contains(matters)) {
        auto dir = std::make_shared<QTemporaryDir>();
        ow::synthgen::SyntheticCatalogue::Options options;
        options.matters = matters;
        const bool written
            = dir->isValid() && ow::synthgen::SyntheticCatalogue::write(dir->path(), options).has_value();
        dirs.insert(matters, written ? dir : nullptr);
    }
    const auto dir = dirs.value(matters);
    return dir ? dir->path() : QString();
}

/// The loaded synthetic catalogue, or null when it could not be generated or loaded.
inline ow::catalogue::CataloguePtr syntheticCatalogue(int matters = 1060)
{
    static QMap<int, ow::catalogue::CataloguePtr> loaded;
    if (!loaded.contains(matters)) {
        const QString dir = syntheticCatalogueDir(matters);
        loaded.insert(matters, dir.isEmpty() ? nullptr : ow::catalogue::CatalogueLoader::load(dir).catalogue);
    }
    return loaded.value(matters);
}

/// The demo catalogue in resources/catalogue/demo, or null when it does not load without errors.
inline ow::catalogue::CataloguePtr demoCatalogue()
{
    static const ow::catalogue::CataloguePtr catalogue
        = ow::catalogue::CatalogueLoader::load(QStringLiteral(OW_DEMO_CATALOGUE)).catalogue;
    return catalogue;
}

} // namespace ow::bench
