#pragma once

#include "catalogue/Diagnostic.h"
#include "catalogue/LintSituationTable.h"
#include "catalogue/SituationEngine.h"

#include <QSet>

namespace ow::catalogue {

/// The linter's rule about screening outcomes: a question the matter would ask, but only past an
/// outcome that ends the walk first (`outcome-dangling`).
class LintOutcomeRules
{
public:
    /// `table` must hold every situation of the matter (the enumeration was not truncated).
    LintOutcomeRules(const SituationEngine &engine, const LintSituationTable &table, Diagnostics &out);

    /// Reports each dangling question; returns their indices, so they are not also reported as
    /// unreachable for another reason.
    QSet<int> run();

private:
    const SituationEngine &m_engine;
    const LintSituationTable &m_table;
    Diagnostics &m_out;
};

} // namespace ow::catalogue
