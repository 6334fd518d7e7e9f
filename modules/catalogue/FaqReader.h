#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/LoadContext.h"
#include "catalogue/TextTree.h"

#include <functional>

namespace ow::catalogue {

/// Reads a `faq` block of a matter or bundle (docs/catalogue-format.md §7a): its question, its required
/// answer and its optional condition, with the texts' lengths checked and ids kept unique in the block.
class FaqReader
{
public:
    static constexpr int kMaxQuestionLength = 200; ///< characters
    static constexpr int kMaxAnswerLength = 1000; ///< characters

    /// Reads a condition's line for the caller, who knows which questions it may mention.
    using ConditionReader = std::function<ConditionPtr(const TextNode &)>;

    FaqReader(LoadContext &context, ConditionReader readCondition);

    /// Reads `node` and appends it to `faqs` unless it is unusable or its id is taken (both reported).
    void read(const TextNode &node, QList<Faq> &faqs, const QString &owner);

    /// The questions a bundle's faq conditions may mention: each member matter's, in the bundle's order,
    /// a question id asked by several matters standing for the first one's (the counter asks a shared
    /// question once). Members that are not in `lookups` are skipped.
    static Matter bundleQuestions(const Bundle &bundle, const Lookups &lookups);

private:
    bool checkLength(const TextNode &node, const QString &text, int maximum);

    LoadContext &m_context;
    ConditionReader m_readCondition;
};

} // namespace ow::catalogue
