#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Condition.h"
#include "catalogue/LoadContext.h"

#include <QHash>
#include <QSet>

namespace ow::catalogue {

/// Type-checks a parsed condition against its matter (§9): questions exist and come earlier, options
/// exist, and each comparison suits the question's type. Findings are `condition` errors, and
/// `unknown-id` errors for a question or option that does not exist.
class ConditionChecker
{
public:
    ConditionChecker(LoadContext &context, const Matter &matter);

    /// `ownerQuestion` is the index of the question the condition belongs to (its own `when:` or one
    /// of its options'): only questions before it may be mentioned. -1 for a requirement: any question.
    /// `fallback` locates nodes the parser left without a location.
    void check(const Condition &condition, int ownerQuestion, const SourceLocation &fallback);

private:
    void checkComparison(const Condition &node, int ownerQuestion, const SourceLocation &where);
    void checkOptions(const Condition &node, const Question &question, const SourceLocation &where);

    LoadContext &m_context;
    const Matter &m_matter;
    QHash<QString, int> m_questionIndex;
    /// The option ids of questions with many options, made on first use: conditions over a question of
    /// thousands of options would otherwise scan them all for every option they name.
    QHash<int, QSet<QString>> m_optionSets;
};

} // namespace ow::catalogue
