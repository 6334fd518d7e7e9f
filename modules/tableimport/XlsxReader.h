#pragma once

#include "core/Result.h"
#include "tableimport/MaterialTable.h"

#include <QByteArray>
#include <QString>

namespace ow::tableimport {

/// Reads one sheet of an Office Open XML workbook (.xlsx) as a table of text: shared and inline
/// strings, numbers as written, booleans, cells with gaps between them, and merged cells (the value of
/// a merged range fills every row of it, as a reader of the printed table sees it). Formulas give their
/// cached value. Bounded by TableLimits, the ZIP container inflated under its limits.
class XlsxReader
{
public:
    /// `sheet`: the sheet's name as its tab shows it; empty for the first sheet.
    static Result<MaterialTable> read(const QByteArray &bytes, const QString &sheet = {});

    /// Decodes the `_xHHHH_` escapes of OOXML strings (Excel writes a carriage return as `_x000D_`).
    static QString unescape(const QString &text);
};

} // namespace ow::tableimport
