#pragma once

#include "catalogue/Catalogue.h"
#include "core/Result.h"
#include "tableimport/ImportPlan.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace ow::tableimport {

/// The text an import writes, in the catalogue format: a new material file for the materials it
/// creates, and the `require` lines it adds after the last line of the matter's block. Every other
/// byte of the matter's file stays as it was (comments, order, line ends, a byte-order mark).
class ImportText
{
public:
    /// Fills the plan's files from its materials and requirements; reads the matter's file.
    static Result<void> fill(
        ImportPlan &plan, const catalogue::Catalogue &catalogue, const catalogue::Matter &matter);
    /// The same against texts held in memory (relative path → text, the editor's open catalogue): the
    /// matter's file is read from `texts`, and the new material file's name is one neither `texts`
    /// nor the folder has.
    static Result<void> fill(ImportPlan &plan, const catalogue::Catalogue &catalogue,
        const catalogue::Matter &matter, const QHash<QString, QString> *texts);

    /// A created material's block, from `material ID: NAME` to its last point, each line ending in "\n".
    static QString materialBlock(const PlannedMaterial &material);
    /// A requirement's lines, indented under a matter at column 0.
    static QString requirementLines(const PlannedRequirement &requirement);
    /// `text` with `lines` (each ending in "\n") inserted after the last line of the block whose first line
    /// is `line` (1-based): the last indented line before the next line at column 0 that is not a comment.
    /// The file's own line ends are used for the new lines.
    static Result<QByteArray> insertIntoBlock(const QByteArray &text, int line, const QString &lines);
};

} // namespace ow::tableimport
