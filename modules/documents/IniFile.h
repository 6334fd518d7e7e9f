#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

namespace ow::documents {

/// A small INI reader for hand-edited settings: `[section]` headers, `key = value` lines, `#` and
/// `;` comment lines, UTF-8. Unlike QSettings it keeps commas, quotes and backslashes as written
/// (only `\n` becomes a line break) and names the file and line of every mistake.
class IniFile
{
public:
    struct Entry
    {
        QString section;
        QString key;
        QString value;
        int line = 0;
    };

    /// Parses `text`; `fileName` is only used in error locations.
    static Result<QList<Entry>> parse(const QString &text, const QString &fileName);
    /// Reads and parses a UTF-8 file.
    static Result<QList<Entry>> read(const QString &path);
};

} // namespace ow::documents
