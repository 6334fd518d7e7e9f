#pragma once

#include "catalogue/Catalogue.h"
#include "core/Result.h"
#include "tableimport/ImportPlan.h"
#include "tableimport/MaterialTable.h"
#include "tableimport/SituationMapper.h"
#include "tableimport/TableHeader.h"

#include <QHash>
#include <QString>
#include <optional>

namespace ow::tableimport {

/// Maps a material table onto one matter of a catalogue (docs/catalogue-format.md, "Importing a
/// material table"): each row becomes a requirement of the matter, its material reused from the library
/// when one has the same standard name, else created. Rows that cannot be mapped are refused with the
/// column and the reason. Reads the catalogue folder (the matter's file, the forms and samples the
/// table names); writes nothing.
class ImportPlanner
{
public:
    /// `catalogue`: loaded without errors from its folder (its rootDir).
    explicit ImportPlanner(catalogue::CataloguePtr catalogue);
    /// The same for a catalogue loaded from texts held in memory (the editor's open catalogue): the
    /// matter's file is taken from `texts` rather than the disk; forms and samples are still the folder's.
    ImportPlanner(catalogue::CataloguePtr catalogue, QHash<QString, QString> texts);

    /// The plan, or an error for the table as a whole (no header, no rows, no such matter).
    Result<ImportPlan> plan(
        const MaterialTable &table, const QString &matterCode, const QString &tableName) const;

private:
    struct RowData;

    /// Reads one row into `data`; every cell that cannot be read adds a refusal.
    void readRow(const TableHeader &header, const TableRow &row, const SituationMapper &situations,
        RowData &data, QList<RowRefusal> &refused) const;
    /// A 空表 or 示例 cell: the file in forms/ or samples/, checked; empty for a blank cell.
    Result<QString> fileReference(const QString &cell, const QString &folder, bool image) const;

    catalogue::CataloguePtr m_catalogue;
    std::optional<QHash<QString, QString>> m_texts;
};

} // namespace ow::tableimport
