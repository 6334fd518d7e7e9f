#pragma once

#include "core/Result.h"
#include "tableimport/MaterialTable.h"

#include <QHash>
#include <QList>
#include <QString>

namespace ow::tableimport {

/// The columns of the guide's material table (浙江省无差别全科受理工作指南 三(一)4), plus a category.
enum class TableColumn
{
    Number, ///< 序号
    Name, ///< 材料名称 (材料信息名称)
    Situation, ///< 所属情形
    Source, ///< 来源渠道
    FormPoints, ///< 形式审查要点
    Waivable, ///< 是否容缺
    ContentPoints, ///< 内容审查要点
    BlankForm, ///< 空表
    Sample, ///< 示例
    Category, ///< 材料类别 (not in the guide: the format's category)
};

/// Where the header row of a material table is and which column holds what. The header is found by its
/// names, Chinese as in the guide or English, whatever rows (a title, a date) stand above it.
class TableHeader
{
public:
    /// Rows searched for the header.
    static constexpr int kSearchedRows = 20;

    /// The first of the first kSearchedRows rows that names the material column; an error when none
    /// does, when the situation column is missing or when a column is named twice.
    static Result<TableHeader> locate(const MaterialTable &table);

    /// The column a header cell names, if any: spaces ignored, full-width brackets read as brackets, an
    /// annotation in brackets after the name ignored (材料名称（标准名称）).
    static std::optional<TableColumn> columnOf(const QString &headerText);

    qsizetype rowIndex() const { return m_rowIndex; } ///< index into the table's rows
    int rowNumber() const { return m_rowNumber; } ///< as the file numbers it
    bool has(TableColumn column) const { return m_positions.contains(column); }
    int position(TableColumn column) const { return m_positions.value(column, -1); }
    /// The header as written (for messages), with its column letter: "所属情形 (C)".
    QString describe(TableColumn column) const;
    /// The cell of the row in that column, trimmed; empty when the column is absent.
    QString cell(const TableRow &row, TableColumn column) const;
    /// Header cells that name no known column: (column index, text).
    const QList<QPair<int, QString>> &ignored() const { return m_ignored; }

private:
    qsizetype m_rowIndex = -1;
    int m_rowNumber = 0;
    QHash<TableColumn, int> m_positions;
    QHash<TableColumn, QString> m_titles;
    QList<QPair<int, QString>> m_ignored;
};

} // namespace ow::tableimport
