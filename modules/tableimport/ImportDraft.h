#pragma once

#include "catalogue/Diagnostic.h"
#include "core/Result.h"
#include "tableimport/ImportPlan.h"
#include "tableimport/MaterialTable.h"

#include <QHash>
#include <QString>
#include <functional>

namespace ow::tableimport {

/// An import planned against a catalogue held in memory (the editor's open catalogue, edits not yet
/// saved included) rather than the folder on disk: the plan, the new text of every file it adds or
/// changes, and the lint errors those texts would bring. Writes nothing; the editor applies the texts
/// as edits of its document, which it saves like any other change.
class ImportDraft
{
public:
    /// The steps reported while a draft is worked out (a table of thousands of rows takes a moment).
    enum class Step
    {
        Loading, ///< the catalogue from the texts
        Planning, ///< the rows onto the matter
        Checking, ///< the lint with the plan applied
    };

    ImportPlan plan;
    QHash<QString, QString> texts; ///< relative path → the file's text with the plan applied (new files too)
    /// Errors of the loader and the linter in the plan's files that the catalogue did not have before:
    /// any of them, and the import is refused as a whole like a refused row.
    catalogue::Diagnostics errors;
    catalogue::Diagnostics warnings; ///< the lint's warnings in the plan's files, for the author

    /// Whether the draft may be applied: no refused row, no error it brings, something to add.
    bool applicable() const { return plan.writable() && errors.isEmpty(); }

    /// Plans `table` into matter `matterCode` of the catalogue whose files are `texts` (relative path →
    /// text, as CatalogueLoader::load takes them; samples and forms read from `directory`). An error for
    /// the import as a whole: the catalogue does not load, no such matter, no header or rows.
    static Result<ImportDraft> make(const QString &directory, const QHash<QString, QString> &texts,
        const MaterialTable &table, const QString &matterCode, const QString &tableName,
        const std::function<void(Step)> &progress = {});
};

} // namespace ow::tableimport
