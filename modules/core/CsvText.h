#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ow {

/// CSV as the hall's spreadsheets read it: UTF-8 with a byte order mark, CRLF line ends, RFC 4180
/// quoting, and every cell a spreadsheet would run as a formula (starting with =, +, - or @)
/// defused with a leading apostrophe, so an exported name or matter can never run as one.
class CsvText
{
public:
    /// One cell, defused and quoted where needed.
    static QString cell(QString value);
    /// One line of cells, without its line end.
    static QString line(const QStringList &cells);
    /// The whole file: the header, then the rows.
    static QByteArray document(const QStringList &header, const QList<QStringList> &rows);
    /// The byte order mark that tells a spreadsheet the file is UTF-8.
    static QByteArray byteOrderMark() { return QByteArray("\xEF\xBB\xBF"); }
};

} // namespace ow
