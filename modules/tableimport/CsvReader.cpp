#include "tableimport/CsvReader.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace ow::tableimport {

namespace {

bool decodesWhole(QStringDecoder &decoder, const QByteArray &bytes, QString *text)
{
    *text = decoder.decode(bytes);
    return !decoder.hasError();
}

/// Comma, or tab when the first line holds more tabs than commas (Excel's "Unicode text").
QChar delimiterOf(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char('\n'));
    const QStringView first = QStringView(text).left(end < 0 ? text.size() : end);
    return first.count(QLatin1Char('\t')) > first.count(QLatin1Char(',')) ? QLatin1Char('\t')
                                                                          : QLatin1Char(',');
}

/// Splits the text into records of cells, RFC 4180 and lenient where Excel is (a quote inside an
/// unquoted cell is kept as written).
class CsvParser
{
public:
    explicit CsvParser(const QString &text)
        : m_text(text)
        , m_delimiter(delimiterOf(text))
    {
    }

    Result<MaterialTable> parse()
    {
        MaterialTable table;
        TableRow row;
        QString cell;
        // Rows are numbered as a spreadsheet shows the file: one per record, a line break inside a
        // quoted cell not counted.
        int record = 1;
        row.number = record;
        bool quoted = false; // inside a quoted cell
        const qsizetype size = m_text.size();
        for (qsizetype i = 0; i < size; ++i) {
            const QChar c = m_text.at(i);
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (i + 1 < size && m_text.at(i + 1) == QLatin1Char('"')) {
                        cell += c;
                        ++i;
                    } else {
                        quoted = false;
                    }
                    continue;
                }
                if (c == QLatin1Char('\r') && i + 1 < size && m_text.at(i + 1) == QLatin1Char('\n'))
                    continue; // a CRLF inside a cell is one line break
                if (Result<void> grown
                    = append(cell, c == QLatin1Char('\r') ? QChar(QLatin1Char('\n')) : c, row);
                    !grown)
                    return failWith(grown.error());
                continue;
            }
            if (c == QLatin1Char('"') && cell.isEmpty()) {
                quoted = true;
                continue;
            }
            if (c == m_delimiter) {
                if (Result<void> added = addCell(row, cell); !added)
                    return failWith(added.error());
                continue;
            }
            if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                if (c == QLatin1Char('\r') && i + 1 < size && m_text.at(i + 1) == QLatin1Char('\n'))
                    ++i;
                if (Result<void> ended = endRow(table, row, cell); !ended)
                    return failWith(ended.error());
                row.number = ++record;
                continue;
            }
            if (Result<void> grown = append(cell, c, row); !grown)
                return failWith(grown.error());
        }
        if (quoted)
            return fail(Error::Code::Parse,
                QCoreApplication::translate(
                    "ow::tableimport", "the quoted cell in row %1 is never closed: the file may be cut short")
                    .arg(row.number));
        if (Result<void> ended = endRow(table, row, cell); !ended)
            return failWith(ended.error());
        return table;
    }

private:
    Result<void> append(QString &cell, QChar c, const TableRow &row)
    {
        if (cell.size() >= TableLimits::kMaxCellChars)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport", "row %1: a cell is longer than %2 characters")
                    .arg(row.number)
                    .arg(TableLimits::kMaxCellChars));
        cell += c;
        return {};
    }

    Result<void> addCell(TableRow &row, QString &cell)
    {
        if (row.cells.size() >= TableLimits::kMaxColumns)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport", "row %1 has more than %2 columns")
                    .arg(row.number)
                    .arg(TableLimits::kMaxColumns));
        row.cells.append(cell);
        cell.clear();
        return {};
    }

    Result<void> endRow(MaterialTable &table, TableRow &row, QString &cell)
    {
        if (Result<void> added = addCell(row, cell); !added)
            return added;
        const bool empty = std::all_of(
            row.cells.cbegin(), row.cells.cend(), [](const QString &c) { return c.trimmed().isEmpty(); });
        if (!empty) {
            if (table.rows.size() >= TableLimits::kMaxRows)
                return fail(Error::Code::Invalid,
                    QCoreApplication::translate(
                        "ow::tableimport", "the table has more than %1 rows; split it by matter")
                        .arg(TableLimits::kMaxRows));
            while (!row.cells.isEmpty() && row.cells.constLast().isEmpty())
                row.cells.removeLast();
            table.rows.append(row);
        }
        row.cells.clear();
        return {};
    }

    const QString &m_text;
    QChar m_delimiter;
};

} // namespace

Result<QString> CsvReader::decode(const QByteArray &bytes)
{
    QString text;
    // A byte-order mark says what the file is; the decoders drop it.
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
        if (decodesWhole(utf8, bytes, &text))
            return text;
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::tableimport",
                "the file starts as UTF-8 but holds bytes that are not UTF-8: save it again as \"CSV "
                "UTF-8\""));
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        QStringDecoder utf16(
            bytes.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
            QStringConverter::Flag::Stateless);
        if (decodesWhole(utf16, bytes, &text))
            return text;
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::tableimport",
                "the file starts as UTF-16 but is damaged: save it again as \"CSV UTF-8\""));
    }
    if (bytes.contains('\0'))
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::tableimport",
                "this is not a text table (it holds NUL bytes): save the table as \"CSV UTF-8\" or as "
                ".xlsx"));
    QStringDecoder utf8(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    if (decodesWhole(utf8, bytes, &text))
        return text;
    // Excel on a Chinese Windows saves "CSV" in the system's code page, GB18030 (GBK's superset).
    QStringDecoder gb18030("GB18030", QStringConverter::Flag::Stateless);
    if (!gb18030.isValid())
        return fail(Error::Code::Unsupported,
            QCoreApplication::translate("ow::tableimport",
                "the file is not UTF-8, and this build cannot read GB18030: save the table as \"CSV "
                "UTF-8\""));
    if (decodesWhole(gb18030, bytes, &text))
        return text;
    return fail(Error::Code::Parse,
        QCoreApplication::translate("ow::tableimport",
            "the file is neither UTF-8 nor GB18030 text: save the table as \"CSV UTF-8\" or as .xlsx"));
}

Result<MaterialTable> CsvReader::read(const QByteArray &bytes)
{
    if (bytes.size() > TableLimits::kMaxFileBytes)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::tableimport", "the file is larger than %1 MiB")
                .arg(TableLimits::kMaxFileBytes / (1024 * 1024)));
    Result<QString> text = decode(bytes);
    if (!text)
        return failWith(text.error());
    return CsvParser(*text).parse();
}

} // namespace ow::tableimport
