#include "authoring/LiveLint.h"

#include "authoring/CatalogueDocument.h"
#include "catalogue/CatalogueLoader.h"
#include "catalogue/Linter.h"
#include "catalogue/SituationEngine.h"

#include <algorithm>

namespace ow::authoring {

using namespace ow::catalogue;

LiveLint::LiveLint(const CatalogueDocument &document)
    : m_document(document)
{
}

LiveLint::Run LiveLint::run(const QString &directory, const QHash<QString, QString> &texts,
    const QString &file, const Diagnostics &lintFindings, std::shared_ptr<const LoadMemo> memo)
{
    Run result;
    CatalogueLoader::Outcome outcome = CatalogueLoader::load(directory, texts, std::move(memo));
    result.catalogue = outcome.partial;
    result.loadFindings = std::move(outcome.diagnostics);
    result.memo = std::move(outcome.memo);
    Linter linter(result.catalogue, result.loadFindings);
    if (file.isEmpty()) {
        result.lintFindings = linter.run().diagnostics;
        return result;
    }
    // Only the edited file's matters again; the other findings stay as the last run left them.
    linter.checkOnly({file});
    result.lintFindings = lintFindings;
    result.lintFindings.erase(std::remove_if(result.lintFindings.begin(), result.lintFindings.end(),
                                  [&](const Diagnostic &d) { return d.where.file == file; }),
        result.lintFindings.end());
    result.lintFindings.append(linter.run().diagnostics);
    std::stable_sort(
        result.lintFindings.begin(), result.lintFindings.end(), [](const Diagnostic &a, const Diagnostic &b) {
            if (a.where.file != b.where.file)
                return a.where.file < b.where.file;
            return a.where.line < b.where.line;
        });
    return result;
}

QString LiveLint::runScope(const QString &file) const
{
    // An edit outside the matters (a material, a department, a bundle) can change any matter's findings.
    return m_catalogue && file.startsWith(QLatin1StringView("matters/")) ? file : QString();
}

void LiveLint::lintAll()
{
    // Everything read again, samples and forms on disk included.
    adopt(run(m_document.directory(), m_document.texts(), {}, m_lintFindings));
}

void LiveLint::relint(const QString &file)
{
    adopt(run(m_document.directory(), m_document.texts(), runScope(file), m_lintFindings, m_memo));
}

void LiveLint::adopt(Run run)
{
    m_catalogue = std::move(run.catalogue);
    m_loadFindings = std::move(run.loadFindings);
    m_lintFindings = std::move(run.lintFindings);
    m_memo = std::move(run.memo);
    rebuild();
}

void LiveLint::rebuild()
{
    m_problems.clear();
    m_problems.reserve(m_loadFindings.size() + m_lintFindings.size());
    for (const Diagnostics *group : {&m_loadFindings, &m_lintFindings})
        for (const Diagnostic &diagnostic : *group) {
            NodeRef node;
            if (diagnostic.where.line > 0)
                node = m_document.nodeAt(diagnostic.where.file, diagnostic.where.line);
            m_problems.append({diagnostic, node});
        }
}

int LiveLint::errorCount() const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(),
        [](const Problem &p) { return p.diagnostic.severity == Diagnostic::Severity::Error; }));
}

int LiveLint::warningCount() const
{
    return int(m_problems.size()) - errorCount();
}

CatalogueDiff LiveLint::pendingChanges(const CatalogueDocument &document)
{
    const CataloguePtr before = CatalogueLoader::load(document.directory(), document.savedTexts()).partial;
    const CataloguePtr after = CatalogueLoader::load(document.directory(), document.texts()).partial;
    const SituationEngine oldEngine(before);
    const SituationEngine newEngine(after);
    return CatalogueDiff(oldEngine, newEngine);
}

} // namespace ow::authoring
