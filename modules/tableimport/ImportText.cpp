#include "tableimport/ImportText.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace ow::tableimport {

using namespace ow::catalogue;

namespace {

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString pointLine(const QString &indent, const ImportedPoint &point)
{
    return indent
        + (point.kind == ReviewKind::Form ? QStringLiteral("form-point ") : QStringLiteral("content-point "))
        + point.id + QStringLiteral(": ") + point.text + QLatin1Char('\n');
}

/// "rows 3–9" or "row 3", for the comment written above the lines.
QString rowSpan(const ImportPlan &plan)
{
    int first = 0;
    int last = 0;
    for (const PlannedRequirement &requirement : plan.requirements) {
        first = first == 0 ? requirement.row : std::min(first, requirement.row);
        last = std::max(last, requirement.row);
    }
    return first == last ? QStringLiteral("row %1").arg(first)
                         : QStringLiteral("rows %1-%2").arg(first).arg(last);
}

QString source(const ImportPlan &plan)
{
    return plan.sheet.isEmpty() ? plan.tableName
                                : QStringLiteral("%1, sheet %2").arg(plan.tableName, plan.sheet);
}

} // namespace

QString ImportText::materialBlock(const PlannedMaterial &material)
{
    QString text = QStringLiteral("material %1: %2\n").arg(material.id, material.name);
    const auto field = [&text](const QString &keyword, const QString &value) {
        text += QStringLiteral("  %1: %2\n").arg(keyword, value);
    };
    field(QStringLiteral("category"), keyword(material.category, kCategoryKeywords));
    if (!material.source.isEmpty())
        field(QStringLiteral("source"), material.source);
    field(QStringLiteral("form"), keyword(material.spec.form, kMaterialFormKeywords));
    if (material.spec.copies)
        field(QStringLiteral("copies"), QString::number(*material.spec.copies));
    if (material.spec.medium)
        field(QStringLiteral("medium"), keyword(*material.spec.medium, kMediumKeywords));
    if (material.dataShared)
        field(QStringLiteral("data-shared"), yesNo(true));
    field(QStringLiteral("waivable"), yesNo(material.waivable));
    for (const ImportedPoint &point : material.points)
        text += pointLine(QStringLiteral("  "), point);
    if (!material.blankForm.isEmpty())
        field(QStringLiteral("blank-form"), material.blankForm);
    if (!material.sample.isEmpty())
        field(QStringLiteral("sample"), material.sample);
    return text;
}

QString ImportText::requirementLines(const PlannedRequirement &requirement)
{
    QString text = QStringLiteral("  require %1\n").arg(requirement.materialId);
    const auto field = [&text](const QString &keyword, const QString &value) {
        text += QStringLiteral("    %1: %2\n").arg(keyword, value);
    };
    if (!requirement.condition.isEmpty())
        field(QStringLiteral("when"), requirement.condition);
    if (requirement.form)
        field(QStringLiteral("form"), keyword(*requirement.form, kMaterialFormKeywords));
    if (requirement.copies)
        field(QStringLiteral("copies"), QString::number(*requirement.copies));
    if (requirement.waivable)
        field(QStringLiteral("waivable"), yesNo(*requirement.waivable));
    for (const ImportedPoint &point : requirement.extraPoints)
        text += pointLine(QStringLiteral("    "), point);
    return text;
}

Result<QByteArray> ImportText::insertIntoBlock(const QByteArray &text, int line, const QString &lines)
{
    // Line starts, by byte offset; the text is UTF-8 and '\n' never occurs inside a character.
    QList<qsizetype> starts {0};
    for (qsizetype i = 0; i < text.size(); ++i)
        if (text.at(i) == '\n' && i + 1 < text.size())
            starts.append(i + 1);
    if (line < 1 || line > starts.size())
        return fail(Error::Code::Internal,
            QCoreApplication::translate("ow::tableimport", "the matter's first line (%1) is not in its file")
                .arg(line));
    const auto lineAt = [&](qsizetype index) {
        const qsizetype begin = starts.at(index);
        const qsizetype end = index + 1 < starts.size() ? starts.at(index + 1) : text.size();
        return QByteArrayView(text).sliced(begin, end - begin);
    };
    qsizetype last = line - 1;
    for (qsizetype index = line; index < starts.size(); ++index) {
        const QByteArrayView current = lineAt(index);
        const QByteArrayView content = current.trimmed();
        if (content.isEmpty())
            continue;
        const bool indented = current.front() == ' ' || current.front() == '\t';
        if (indented) {
            last = index;
            continue;
        }
        if (!content.startsWith('#'))
            break; // the next block
    }
    const bool crlf = text.contains("\r\n");
    QByteArray insertion = lines.toUtf8();
    if (crlf)
        insertion.replace("\n", "\r\n");
    QByteArray result = text;
    const qsizetype at = last + 1 < starts.size() ? starts.at(last + 1) : text.size();
    // The block's last line may be the file's last, without a line end.
    if (at == text.size() && !text.isEmpty() && !text.endsWith('\n'))
        insertion.prepend(crlf ? "\r\n" : "\n");
    result.insert(at, insertion);
    return result;
}

Result<void> ImportText::fill(ImportPlan &plan, const Catalogue &catalogue, const Matter &matter)
{
    return fill(plan, catalogue, matter, nullptr);
}

Result<void> ImportText::fill(
    ImportPlan &plan, const Catalogue &catalogue, const Matter &matter, const QHash<QString, QString> *texts)
{
    if (plan.requirements.isEmpty())
        return {};
    QString materials;
    for (const PlannedMaterial &material : std::as_const(plan.materials))
        if (material.created)
            materials += QLatin1Char('\n') + materialBlock(material);
    if (!materials.isEmpty()) {
        QString name = QStringLiteral("materials/imported-%1.txt").arg(plan.matterCode);
        const auto taken = [&](const QString &file) {
            return QFileInfo::exists(catalogue.resolve(file)) || (texts && texts->contains(file));
        };
        for (int n = 2; taken(name); ++n)
            name = QStringLiteral("materials/imported-%1-%2.txt").arg(plan.matterCode).arg(n);
        plan.materialFile = name;
        plan.materialText = (QStringLiteral("# Materials of matter %1 imported from %2, %3.\n")
                                 .arg(plan.matterCode, source(plan), rowSpan(plan))
            + materials)
                                .toUtf8();
    }

    plan.matterFile = matter.where.file;
    if (texts) {
        if (!texts->contains(plan.matterFile))
            return fail(Error::Code::NotFound,
                QCoreApplication::translate("ow::tableimport", "%1 is not among the catalogue's files")
                    .arg(plan.matterFile));
        plan.matterBefore = texts->value(plan.matterFile).toUtf8();
    } else {
        QFile file(catalogue.resolve(plan.matterFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::tableimport", "%1 could not be read: %2")
                    .arg(plan.matterFile, file.errorString()));
        plan.matterBefore = file.readAll();
    }
    QString lines = QStringLiteral("\n  # Imported from %1, %2.\n").arg(source(plan), rowSpan(plan));
    for (const PlannedRequirement &requirement : std::as_const(plan.requirements))
        lines += requirementLines(requirement);
    Result<QByteArray> after = insertIntoBlock(plan.matterBefore, matter.where.line, lines);
    if (!after)
        return failWith(after.error());
    plan.matterAfter = *after;
    return {};
}

} // namespace ow::tableimport
