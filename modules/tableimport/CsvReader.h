#pragma once

#include "core/Result.h"
#include "tableimport/MaterialTable.h"

#include <QByteArray>
#include <QString>

namespace ow::tableimport {

/// Reads a CSV table as spreadsheets in China save it: RFC 4180 (quoted cells, doubled quotes, line
/// breaks inside quotes, CRLF or LF), UTF-8 with or without a byte-order mark, GB18030 (Excel's
/// "CSV" on a Chinese Windows) or UTF-16 with a byte-order mark (Excel's "Unicode text", tab-separated).
class CsvReader
{
public:
    static Result<MaterialTable> read(const QByteArray &bytes);

    /// The text of the bytes in the first encoding above they are valid in; an error when none fits.
    static Result<QString> decode(const QByteArray &bytes);
};

} // namespace ow::tableimport
