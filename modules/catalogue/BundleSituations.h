#pragma once

#include "catalogue/SituationEngine.h"

namespace ow::catalogue {

/// One situation of a bundle: a situation of each member matter, and the merged checklist.
struct BundleSituation
{
    QStringList keys; ///< per member matter, in the bundle's order: its situation key ("q=a;q2=b")
    QList<QStringList> paths; ///< per member matter: the labels of its answers
    Checklist checklist; ///< merged as at the counter (ChecklistBuilder::merge); lines name their matters
};

/// Every situation of a bundle, for `catalogue paths`: each combination of its matters' situations
/// that the counter can reach. The bundle's presets are applied as the workstation applies them, and a
/// question two matters share (same id, wording, kind and options) is answered once, so combinations
/// that answer it differently are left out. A member situation that ends in a screening outcome has no
/// checklist to merge and is left out too.
class BundleSituations
{
public:
    explicit BundleSituations(const SituationEngine &engine)
        : m_engine(engine)
    {
    }

    /// Stops after `limit` combinations and sets `*truncated`.
    QList<BundleSituation> of(const Bundle &bundle, int limit, bool *truncated) const;

    /// Whether two matters' questions are the same question, asked once in a bundle (the counter's
    /// interview and `catalogue walk --bundle` alike). Option labels may be worded for each matter
    /// ("法定代表人本人办理"); their ids carry the meaning.
    static bool sameQuestion(const Question &a, const Question &b);

private:
    const SituationEngine &m_engine;
};

} // namespace ow::catalogue
