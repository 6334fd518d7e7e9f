#pragma once

// Shared helpers of the GUI tests: the test catalogue, and (ScreenTestSupport.h) keys to whatever has
// the focus and screenshots.

#include "ScreenTestSupport.h"
#include "catalogue/CatalogueLoader.h"

namespace ow::test {

/// The catalogue the GUI tests are written against (tests/data/ui), loaded once.
inline catalogue::CataloguePtr uiCatalogue()
{
    static catalogue::CataloguePtr loaded = [] {
        const catalogue::CatalogueLoader::Outcome outcome
            = catalogue::CatalogueLoader::load(QStringLiteral(OW_TEST_DATA_DIR "/ui"));
        for (const catalogue::Diagnostic &diagnostic : outcome.diagnostics)
            if (diagnostic.severity == catalogue::Diagnostic::Severity::Error)
                qWarning().noquote() << diagnostic.toString();
        return outcome.catalogue;
    }();
    return loaded;
}

} // namespace ow::test
