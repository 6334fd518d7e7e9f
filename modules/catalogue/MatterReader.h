#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/LoadContext.h"
#include "catalogue/TextTree.h"

#include <vector>

namespace ow::catalogue {

/// Reads a `matter` block (§6–§8): its fields, questions, options and requirements, with every
/// condition parsed and type-checked against the matter, and its department and materials looked up.
class MatterReader
{
public:
    explicit MatterReader(LoadContext &context);

    Matter read(const TextNode &node);

private:
    /// A condition waiting for the whole matter to be read before it is type-checked.
    struct PendingCheck
    {
        ConditionPtr condition;
        int ownerQuestion; ///< index of the question it belongs to, -1 for a requirement
        SourceLocation where; ///< the value of its `when:` line
    };

    void reserveFor(const TextNode &node, Matter &matter);
    void readQuestion(const TextNode &node, Matter &matter);
    void readOption(const TextNode &node, Question &question, Matter &matter, int questionIndex);
    void readRequirement(const TextNode &node, Matter &matter);
    /// The lines under an `outcome` (§12); `outcome.fromOption` is set for an option's shorthand.
    void readOutcome(const TextNode &node, ScreeningOutcome &outcome);
    void addOutcome(ScreeningOutcome outcome, Matter &matter);
    ConditionPtr readCondition(const TextNode &node, int ownerQuestion);
    void unknownMaterial(const QString &materialId, const SourceLocation &where);

    LoadContext &m_context;
    std::vector<PendingCheck> m_pending;
    /// The options of the question being read, by id: a scan per option made thousands quadratic.
    QHash<QString, qsizetype> m_optionIndex;
};

} // namespace ow::catalogue
