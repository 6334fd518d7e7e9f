#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow::tableimport {

/// One row of a table as the file shows it: its number there and its cells, column A first.
struct TableRow
{
    int number = 0; ///< as a spreadsheet shows it: the sheet's row, the CSV's record (blank ones counted)
    QStringList cells; ///< cells past the last written one are absent; gaps are empty strings
};

/// The bounds of what a table file may hold (docs/catalogue-format.md, "Importing a material table").
/// A department's material table has tens of rows; the bounds keep a damaged or hostile file (a ZIP
/// that inflates to gigabytes, a million rows) from tying up the editor or the command.
struct TableLimits
{
    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024; ///< the file as stored
    static constexpr int kMaxRows = 5000; ///< rows with any cell written
    static constexpr int kMaxColumns = 64; ///< columns A … BL
    static constexpr qsizetype kMaxCellChars = 10000;
    static constexpr qint64 kMaxPartBytes = 64 * 1024 * 1024; ///< one XLSX part, inflated
    static constexpr qint64 kMaxInflatedBytes = 128 * 1024 * 1024; ///< all XLSX parts read, inflated
    static constexpr int kMaxZipEntries = 10000;
    static constexpr int kMaxSharedStrings = 1000000;
};

/// A material table read from CSV or XLSX: rows of text cells, nothing interpreted yet.
struct MaterialTable
{
    QString sheet; ///< the XLSX sheet read; empty for CSV
    QList<TableRow> rows; ///< in file order; rows with no cell written are left out
};

/// "A", "B", … "Z", "AA": the spreadsheet name of a 0-based column index.
QString columnName(int column);

/// Reads a table file: XLSX when it is a ZIP container, CSV otherwise. `sheet` names an XLSX sheet
/// (empty: the first); for a CSV it must be empty.
Result<MaterialTable> readTableFile(const QString &path, const QString &sheet = {});
/// The same for bytes already read.
Result<MaterialTable> readTable(const QByteArray &bytes, const QString &sheet = {});

} // namespace ow::tableimport
