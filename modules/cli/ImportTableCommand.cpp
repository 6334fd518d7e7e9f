#include "cli/ImportTableCommand.h"

#include "catalogue/CatalogueLoader.h"
#include "cli/SubcommandParser.h"
#include "core/InputExcerpt.h"
#include "tableimport/ImportPlanner.h"
#include "tableimport/ImportWriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::cli {

using namespace ow::catalogue;
using namespace ow::tableimport;
using namespace Qt::StringLiterals;

namespace {

QJsonObject diagnosticJson(const Diagnostic &d)
{
    return QJsonObject {
        {u"severity"_s, d.severity == Diagnostic::Severity::Error ? u"error"_s : u"warning"_s},
        {u"rule"_s, d.rule}, {u"message"_s, InputExcerpt::bounded(d.message, Diagnostic::kMaxMessageLength)},
        {u"file"_s, d.where.file}, {u"line"_s, d.where.line}, {u"column"_s, d.where.column}};
}

QJsonArray rowsJson(const QList<int> &rows)
{
    QJsonArray array;
    for (const int row : rows)
        array.append(row);
    return array;
}

QString rowsText(const QList<int> &rows)
{
    QStringList numbers;
    for (const int row : rows)
        numbers.append(QString::number(row));
    return (rows.size() == 1 ? QCoreApplication::translate("ow::cli", "row %1")
                             : QCoreApplication::translate("ow::cli", "rows %1"))
        .arg(numbers.join(u", "_s));
}

QString pointKind(ReviewKind kind)
{
    return kind == ReviewKind::Form ? u"form"_s : u"content"_s;
}

} // namespace

int ImportTableCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Import a department's material table (CSV or .xlsx, the guide's columns 序号, 材料名称, 所属情形, "
        "来源渠道, 形式审查要点, 是否容缺, 内容审查要点, 空表, 示例) into one matter of a catalogue folder: "
        "materials reused by standard name or created, one requirement per row. All or nothing: a row that "
        "cannot be mapped is listed with its reason and nothing is written; the folder must lint without "
        "errors afterwards. Exit 1 when nothing could be written."));
    parser.addPositionalArgument(
        u"FILE"_s, QCoreApplication::translate("ow::cli", "the table, .csv or .xlsx"));
    const QCommandLineOption catalogueOption(u"catalogue"_s,
        QCoreApplication::translate("ow::cli", "The catalogue folder to import into."), u"DIR"_s);
    const QCommandLineOption matterOption(u"matter"_s,
        QCoreApplication::translate("ow::cli", "The matter whose materials the table lists."), u"CODE"_s);
    const QCommandLineOption sheetOption(u"sheet"_s,
        QCoreApplication::translate("ow::cli", "The sheet of an .xlsx workbook (default: the first)."),
        u"NAME"_s);
    const QCommandLineOption dryRunOption(
        u"dry-run"_s, QCoreApplication::translate("ow::cli", "Print the plan and its lint; write nothing."));
    parser.addOptions({catalogueOption, matterOption, sheetOption, dryRunOption, jsonOption()});
    if (const std::optional<int> stop
        = parseSubcommand(m_console, parser, u"onewindow-cli catalogue import-table"_s, arguments, 1))
        return *stop;
    if (parser.value(catalogueOption).isEmpty() || parser.value(matterOption).isEmpty()) {
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "catalogue import-table needs --catalogue DIR and --matter CODE")
                        << '\n';
        return 2;
    }
    const bool json = parser.isSet(jsonOption());
    const bool dryRun = parser.isSet(dryRunOption);
    const QString file = parser.positionalArguments().constFirst();
    const QString directory = parser.value(catalogueOption);

    const auto stop = [&](const QString &message, int exitCode) {
        if (json)
            printJson(ImportPlan {}, nullptr, dryRun, message);
        else
            m_console.err() << message << '\n';
        return exitCode;
    };

    const CatalogueLoader::Outcome loaded = CatalogueLoader::load(directory);
    if (!loaded.catalogue)
        return stop(QCoreApplication::translate("ow::cli",
                        "the catalogue in %1 has errors (see catalogue lint); correct them before importing")
                        .arg(Console::quote(directory)),
            1);
    if (!loaded.catalogue->matter(parser.value(matterOption)))
        return stop(QCoreApplication::translate("ow::cli", "the catalogue has no matter %1")
                        .arg(Console::quote(parser.value(matterOption))),
            2);
    Result<MaterialTable> table = readTableFile(file, parser.value(sheetOption));
    if (!table)
        return stop(QCoreApplication::translate("ow::cli", "%1: %2")
                        .arg(Console::quote(QFileInfo(file).fileName()), table.error().message()),
            1);
    Result<ImportPlan> plan = ImportPlanner(loaded.catalogue)
                                  .plan(*table, parser.value(matterOption), QFileInfo(file).fileName());
    if (!plan)
        return stop(QCoreApplication::translate("ow::cli", "%1: %2")
                        .arg(Console::quote(QFileInfo(file).fileName()), plan.error().message()),
            1);

    if (!plan->refused.isEmpty() || plan->requirements.isEmpty()) {
        if (json)
            printJson(*plan, nullptr, dryRun, QString());
        else
            printText(*plan, nullptr, dryRun);
        return plan->refused.isEmpty() ? 0 : 1;
    }
    Result<ImportResult> result = ImportWriter::apply(*plan, directory, !dryRun);
    if (!result)
        return stop(result.error().message(), 1);
    if (json)
        printJson(*plan, &*result, dryRun, QString());
    else
        printText(*plan, &*result, dryRun);
    return result->errors.isEmpty() ? 0 : 1;
}

void ImportTableCommand::printText(const ImportPlan &plan, const ImportResult *result, bool dryRun)
{
    ConsoleStream &out = m_console.out();
    out << QCoreApplication::translate("ow::cli", "table %1: header on row %2, %3 rows under it")
               .arg(plan.sheet.isEmpty() ? plan.tableName : plan.tableName + u" ["_s + plan.sheet + u"]"_s)
               .arg(plan.headerRow)
               .arg(plan.rowsRead)
        << '\n';
    if (!plan.ignoredColumns.isEmpty())
        out << QCoreApplication::translate("ow::cli", "columns ignored: %1")
                   .arg(plan.ignoredColumns.join(u", "_s))
            << '\n';
    out << QCoreApplication::translate("ow::cli", "matter %1").arg(plan.matterCode) << '\n';

    const int created = plan.createdCount();
    out << QCoreApplication::translate("ow::cli", "materials created: %1").arg(created) << '\n';
    for (const PlannedMaterial &material : plan.materials)
        if (material.created)
            out << u"  "_s << material.id << u"  "_s << material.name << u"  ("_s << rowsText(material.rows)
                << u")\n"_s;
    out << QCoreApplication::translate("ow::cli", "materials reused from the library: %1")
               .arg(plan.materials.size() - created)
        << '\n';
    for (const PlannedMaterial &material : plan.materials)
        if (!material.created)
            out << u"  "_s << material.id << u"  "_s << material.name << u"  ("_s << rowsText(material.rows)
                << u")\n"_s;
    out << QCoreApplication::translate("ow::cli", "requirements added: %1").arg(plan.requirements.size())
        << '\n';
    for (const PlannedRequirement &requirement : plan.requirements) {
        out << u"  "_s << QCoreApplication::translate("ow::cli", "row %1").arg(requirement.row)
            << u": require "_s << requirement.materialId;
        if (!requirement.condition.isEmpty())
            out << u"  when: "_s << requirement.condition;
        out << '\n';
    }
    for (const RowNote &note : plan.notes)
        out << QCoreApplication::translate("ow::cli", "note, row %1: %2")
                   .arg(QString::number(note.row), note.text)
            << '\n';
    if (!plan.refused.isEmpty()) {
        out << QCoreApplication::translate("ow::cli", "rows refused: %1").arg(plan.refused.size()) << '\n';
        for (const RowRefusal &refusal : plan.refused)
            out << u"  "_s
                << (refusal.column.isEmpty()
                           ? QCoreApplication::translate("ow::cli", "row %1: %2")
                                 .arg(QString::number(refusal.row), refusal.reason)
                           : QCoreApplication::translate("ow::cli", "row %1, %2: %3")
                                 .arg(QString::number(refusal.row), refusal.column, refusal.reason))
                << '\n';
        out << QCoreApplication::translate("ow::cli",
            "Nothing was written: correct the rows above in the table (or the catalogue) and import again.")
            << '\n';
        return;
    }
    if (!result) {
        out << QCoreApplication::translate(
            "ow::cli", "The table adds nothing to the matter; nothing was written.")
            << '\n';
        return;
    }
    for (const Diagnostic &d : result->errors)
        out << d.toString() << '\n';
    for (const Diagnostic &d : result->warnings)
        out << d.toString() << '\n';
    out << QCoreApplication::translate(
        "ow::cli", "lint with the import: %1 errors, %2 warnings in the files it writes")
               .arg(result->errors.size())
               .arg(result->warnings.size())
        << '\n';
    if (!result->errors.isEmpty())
        out << QCoreApplication::translate(
            "ow::cli", "Nothing was written: the catalogue would not lint without errors.")
            << '\n';
    else if (dryRun)
        out << QCoreApplication::translate(
            "ow::cli", "Dry run: nothing was written; without --dry-run these files would be written: %1")
                   .arg((plan.materialFile.isEmpty() ? QStringList {} : QStringList {plan.materialFile})
                            .join(u", "_s)
                       + (plan.materialFile.isEmpty() ? QString() : u", "_s) + plan.matterFile)
            << '\n';
    else
        out << QCoreApplication::translate("ow::cli", "written: %1").arg(result->written.join(u", "_s))
            << '\n';
}

void ImportTableCommand::printJson(
    const ImportPlan &plan, const ImportResult *result, bool dryRun, const QString &error)
{
    QJsonObject root {{u"table"_s, plan.tableName}, {u"sheet"_s, plan.sheet}, {u"matter"_s, plan.matterCode},
        {u"headerRow"_s, plan.headerRow}, {u"rowsRead"_s, plan.rowsRead},
        {u"ignoredColumns"_s, QJsonArray::fromStringList(plan.ignoredColumns)}, {u"dryRun"_s, dryRun}};
    if (!error.isEmpty())
        root.insert(u"error"_s, error);
    QJsonArray materials;
    for (const PlannedMaterial &material : plan.materials)
        materials.append(QJsonObject {{u"id"_s, material.id}, {u"name"_s, material.name},
            {u"action"_s, material.created ? u"create"_s : u"reuse"_s},
            {u"rows"_s, rowsJson(material.rows)}});
    root.insert(u"materials"_s, materials);
    QJsonArray requirements;
    for (const PlannedRequirement &requirement : plan.requirements) {
        QJsonObject line {{u"material"_s, requirement.materialId}, {u"when"_s, requirement.condition},
            {u"row"_s, requirement.row}};
        if (requirement.form)
            line.insert(u"form"_s, keyword(*requirement.form, kMaterialFormKeywords));
        if (requirement.copies)
            line.insert(u"copies"_s, *requirement.copies);
        if (requirement.waivable)
            line.insert(u"waivable"_s, *requirement.waivable);
        QJsonArray points;
        for (const ImportedPoint &point : requirement.extraPoints)
            points.append(QJsonObject {
                {u"id"_s, point.id}, {u"kind"_s, pointKind(point.kind)}, {u"text"_s, point.text}});
        line.insert(u"reviewPoints"_s, points);
        requirements.append(line);
    }
    root.insert(u"requirements"_s, requirements);
    QJsonArray notes;
    for (const RowNote &note : plan.notes)
        notes.append(QJsonObject {{u"row"_s, note.row}, {u"text"_s, note.text}});
    root.insert(u"notes"_s, notes);
    QJsonArray refused;
    for (const RowRefusal &refusal : plan.refused)
        refused.append(QJsonObject {
            {u"row"_s, refusal.row}, {u"column"_s, refusal.column}, {u"reason"_s, refusal.reason}});
    root.insert(u"refused"_s, refused);
    QJsonArray errors;
    QJsonArray warnings;
    QJsonArray written;
    if (result) {
        for (const Diagnostic &d : result->errors)
            errors.append(diagnosticJson(d));
        for (const Diagnostic &d : result->warnings)
            warnings.append(diagnosticJson(d));
        written = QJsonArray::fromStringList(result->written);
    }
    root.insert(u"lint"_s, QJsonObject {{u"errors"_s, errors}, {u"warnings"_s, warnings}});
    root.insert(u"files"_s, QJsonObject {{u"material"_s, plan.materialFile}, {u"matter"_s, plan.matterFile}});
    root.insert(u"written"_s, written);
    m_console.printJson(QJsonDocument(root));
}

} // namespace ow::cli
