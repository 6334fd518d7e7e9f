#pragma once

#include "catalogue/Catalogue.h"
#include "tableimport/CellValues.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ow::tableimport {

/// A row of the table that cannot be mapped, and why (translated).
struct RowRefusal
{
    int row = 0; ///< as the file numbers it
    QString column; ///< the header as written with its letter, "所属情形 (C)"; empty for the whole row
    QString reason;
};

/// Something the import leaves as it is, said so rather than done silently: a row already required,
/// a value of a reused material the library keeps.
struct RowNote
{
    int row = 0;
    QString text;
};

/// A review point read from the table, with the id the import gives it.
struct ImportedPoint
{
    catalogue::ReviewKind kind = catalogue::ReviewKind::Form;
    QString id;
    QString text;
};

/// A material of the table: one the library has (reused: its definition is not touched), or one the
/// import creates with everything the table says.
struct PlannedMaterial
{
    QString id;
    QString name;
    bool created = false;
    QList<int> rows; ///< the table rows that name it
    // What a created material is written with:
    catalogue::MaterialCategory category = catalogue::MaterialCategory::Other;
    QString source;
    FormSpec spec;
    bool dataShared = false;
    bool waivable = false;
    QList<ImportedPoint> points;
    QString blankForm; ///< relative to the catalogue folder, or empty
    QString sample; ///< relative to the catalogue folder, or empty
};

/// A `require` line the import adds to the matter.
struct PlannedRequirement
{
    QString materialId;
    QString condition; ///< the `when:`, empty for every situation (基本材料)
    int row = 0;
    // For a reused material, what this matter's table asks beyond the library's definition:
    std::optional<catalogue::MaterialForm> form;
    std::optional<int> copies;
    std::optional<bool> waivable;
    QList<ImportedPoint> extraPoints;
};

/// Everything an import of one table into one matter would do, decided before anything is written:
/// the materials created and reused, the requirements added, the rows refused with their reasons, and
/// the text of the files it writes. Nothing is written while any row is refused.
struct ImportPlan
{
    QString matterCode;
    QString tableName; ///< the table file's name, for messages and the comment written with the lines
    QString sheet; ///< the XLSX sheet read; empty for CSV
    int headerRow = 0;
    QStringList ignoredColumns; ///< header cells that name no known column, "备注 (J)"
    int rowsRead = 0; ///< rows under the header
    QList<PlannedMaterial> materials; ///< in the order the table first names them
    QList<PlannedRequirement> requirements;
    QList<RowRefusal> refused;
    QList<RowNote> notes;

    /// The files the plan writes, relative to the catalogue folder.
    QString materialFile; ///< a new file, empty when no material is created
    QByteArray materialText;
    QString matterFile;
    QByteArray matterBefore; ///< the matter's file as planned against; the write checks it is unchanged
    QByteArray matterAfter;

    /// Whether there is anything to write, and no refused row.
    bool writable() const { return refused.isEmpty() && !requirements.isEmpty(); }
    int createdCount() const;
};

} // namespace ow::tableimport
