#pragma once

#include "core/Error.h"

#include <QList>
#include <QString>

namespace ow::catalogue {

/// One finding of the loader or the linter, located in a catalogue file.
struct Diagnostic
{
    /// The longest message written out: input is quoted in short excerpts, and this bounds the rest.
    static constexpr qsizetype kMaxMessageLength = 500;

    enum class Severity
    {
        Error,
        Warning
    };
    Severity severity = Severity::Error;
    QString rule; ///< stable rule id, e.g. "parse", "unknown-id", "unreachable-question"
    QString message; ///< translated, says what is wrong and what to do
    SourceLocation where;

    /// "file:line: error: message [rule]", the message escaped and bounded (InputExcerpt::bounded)
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace ow::catalogue
