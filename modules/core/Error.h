#pragma once

#include <QString>

namespace ow {

/// Where something came from in a human-edited file: path, 1-based line and column (0 = unknown).
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;

    bool isValid() const { return !file.isEmpty(); }
    /// "file:line:column", "file:line" or "file" — the form editors and compilers use.
    QString toString() const;
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

/// A failure with a translated, human-readable message and, where it applies, the place in a file.
class Error
{
public:
    enum class Code
    {
        Io, ///< a file could not be read or written
        Parse, ///< text that does not follow its grammar
        Invalid, ///< well-formed but wrong: unknown id, bad value, broken rule
        NotFound, ///< asked for something that does not exist
        Unsupported, ///< a valid request this build cannot serve
        Internal, ///< a bug: should never reach a user
    };

    Error() = default;
    Error(Code code, QString message, SourceLocation where = {});

    Code code() const { return m_code; }
    const QString &message() const { return m_message; }
    const SourceLocation &where() const { return m_where; }

    /// "file:line: message" when located, else the message.
    QString toString() const;

private:
    Code m_code = Code::Internal;
    QString m_message;
    SourceLocation m_where;
};

} // namespace ow
