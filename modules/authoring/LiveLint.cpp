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

void LiveLint::load()
{
    CatalogueLoader::Outcome outcome = CatalogueLoader::load(m_document.directory(), m_document.texts());
    m_catalogue = outcome.partial;
    m_loadFindings = std::move(outcome.diagnostics);
}

void LiveLint::lintAll()
{
    load();
    m_lintFindings = Linter(m_catalogue, m_loadFindings).run().diagnostics;
    rebuild();
}

void LiveLint::relint(const QString &file)
{
    if (!file.startsWith(QLatin1StringView("matters/")) || !m_catalogue) {
        lintAll();
        return;
    }
    load();
    Linter linter(m_catalogue, m_loadFindings);
    linter.checkOnly({file});
    Diagnostics fresh = linter.run().diagnostics;
    m_lintFindings.erase(std::remove_if(m_lintFindings.begin(), m_lintFindings.end(),
                             [&](const Diagnostic &d) { return d.where.file == file; }),
        m_lintFindings.end());
    m_lintFindings.append(fresh);
    std::stable_sort(
        m_lintFindings.begin(), m_lintFindings.end(), [](const Diagnostic &a, const Diagnostic &b) {
            if (a.where.file != b.where.file)
                return a.where.file < b.where.file;
            return a.where.line < b.where.line;
        });
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
