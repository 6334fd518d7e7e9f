#include "tableimport/ImportDraft.h"

#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "tableimport/ImportPlanner.h"

#include <QCoreApplication>

namespace ow::tableimport {

using namespace ow::catalogue;

namespace {

/// The findings of the loader and the linter on these texts.
Diagnostics lint(const QString &directory, const QHash<QString, QString> &texts)
{
    const CatalogueLoader::Outcome outcome = CatalogueLoader::load(directory, texts);
    Diagnostics diagnostics = outcome.diagnostics;
    if (outcome.partial)
        diagnostics += Linter(outcome.partial, outcome.diagnostics).run().diagnostics;
    return diagnostics;
}

/// What identifies a finding whatever line it moved to: the lines above it may have grown.
QString key(const Diagnostic &diagnostic)
{
    return diagnostic.where.file + QLatin1Char('\n') + diagnostic.rule + QLatin1Char('\n')
        + diagnostic.message;
}

} // namespace

Result<ImportDraft> ImportDraft::make(const QString &directory, const QHash<QString, QString> &texts,
    const MaterialTable &table, const QString &matterCode, const QString &tableName,
    const std::function<void(Step)> &progress)
{
    const auto report = [&](Step step) {
        if (progress)
            progress(step);
    };
    report(Step::Loading);
    const CatalogueLoader::Outcome loaded = CatalogueLoader::load(directory, texts);
    if (!loaded.catalogue)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::tableimport",
                "the catalogue has errors; correct them before importing (see the problems)"));
    if (!loaded.catalogue->matter(matterCode))
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::tableimport", "the catalogue has no matter %1").arg(matterCode));

    report(Step::Planning);
    Result<ImportPlan> plan = ImportPlanner(loaded.catalogue, texts).plan(table, matterCode, tableName);
    if (!plan)
        return failWith(plan.error());
    ImportDraft draft;
    draft.plan = std::move(*plan);
    if (!draft.plan.writable())
        return draft;

    report(Step::Checking);
    QHash<QString, QString> after = texts;
    if (!draft.plan.materialFile.isEmpty()) {
        draft.texts.insert(draft.plan.materialFile, QString::fromUtf8(draft.plan.materialText));
        after.insert(draft.plan.materialFile, draft.texts.value(draft.plan.materialFile));
    }
    draft.texts.insert(draft.plan.matterFile, QString::fromUtf8(draft.plan.matterAfter));
    after.insert(draft.plan.matterFile, draft.texts.value(draft.plan.matterFile));

    // Only what the import brings counts against it: the author may be half-way through other work.
    QHash<QString, int> before;
    for (const Diagnostic &diagnostic : lint(directory, texts))
        if (diagnostic.severity == Diagnostic::Severity::Error)
            ++before[key(diagnostic)];
    for (const Diagnostic &diagnostic : lint(directory, after)) {
        const bool ours = draft.texts.contains(diagnostic.where.file);
        if (diagnostic.severity == Diagnostic::Severity::Error) {
            if (int &seen = before[key(diagnostic)]; seen > 0)
                --seen;
            else
                draft.errors.append(diagnostic);
        } else if (ours) {
            draft.warnings.append(diagnostic);
        }
    }
    return draft;
}

} // namespace ow::tableimport
