#include "catalogue/Linter.h"

#include "catalogue/LintMaterialRules.h"
#include "catalogue/LintMatterRules.h"
#include "catalogue/LintOutcomeRules.h"
#include "catalogue/LintSituationTable.h"
#include "catalogue/MatterLimits.h"
#include "catalogue/SituationEngine.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <limits>

namespace ow::catalogue {

Linter::Linter(CataloguePtr catalogue, Diagnostics loadErrors)
    : m_catalogue(std::move(catalogue))
    , m_loadErrors(std::move(loadErrors))
{
}

QSet<qsizetype> Linter::damagedMatters() const
{
    // A matter's lines run from its own to the next matter's in the same file.
    QHash<QString, QList<std::pair<int, qsizetype>>> byFile;
    for (qsizetype i = 0; i < m_catalogue->matters.size(); ++i) {
        const SourceLocation &where = m_catalogue->matters.at(i).where;
        byFile[where.file].append({where.line, i});
    }
    for (auto &starts : byFile)
        std::sort(starts.begin(), starts.end());
    QSet<qsizetype> damaged;
    for (const Diagnostic &d : m_loadErrors) {
        if (d.severity != Diagnostic::Severity::Error)
            continue;
        const auto file = byFile.constFind(d.where.file);
        if (file == byFile.constEnd())
            continue;
        const auto after = std::upper_bound(file->cbegin(), file->cend(),
            std::pair<int, qsizetype>(d.where.line, std::numeric_limits<qsizetype>::max()));
        if (after != file->cbegin())
            damaged.insert(std::prev(after)->second);
    }
    return damaged;
}

LintReport Linter::run() const
{
    LintReport report;
    if (!m_catalogue)
        return report;
    const Catalogue &catalogue = *m_catalogue;
    const SituationEngine engine(m_catalogue);
    QSet<QString> used;
    const QSet<qsizetype> damaged = damagedMatters();

    for (qsizetype index = 0; index < catalogue.matters.size(); ++index) {
        const Matter &matter = catalogue.matters.at(index);
        if (!m_onlyFiles.isEmpty() && !m_onlyFiles.contains(matter.where.file))
            continue;
        ++report.matters;
        report.questions += int(matter.questions.size());
        const std::optional<Diagnostic> tooLarge = MatterLimits::check(matter);
        if (tooLarge || damaged.contains(index)) {
            if (tooLarge)
                report.diagnostics.append(*tooLarge);
            // Not enumerated: any material it names may be needed.
            for (const Requirement &requirement : matter.requirements)
                used.insert(requirement.materialId);
            if (tooLarge)
                continue;
        }
        const int limit = MatterLimits::situationLimit(matter, SituationLimit);
        bool truncated = false;
        const QList<Situation> situations = engine.situations(matter, limit, &truncated);
        report.situations += int(situations.size());
        if (damaged.contains(index))
            continue; // counted; its rules would reason about what the loader could not read

        if (truncated) {
            report.truncated = true;
            Diagnostic diagnostic;
            diagnostic.severity = Diagnostic::Severity::Warning;
            diagnostic.rule = QStringLiteral("too-many-situations");
            diagnostic.message = QCoreApplication::translate("ow::catalogue",
                "Matter “%1” has more than %2 situations, so it was "
                "checked only in part. Split it into sub-items or "
                "ask fewer questions.")
                                     .arg(matter.code)
                                     .arg(limit);
            diagnostic.where = matter.where;
            report.diagnostics.append(diagnostic);
            // The situations left out may need any material the matter names: none of them is unused.
            for (const Requirement &requirement : matter.requirements)
                used.insert(requirement.materialId);
            continue; // the rules below reason about every situation; a part would mislead them
        }

        const LintSituationTable table(matter, situations);
        for (int s : table.checklistRepresentatives())
            for (const ChecklistLine &line : situations.at(s).checklist.lines)
                used.insert(line.materialId);
        const QSet<int> dangling = LintOutcomeRules(engine, table, report.diagnostics).run();
        Diagnostics matterFindings;
        LintMatterRules(table, matterFindings).run();
        for (const Diagnostic &finding : std::as_const(matterFindings)) {
            // A question hidden by an outcome is reported once, as outcome-dangling, which names the cause.
            const bool hidden = finding.rule == u"unreachable-question"
                && std::any_of(dangling.cbegin(), dangling.cend(),
                    [&](int q) { return matter.questions.at(q).where == finding.where; });
            if (!hidden)
                report.diagnostics.append(finding);
        }
    }

    report.materials = int(catalogue.materials.size());
    report.bundles = int(catalogue.bundles.size());
    if (m_onlyFiles.isEmpty())
        LintMaterialRules(catalogue, used, report.diagnostics).run();

    std::stable_sort(
        report.diagnostics.begin(), report.diagnostics.end(), [](const Diagnostic &a, const Diagnostic &b) {
            if (a.where.file != b.where.file)
                return a.where.file < b.where.file;
            if (a.where.line != b.where.line)
                return a.where.line < b.where.line;
            return a.where.column < b.where.column;
        });
    return report;
}

} // namespace ow::catalogue
