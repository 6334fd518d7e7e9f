#include "tableimport/TableHeader.h"

#include <QCoreApplication>

namespace ow::tableimport {

namespace {

/// Lower case, without spaces (full-width ones too), dots, hyphens or underscores; full-width
/// brackets as ASCII ones; a bracketed annotation at the end dropped.
QString normalised(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isSpace() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_')
            || c == QChar(0x3000))
            continue;
        if (c == QChar(0xFF08))
            out += QLatin1Char('(');
        else if (c == QChar(0xFF09))
            out += QLatin1Char(')');
        else
            out += c.toLower();
    }
    if (out.endsWith(QLatin1Char(')'))) {
        const qsizetype open = out.indexOf(QLatin1Char('('));
        if (open > 0)
            out.truncate(open);
    }
    return out;
}

struct Name
{
    const char16_t *text;
    TableColumn column;
};

// The guide's names first, then the English ones of docs/catalogue-format.md (normalised).
constexpr Name kNames[] = {
    {u"序号", TableColumn::Number},
    {u"材料名称", TableColumn::Name},
    {u"材料信息名称", TableColumn::Name},
    {u"所属情形", TableColumn::Situation},
    {u"来源渠道", TableColumn::Source},
    {u"形式审查要点", TableColumn::FormPoints},
    {u"是否容缺", TableColumn::Waivable},
    {u"内容审查要点", TableColumn::ContentPoints},
    {u"空表", TableColumn::BlankForm},
    {u"示例", TableColumn::Sample},
    {u"材料类别", TableColumn::Category},
    {u"no", TableColumn::Number},
    {u"material", TableColumn::Name},
    {u"situation", TableColumn::Situation},
    {u"source", TableColumn::Source},
    {u"formreviewpoints", TableColumn::FormPoints},
    {u"waivable", TableColumn::Waivable},
    {u"contentreviewpoints", TableColumn::ContentPoints},
    {u"blankform", TableColumn::BlankForm},
    {u"sample", TableColumn::Sample},
    {u"category", TableColumn::Category},
};

} // namespace

std::optional<TableColumn> TableHeader::columnOf(const QString &headerText)
{
    const QString key = normalised(headerText);
    for (const Name &name : kNames)
        if (key == QStringView(name.text))
            return name.column;
    return std::nullopt;
}

Result<TableHeader> TableHeader::locate(const MaterialTable &table)
{
    const qsizetype searched = std::min<qsizetype>(table.rows.size(), kSearchedRows);
    for (qsizetype index = 0; index < searched; ++index) {
        const TableRow &row = table.rows.at(index);
        TableHeader header;
        header.m_rowIndex = index;
        header.m_rowNumber = row.number;
        for (int column = 0; column < row.cells.size(); ++column) {
            const QString text = row.cells.at(column).trimmed();
            if (text.isEmpty())
                continue;
            const std::optional<TableColumn> known = columnOf(text);
            if (!known) {
                header.m_ignored.append({column, text});
                continue;
            }
            if (header.m_positions.contains(*known))
                return fail(Error::Code::Invalid,
                    QCoreApplication::translate(
                        "ow::tableimport", "row %1: the columns %2 and %3 both hold %4; keep one")
                        .arg(row.number)
                        .arg(columnName(header.m_positions.value(*known)), columnName(column), text));
            header.m_positions.insert(*known, column);
            header.m_titles.insert(*known, text);
        }
        if (!header.has(TableColumn::Name))
            continue;
        if (!header.has(TableColumn::Situation))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport",
                    "the header (row %1) has no column 所属情形 (Situation): add it, with 基本材料 in the "
                    "rows "
                    "every situation needs")
                    .arg(row.number));
        return header;
    }
    if (table.rows.isEmpty())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::tableimport", "the table is empty"));
    return fail(Error::Code::Invalid,
        QCoreApplication::translate(
            "ow::tableimport", "no header row: none of the first %1 rows has a column 材料名称 (Material)")
            .arg(kSearchedRows));
}

QString TableHeader::describe(TableColumn column) const
{
    if (!has(column))
        return {};
    return QStringLiteral("%1 (%2)").arg(m_titles.value(column), columnName(position(column)));
}

QString TableHeader::cell(const TableRow &row, TableColumn column) const
{
    const int at = position(column);
    return at >= 0 && at < row.cells.size() ? row.cells.at(at).trimmed() : QString();
}

} // namespace ow::tableimport
