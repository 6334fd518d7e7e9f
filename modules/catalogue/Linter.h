#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"

namespace ow::catalogue {

/// What the linter found in a catalogue, and what it counted on the way.
struct LintReport
{
    Diagnostics diagnostics; ///< warnings, sorted by file and line
    int matters = 0;
    int questions = 0; ///< summed over matters
    int situations = 0; ///< summed over matters; a truncated matter counts the situations enumerated
    int materials = 0;
    int bundles = 0;
    bool truncated = false; ///< some matter had more situations than the linter enumerates
};

/// The catalogue linter (docs/catalogue-format.md §11): enumerates every situation of every matter and
/// reports the checks the loader cannot make — unreachable questions and options, constant conditions,
/// questions without effect, identical options, unused materials and the library's completeness rules.
class Linter
{
public:
    /// Situations enumerated per matter before `too-many-situations` is reported.
    static constexpr int SituationLimit = 10000;

    /// `catalogue` must have loaded without errors.
    explicit Linter(CataloguePtr catalogue);

    LintReport run() const;

private:
    CataloguePtr m_catalogue;
};

} // namespace ow::catalogue
