#include "core/CsvText.h"

namespace ow {

QString CsvText::cell(QString value)
{
    // A leading =, +, - or @ makes a spreadsheet run the cell as a formula.
    static const QString formulaStarts = QStringLiteral("=+-@");
    if (!value.isEmpty() && formulaStarts.contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')))
        return QLatin1Char('"') + value.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return value;
}

QString CsvText::line(const QStringList &cells)
{
    QStringList quoted;
    quoted.reserve(cells.size());
    for (const QString &value : cells)
        quoted << cell(value);
    return quoted.join(QLatin1Char(','));
}

QByteArray CsvText::document(const QStringList &header, const QList<QStringList> &rows)
{
    QString text = line(header) + QStringLiteral("\r\n");
    for (const QStringList &row : rows)
        text += line(row) + QStringLiteral("\r\n");
    return byteOrderMark() + text.toUtf8();
}

} // namespace ow
