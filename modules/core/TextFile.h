#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

namespace ow {

/// Reading and atomically writing UTF-8 text files, with errors a person can act on.
class TextFile
{
public:
    /// Reads the whole file as UTF-8; a BOM is dropped; invalid UTF-8 is an error naming the line.
    static Result<QString> readUtf8(const QString &path);
    /// Writes through a temporary file and rename, so a power cut leaves the old or the new file.
    static Result<void> writeAtomically(const QString &path, const QByteArray &bytes);
};

} // namespace ow
