#pragma once

#include "core/Result.h"

#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace ow::catalogue {

class Answers;

/// Three-valued truth: a condition over a question that is not answered yet is Unknown.
enum class Truth
{
    False,
    True,
    Unknown
};

/// One node of a parsed condition (the small expression language of docs/catalogue-format.md §Conditions).
/// Immutable once parsed; shared between the catalogue model and every evaluation.
class Condition
{
public:
    enum class Kind
    {
        Literal, ///< true / false
        Not, ///< not A
        And, ///< A and B and …
        Or, ///< A or B or …
        Equals, ///< q = option            (single choice; for multi choice: the only option chosen)
        NotEquals, ///< q != option
        In, ///< q in (o1, o2, …)      (single choice)
        Has, ///< q has option          (multi choice contains)
        HasAny, ///< q has any (o1, o2)    (multi choice contains one of)
        Compare, ///< q < n, <=, >, >=, = n, != n   (number question)
        Answered, ///< answered(q)
    };
    enum class Op
    {
        Less,
        LessEqual,
        Greater,
        GreaterEqual,
        Equal,
        NotEqual
    };

    Kind kind = Kind::Literal;
    bool literal = false; ///< Literal
    std::vector<std::shared_ptr<const Condition>> operands; ///< Not (1), And/Or (2+)
    QString questionId; ///< every comparison kind
    QStringList optionIds; ///< Equals/NotEquals (1), In/HasAny (1+), Has (1)
    Op op = Op::Equal; ///< Compare
    double number = 0; ///< Compare
    SourceLocation where; ///< where this node starts in its file

    /// Evaluates against the answers given so far; Unknown when a referenced question is unanswered.
    Truth evaluate(const Answers &answers) const;
    /// Every question id this condition reads, in first-appearance order, without duplicates.
    QStringList referencedQuestions() const;
    /// Canonical text (normalised spacing and parentheses): parse(toString()) gives an equal tree.
    QString toString() const;
};

using ConditionPtr = std::shared_ptr<const Condition>;

/// Parses condition text. `where` locates the text's first character so errors point at file:line:column.
Result<ConditionPtr> parseCondition(QStringView text, const SourceLocation &where = {});

} // namespace ow::catalogue
