#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ow::documents {

/// A table as a person sees it on screen, for export: a title (the sheet's name), the column
/// headings and the rows of cell texts; columns marked numeric go into a spreadsheet as numbers.
struct ExportTable
{
    QString title;
    QStringList header;
    QList<QStringList> rows;
    QList<bool> numeric; ///< per column; missing entries are text
};

/// Writes a table to a file the hall's office opens in a spreadsheet: CSV always (core::CsvText:
/// UTF-8 with a byte order mark, formula cells defused), XLSX through libxlsxwriter when the build
/// found it (xlsxAvailable()). Files are written beside their target and renamed into place, so a
/// failed export never leaves half a file under the chosen name.
class TableExport
{
public:
    static QByteArray csv(const ExportTable &table);
    static Result<void> writeCsv(const ExportTable &table, const QString &path);

    /// Whether this build writes XLSX (libxlsxwriter was found when it was configured).
    static bool xlsxAvailable();
    /// One worksheet named after the table, the heading row bold and frozen. Cells are written as
    /// strings or numbers, never as formulas, so no cell can run as one.
    static Result<void> writeXlsx(const ExportTable &table, const QString &path);
};

} // namespace ow::documents
