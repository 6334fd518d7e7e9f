#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"
#include "core/Result.h"

#include <QHash>
#include <memory>

namespace ow::catalogue {

struct LoadMemo;

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
        /// What this load read from each file given as text, for the next load (the overload with a
        /// memo only).
        std::shared_ptr<const LoadMemo> memo;
    };

    static Outcome load(const QString &directory);
    /// The same, with the text of some files given instead of read (relative path → text, no
    /// byte-order mark): the editor lints what is being typed without writing it. A file given here
    /// counts as present even when it is not on disk yet; samples and forms are still read from disk.
    static Outcome load(const QString &directory, const QHash<QString, QString> &texts);
    /// The same, reading again only the files whose text differs from what the load that made
    /// `previous` read (a matter file, or everything when the material library, the departments or
    /// catalogue.txt changed): the editor's load after each edit. The outcome is the one a full load
    /// gives, and carries the memo for the next load. Samples and forms on disk are looked at again
    /// only when the material library is read again.
    static Outcome load(const QString &directory, const QHash<QString, QString> &texts,
        std::shared_ptr<const LoadMemo> previous);
    /// The same, for callers that only want a catalogue or the first error.
    static Result<CataloguePtr> loadOrError(const QString &directory);
};

} // namespace ow::catalogue
