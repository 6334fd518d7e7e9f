#pragma once

#include "catalogue/Catalogue.h"
#include "catalogue/Diagnostic.h"

#include <optional>

namespace ow::catalogue {

/// The sizes past which the linter and `catalogue paths` refuse a matter (docs/catalogue-format.md
/// §11, rule `too-large`). They lie far beyond any matter written by hand; they keep a generated or
/// damaged file from running for minutes while an author waits.
class MatterLimits
{
public:
    static constexpr int MaxQuestions = 1000; ///< questions in one matter
    static constexpr int MaxOptions = 50000; ///< options of one question
    static constexpr int MaxRequirements = 100000; ///< requirement lines of one matter (shorthands included)
    static constexpr int MaxComparisons = 2000; ///< number comparisons with one number question
    /// Answers kept over all the situations enumerated of one matter: a matter of many questions is
    /// enumerated up to this many answers rather than up to the situation limit alone.
    static constexpr qsizetype AnswerBudget = 500000;

    /// A `too-large` error at the line that passes the first limit; nothing when the matter is within.
    static std::optional<Diagnostic> check(const Matter &matter);
    /// How many situations of the matter to enumerate at most: `limit`, or fewer for a matter of so
    /// many questions that `limit` situations would hold more answers than AnswerBudget.
    static int situationLimit(const Matter &matter, int limit);
};

} // namespace ow::catalogue
