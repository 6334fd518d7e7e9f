#pragma once

#include "catalogue/Diagnostic.h"
#include "catalogue/LintSituationTable.h"

#include <vector>

namespace ow::catalogue {

/// The linter's rules that need every situation of one matter: reachability of questions and options,
/// constant conditions, questions without effect and options that lead to the same checklist.
class LintMatterRules
{
public:
    /// `table` must hold every situation of the matter (the enumeration was not truncated).
    LintMatterRules(const LintSituationTable &table, Diagnostics &out);

    void run();

private:
    /// Whether a condition was seen true and seen false among the situations where it is evaluated.
    struct Outcome
    {
        bool seenTrue = false;
        bool seenFalse = false;
    };

    void checkQuestion(int q);
    void checkOptions(int q);
    void checkEffect(int q);
    void checkNumberEffect(int q);
    void checkRequirements();

    /// Over every situation, or (question >= 0) over those where that question is asked.
    Outcome outcomeOf(const Condition &condition, int question) const;
    /// Warns about each `true`/`false` literal inside the condition; returns whether it has a `false`.
    bool reportLiterals(const Condition &condition, const SourceLocation &fallback, bool *anyLiteral);
    void reportConstant(const Condition &condition, const Outcome &outcome, const SourceLocation &fallback);

    /// How many options of choice question `q` are offered under the answers of situation `s`.
    int offeredCount(int q, int s) const;
    /// Index of the option a single-choice answer code stands for.
    int optionIndex(int q, int code) const;

    void warn(const QString &rule, const QString &message, const SourceLocation &where);

    mutable int m_optionIndexQuestion = -1; ///< the question m_optionIndexByCode is for
    mutable std::vector<int> m_optionIndexByCode; ///< answer code → option index
    const LintSituationTable &m_table;
    const Matter &m_matter;
    Diagnostics &m_out;
};

} // namespace ow::catalogue
