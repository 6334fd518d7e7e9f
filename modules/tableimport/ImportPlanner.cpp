#include "tableimport/ImportPlanner.h"

#include "catalogue/Condition.h"
#include "catalogue/LintMaterialRules.h"
#include "tableimport/ImportText.h"
#include "tableimport/MaterialIdMaker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace ow::tableimport {

using namespace ow::catalogue;

namespace {

/// The condition's canonical text, to compare a planned line with the matter's own.
QString canonical(const QString &condition)
{
    if (condition.isEmpty())
        return {};
    Result<ConditionPtr> parsed = parseCondition(condition);
    return parsed ? (*parsed)->toString() : condition;
}

QString quoted(const QString &text)
{
    return QStringLiteral("「%1」").arg(text.left(60));
}

QStringList quotedAll(const QStringList &texts)
{
    QStringList out;
    for (const QString &text : texts)
        out.append(quoted(text));
    return out;
}

/// A new review point id of that kind, "form-1", "content-2", not among `taken`.
QString newPointId(ReviewKind kind, QSet<QString> &taken)
{
    const QString stem = kind == ReviewKind::Form ? QStringLiteral("form-") : QStringLiteral("content-");
    QString id;
    for (int n = 1; taken.contains(id = stem + QString::number(n)); ++n) { }
    taken.insert(id);
    return id;
}

} // namespace

struct ImportPlanner::RowData
{
    int row = 0;
    QString name;
    QString condition;
    std::optional<bool> waivable; ///< absent when the table has no such column
    std::optional<FormSpec> spec;
    QStringList formPoints;
    QStringList contentPoints;
    QString source;
    bool dataShared = false;
    MaterialCategory category = MaterialCategory::Other;
    QString blankForm;
    QString sample;

    /// Whether two rows describe the same material (they may differ in situation and waiver).
    bool sameMaterial(const RowData &other, QString *column, const TableHeader &header) const
    {
        const std::pair<bool, TableColumn> checks[] = {
            {source == other.source && dataShared == other.dataShared, TableColumn::Source},
            {spec == other.spec && formPoints == other.formPoints, TableColumn::FormPoints},
            {contentPoints == other.contentPoints, TableColumn::ContentPoints},
            {blankForm == other.blankForm, TableColumn::BlankForm},
            {sample == other.sample, TableColumn::Sample},
            {category == other.category, TableColumn::Category},
        };
        for (const auto &[same, which] : checks) {
            if (!same) {
                *column = header.describe(which);
                return false;
            }
        }
        return true;
    }
};

ImportPlanner::ImportPlanner(CataloguePtr catalogue)
    : m_catalogue(std::move(catalogue))
{
}

ImportPlanner::ImportPlanner(CataloguePtr catalogue, QHash<QString, QString> texts)
    : m_catalogue(std::move(catalogue))
    , m_texts(std::move(texts))
{
}

Result<QString> ImportPlanner::fileReference(const QString &cell, const QString &folder, bool image) const
{
    if (CellValues::isBlank(cell))
        return QString();
    QString name = cell.trimmed();
    name.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (name.startsWith(folder + QLatin1Char('/')))
        name = name.mid(folder.size() + 1);
    const QString relative = folder + QLatin1Char('/') + name;
    if (QDir::isAbsolutePath(name) || QDir::cleanPath(relative) != relative
        || name.contains(QLatin1Char('\n')))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::tableimport", "%1 is not a file name inside %2/")
                .arg(quoted(cell), folder));
    const QFileInfo file(m_catalogue->resolve(relative));
    const QString root = QFileInfo(m_catalogue->rootDir).canonicalFilePath();
    if (!file.isFile() || !file.canonicalFilePath().startsWith(root + QLatin1Char('/')))
        return fail(Error::Code::NotFound,
            QCoreApplication::translate(
                "ow::tableimport", "the catalogue has no file %1: copy it into the folder %2/ first")
                .arg(relative, folder));
    if (image) {
        const QString suffix = file.suffix().toLower();
        if (suffix != u"png" && suffix != u"jpg" && suffix != u"jpeg")
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport",
                    "%1 is not a PNG or JPEG image; a sample is a picture of the material with its review "
                    "points marked")
                    .arg(relative));
        if (!LintMaterialRules::decodesWhole(file.absoluteFilePath()))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::tableimport",
                    "the image %1 does not decode whole (cut short or damaged): export it again")
                    .arg(relative));
    }
    return relative;
}

void ImportPlanner::readRow(const TableHeader &header, const TableRow &row, const SituationMapper &situations,
    RowData &data, QList<RowRefusal> &refused) const
{
    const auto refuse = [&](TableColumn column, const QString &reason) {
        refused.append({row.number, header.describe(column), reason});
    };
    data.row = row.number;
    data.name = CellValues::oneLine(header.cell(row, TableColumn::Name));

    const QString situationCell = header.cell(row, TableColumn::Situation);
    const SituationMapper::Mapping mapping = situations.map(situationCell);
    if (!mapping.unmatched.isEmpty())
        refuse(TableColumn::Situation,
            QCoreApplication::translate("ow::tableimport",
                "%1 names no option of the matter's questions: write the options' labels as the matter has "
                "them, or a condition such as bath-area >= 150")
                .arg(quotedAll(mapping.unmatched).join(QStringLiteral("、"))));
    if (!mapping.ambiguous.isEmpty())
        refuse(TableColumn::Situation,
            QCoreApplication::translate(
                "ow::tableimport", "these words name options of several questions: %1")
                .arg(mapping.ambiguous.join(QStringLiteral("; "))));
    if (!mapping.invalid.isEmpty())
        refuse(TableColumn::Situation,
            QCoreApplication::translate("ow::tableimport", "the condition %1 does not fit the matter: %2")
                .arg(quoted(situationCell), mapping.invalid));
    data.condition = mapping.condition;

    if (header.has(TableColumn::Waivable)) {
        const QString cell = header.cell(row, TableColumn::Waivable);
        data.waivable = CellValues::waivable(cell);
        if (!data.waivable)
            refuse(TableColumn::Waivable,
                QCoreApplication::translate("ow::tableimport", "%1 is neither 是 nor 否").arg(quoted(cell)));
    }

    // 形式审查要点: the guide writes form, medium and copies there ("核验原件复印件纸质1"), then the points.
    for (const QString &piece : CellValues::reviewPoints(header.cell(row, TableColumn::FormPoints))) {
        if (const std::optional<FormSpec> spec = CellValues::formSpec(piece)) {
            if (data.spec && !(*data.spec == *spec))
                refuse(TableColumn::FormPoints,
                    QCoreApplication::translate("ow::tableimport", "%1 says the form twice, differently")
                        .arg(quoted(piece)));
            data.spec = spec;
        } else {
            data.formPoints.append(piece);
        }
    }
    data.contentPoints = CellValues::reviewPoints(header.cell(row, TableColumn::ContentPoints));

    const QString source = CellValues::oneLine(header.cell(row, TableColumn::Source));
    static const QStringList shared = {QStringLiteral("数据共享"), QStringLiteral("共享"),
        QStringLiteral("共享获取"), QStringLiteral("数据共享获取")};
    if (shared.contains(CellValues::comparableName(source))) {
        data.dataShared = true;
    } else if (!CellValues::isBlank(source)) {
        data.source = source;
    }

    const QString categoryCell = header.cell(row, TableColumn::Category);
    if (CellValues::isBlank(categoryCell)) {
        data.category = CellValues::categoryFromName(data.name);
    } else if (const std::optional<MaterialCategory> category = CellValues::category(categoryCell)) {
        data.category = *category;
    } else {
        refuse(TableColumn::Category,
            QCoreApplication::translate("ow::tableimport",
                "%1 is not a category: write 表格, 证照批文, 技术性文件, 申请书, 承诺书 or 其他")
                .arg(quoted(categoryCell)));
    }

    if (Result<QString> blank
        = fileReference(header.cell(row, TableColumn::BlankForm), QStringLiteral("forms"), false))
        data.blankForm = *blank;
    else
        refuse(TableColumn::BlankForm, blank.error().message());
    if (Result<QString> sample
        = fileReference(header.cell(row, TableColumn::Sample), QStringLiteral("samples"), true))
        data.sample = *sample;
    else
        refuse(TableColumn::Sample, sample.error().message());
}

Result<ImportPlan> ImportPlanner::plan(
    const MaterialTable &table, const QString &matterCode, const QString &tableName) const
{
    const Matter *matter = m_catalogue->matter(matterCode);
    if (!matter)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::tableimport", "the catalogue has no matter %1").arg(matterCode));
    Result<TableHeader> header = TableHeader::locate(table);
    if (!header)
        return failWith(header.error());

    ImportPlan plan;
    plan.matterCode = matterCode;
    plan.tableName = tableName;
    plan.sheet = table.sheet;
    plan.headerRow = header->rowNumber();
    for (const auto &[column, text] : header->ignored())
        plan.ignoredColumns.append(QStringLiteral("%1 (%2)").arg(text, columnName(column)));

    QHash<QString, QString> libraryByName; // comparable standard name → material id
    QSet<QString> takenIds;
    for (const Material &material : m_catalogue->materials) {
        libraryByName.insert(CellValues::comparableName(material.name), material.id);
        takenIds.insert(material.id);
    }
    MaterialIdMaker ids(takenIds);
    const SituationMapper situations(*matter);

    QHash<QString, RowData> firstRow; // comparable name → the first row that names it
    QHash<QString, qsizetype> planned; // comparable name → index into plan.materials
    QHash<QString, QList<RowData>> requiredRows; // comparable name → rows planned as requirements
    QHash<QString, QSet<QString>> pointIds; // material id → review point ids in use (library's and added)
    // The matter's own lines by material and condition: a table of thousands of rows against a matter
    // of many lines stays linear.
    QHash<QString, QList<const Requirement *>> matterLines;
    for (const Requirement &line : matter->requirements)
        matterLines[line.materialId + QLatin1Char('\n') + (line.when ? line.when->toString() : QString())]
            .append(&line);

    for (qsizetype index = header->rowIndex() + 1; index < table.rows.size(); ++index) {
        const TableRow &row = table.rows.at(index);
        ++plan.rowsRead;
        RowData data;
        const qsizetype refusedBefore = plan.refused.size();
        readRow(*header, row, situations, data, plan.refused);
        if (data.name.isEmpty()) {
            plan.refused.append({row.number, header->describe(TableColumn::Name),
                QCoreApplication::translate("ow::tableimport", "the row names no material")});
            continue;
        }
        if (plan.refused.size() > refusedBefore)
            continue;

        const QString key = CellValues::comparableName(data.name);
        if (const auto first = firstRow.constFind(key); first != firstRow.cend()) {
            QString column;
            if (!first->sameMaterial(data, &column, *header)) {
                plan.refused.append({row.number, column,
                    QCoreApplication::translate("ow::tableimport",
                        "%1 is also in row %2, described differently; write one material the same way in "
                        "each of its rows (only 所属情形 and 是否容缺 may differ)")
                        .arg(quoted(data.name), QString::number(first->row))});
                continue;
            }
            const QList<RowData> &earlier = requiredRows.value(key);
            const auto same = std::find_if(earlier.cbegin(), earlier.cend(), [&](const RowData &other) {
                return canonical(other.condition) == canonical(data.condition);
            });
            if (same != earlier.cend()) {
                plan.refused.append({row.number, QString(),
                    QCoreApplication::translate(
                        "ow::tableimport", "%1 is listed twice for the same situation (rows %2 and %3)")
                        .arg(quoted(data.name), QString::number(same->row), QString::number(row.number))});
                continue;
            }
        } else {
            firstRow.insert(key, data);
        }

        // The material: reused from the library by its standard name, else created once.
        qsizetype materialIndex = planned.value(key, -1);
        if (materialIndex < 0) {
            PlannedMaterial material;
            material.name = data.name;
            if (const QString id = libraryByName.value(key); !id.isEmpty()) {
                material.id = id;
                QSet<QString> &taken = pointIds[id];
                for (const ReviewPoint &point : m_catalogue->material(id)->reviewPoints)
                    taken.insert(point.id);
            } else {
                material.created = true;
                material.id = ids.make(data.name);
                material.category = data.category;
                material.source = data.source;
                material.spec = data.spec.value_or(FormSpec {});
                material.dataShared = data.dataShared;
                material.waivable = data.waivable.value_or(false);
                material.blankForm = data.blankForm;
                material.sample = data.sample;
                QSet<QString> &taken = pointIds[material.id];
                for (const QString &text : std::as_const(data.formPoints))
                    material.points.append({ReviewKind::Form, newPointId(ReviewKind::Form, taken), text});
                for (const QString &text : std::as_const(data.contentPoints))
                    material.points.append(
                        {ReviewKind::Content, newPointId(ReviewKind::Content, taken), text});
            }
            materialIndex = plan.materials.size();
            planned.insert(key, materialIndex);
            plan.materials.append(material);
        }
        PlannedMaterial &material = plan.materials[materialIndex];
        material.rows.append(row.number);

        PlannedRequirement requirement;
        requirement.materialId = material.id;
        requirement.condition = data.condition;
        requirement.row = row.number;
        if (material.created) {
            if (data.waivable && *data.waivable != material.waivable)
                requirement.waivable = data.waivable;
        } else {
            // The library's definition is not touched: what this table asks beyond it goes on the line.
            const Material &library = *m_catalogue->material(material.id);
            if (data.spec) {
                if (data.spec->form != library.form)
                    requirement.form = data.spec->form;
                if (data.spec->copies && *data.spec->copies != library.copies)
                    requirement.copies = data.spec->copies;
                if (data.spec->medium && *data.spec->medium != library.medium)
                    plan.notes.append({row.number,
                        QCoreApplication::translate(
                            "ow::tableimport", "%1: the medium (介质) stays the library's, %2")
                            .arg(quoted(data.name), displayName(library.medium))});
            }
            if (data.waivable && *data.waivable != library.waivable)
                requirement.waivable = data.waivable;
            QSet<QString> known;
            for (const ReviewPoint &point : library.reviewPoints)
                known.insert(CellValues::comparableName(point.text));
            QSet<QString> &taken = pointIds[material.id];
            const auto addPoints = [&](const QStringList &texts, ReviewKind kind) {
                for (const QString &text : texts)
                    if (!known.contains(CellValues::comparableName(text)))
                        requirement.extraPoints.append({kind, newPointId(kind, taken), text});
            };
            addPoints(data.formPoints, ReviewKind::Form);
            addPoints(data.contentPoints, ReviewKind::Content);
            const std::pair<bool, QString> kept[] = {
                {!data.source.isEmpty() && data.source != library.source,
                    QCoreApplication::translate("ow::tableimport", "the source (来源渠道) %1")
                        .arg(quoted(library.source))},
                {!data.blankForm.isEmpty() && data.blankForm != library.blankForm,
                    QCoreApplication::translate("ow::tableimport", "the blank form %1")
                        .arg(library.blankForm)},
                {!data.sample.isEmpty() && (!library.sample || data.sample != library.sample->image),
                    QCoreApplication::translate("ow::tableimport", "the sample %1")
                        .arg(library.sample ? library.sample->image : QString())},
            };
            for (const auto &[differs, what] : kept)
                if (differs && material.rows.size() == 1)
                    plan.notes.append({row.number,
                        QCoreApplication::translate(
                            "ow::tableimport", "%1 is the library's material %2; it keeps %3")
                            .arg(quoted(data.name), material.id, what)});
        }

        // A line the matter already has, with nothing to add, is left as it is. What the matter's own
        // lines for the material in this situation say beyond the library counts as said.
        const QList<const Requirement *> existing = matterLines.value(
            requirement.materialId + QLatin1Char('\n') + canonical(requirement.condition));
        const bool present = !existing.isEmpty();
        if (present && !material.created) {
            const Material &library = *m_catalogue->material(material.id);
            QSet<QString> said;
            for (const Requirement *line : std::as_const(existing)) {
                if (requirement.form && *requirement.form == line->form.value_or(library.form))
                    requirement.form.reset();
                if (requirement.copies && *requirement.copies == line->copies.value_or(library.copies))
                    requirement.copies.reset();
                if (requirement.waivable
                    && *requirement.waivable == line->waivable.value_or(library.waivable))
                    requirement.waivable.reset();
                for (const ReviewPoint &point : line->extraReviewPoints)
                    said.insert(CellValues::comparableName(point.text));
            }
            requirement.extraPoints.removeIf([&](const ImportedPoint &point) {
                return said.contains(CellValues::comparableName(point.text));
            });
        }
        const bool adds = requirement.form || requirement.copies || requirement.waivable
            || !requirement.extraPoints.isEmpty();
        requiredRows[key].append(data);
        if (present && !adds) {
            plan.notes.append({row.number,
                QCoreApplication::translate(
                    "ow::tableimport", "matter %1 already requires %2 in this situation; left as it is")
                    .arg(matterCode, material.id)});
            continue;
        }
        plan.requirements.append(requirement);
    }
    if (plan.rowsRead == 0)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::tableimport", "the table has a header (row %1) but no material rows under it")
                .arg(plan.headerRow));

    // Materials only ever reused and already required leave nothing to write for them.
    Result<void> texts = ImportText::fill(plan, *m_catalogue, *matter, m_texts ? &*m_texts : nullptr);
    if (!texts)
        return failWith(texts.error());
    return plan;
}

} // namespace ow::tableimport
