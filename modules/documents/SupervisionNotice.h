#pragma once

#include "core/Result.h"
#include "documents/Document.h"
#include "documents/DocumentContext.h"
#include "supervision/Warning.h"

#include <QDate>
#include <QList>

namespace ow::documents {

/// The 督办单 (supervision notice) the supervising office sends a department: its cases warned on a
/// day, red before yellow, each with the stage, the warning, who answers for it and since when,
/// and lines for the department's answer. The wording is the hall's ([supervision-notice]).
class SupervisionNotice
{
public:
    /// The notice of `departmentName` for `warnings` (all of that department) as they stood on `day`.
    static Result<Document> build(const QString &departmentId, const QString &departmentName,
        QList<supervision::Warning> warnings, QDate day, const DocumentContext &context);
};

} // namespace ow::documents
