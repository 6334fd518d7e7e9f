#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"
#include "core/Result.h"

#include <QHash>

namespace ow::catalogue {

/// Reads a catalogue folder (docs/catalogue-format.md) into an immutable Catalogue.
/// Reports every problem it finds, each with file and line, rather than stopping at the first.
class CatalogueLoader
{
public:
    struct Outcome
    {
        CataloguePtr catalogue; ///< null when any Error-severity diagnostic was found
        /// What could be read, also when errors were found (a definition with an error may then be
        /// missing or incomplete): the linter checks it, so that one error hides no warning.
        CataloguePtr partial;
        Diagnostics diagnostics; ///< errors and warnings, in file order
    };

    static Outcome load(const QString &directory);
    /// The same, with the text of some files given instead of read (relative path → text, no
    /// byte-order mark): the editor lints what is being typed without writing it. A file given here
    /// counts as present even when it is not on disk yet; samples and forms are still read from disk.
    static Outcome load(const QString &directory, const QHash<QString, QString> &texts);
    /// The same, for callers that only want a catalogue or the first error.
    static Result<CataloguePtr> loadOrError(const QString &directory);
};

} // namespace ow::catalogue
