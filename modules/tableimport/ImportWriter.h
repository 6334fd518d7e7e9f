#pragma once

#include "catalogue/Diagnostic.h"
#include "core/Result.h"
#include "tableimport/ImportPlan.h"

#include <QString>
#include <QStringList>

namespace ow::tableimport {

/// What applying a plan did: the lint of the catalogue with the plan applied, and the files written.
struct ImportResult
{
    catalogue::Diagnostics errors; ///< lint errors with the plan applied: any of them, and nothing is written
    catalogue::Diagnostics warnings; ///< lint warnings in the files the plan writes
    QStringList written; ///< relative paths, in the order written; empty for a dry run or on errors
};

/// Applies an import plan to its catalogue folder, all or nothing: the plan's files are first written
/// into a copy of the folder, which must lint without errors; only then are the files replaced in the
/// folder itself, each atomically (the new material file first, so no moment of the folder names a
/// material it lacks), and only if the matter's file is still the one planned against.
class ImportWriter
{
public:
    /// `write` false: lint the copy only (a dry run). An error for a plan with refused rows, a folder
    /// that changed since planning, or a file that could not be written.
    static Result<ImportResult> apply(const ImportPlan &plan, const QString &catalogueDir, bool write);
};

} // namespace ow::tableimport
