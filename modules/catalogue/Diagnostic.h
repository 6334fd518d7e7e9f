#pragma once

#include "core/Error.h"

#include <QList>
#include <QString>

namespace ow::catalogue {

/// One finding of the loader or the linter, located in a catalogue file.
struct Diagnostic
{
    enum class Severity
    {
        Error,
        Warning
    };
    Severity severity = Severity::Error;
    QString rule; ///< stable rule id, e.g. "parse", "unknown-id", "unreachable-question"
    QString message; ///< translated, says what is wrong and what to do
    SourceLocation where;

    /// "file:line: error: message [rule]"
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace ow::catalogue
