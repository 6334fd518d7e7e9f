#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"

#include <QSet>

namespace ow::catalogue {

/// What the linter found in a catalogue, and what it counted on the way.
struct LintReport
{
    Diagnostics diagnostics; ///< the linter's findings (not the loader's), sorted by file and line
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

    /// `catalogue` is what the loader read (CatalogueLoader::Outcome::partial); `loadErrors` are the
    /// loader's diagnostics. A matter with a loader error in it is counted but not checked further:
    /// its rules would reason about a half-read matter. Everything else is checked, so one error
    /// hides no warning.
    explicit Linter(CataloguePtr catalogue, Diagnostics loadErrors = {});

    /// Checks only the matters written in these files (relative paths) and leaves out the rules of the
    /// material library, which need every matter: how the editor re-lints the matter being edited.
    void checkOnly(QSet<QString> matterFiles) { m_onlyFiles = std::move(matterFiles); }

    LintReport run() const;

private:
    /// Indexes into the catalogue's matters of those a loader error lies in.
    QSet<qsizetype> damagedMatters() const;

    CataloguePtr m_catalogue;
    Diagnostics m_loadErrors;
    QSet<QString> m_onlyFiles; ///< empty: every matter and the material library
};

} // namespace ow::catalogue
