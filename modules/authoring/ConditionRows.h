#pragma once

#include "catalogue/Condition.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ow::authoring {

/// A question of the matter a condition is written in, as the condition builder offers it: its id,
/// its text, its kind, its options (id and label) and, for a number, its range.
struct ConditionQuestion
{
    enum class Kind
    {
        Single,
        Multi,
        Number
    };
    struct Option
    {
        QString id;
        QString label;
    };

    QString id;
    QString text;
    Kind kind = Kind::Single;
    QList<Option> options;
    std::optional<double> min;
    std::optional<double> max;
    QString unit;

    /// The label of an option, or empty when the question has no such option.
    QString labelOf(const QString &optionId) const;
};

/// What one row of a condition tests (docs/catalogue-format.md §9), with `not` folded in: "none of"
/// is `not (q in (…))`, "does not have" is `not (q has o)`.
struct ConditionOperator
{
    enum class Test
    {
        Literal, ///< true / false
        Is, ///< q = o
        IsNot, ///< q != o
        AnyOf, ///< q in (o, …)
        Has, ///< q has o
        HasAny, ///< q has any (o, …)
        Compare, ///< q < n, <=, >, >=, =, !=
        Between, ///< q > n and q < m (each bound strict or not): one row, two comparisons
        Answered ///< answered(q)
    };

    Test test = Test::Is;
    bool negated = false; ///< written as `not (…)`
    catalogue::Condition::Op op
        = catalogue::Condition::Op::GreaterEqual; ///< Compare; Between: the lower bound
    catalogue::Condition::Op upperOp = catalogue::Condition::Op::Less; ///< Between: the upper bound

    /// How many options the row names: 0, 1 (exactly one) or 2 (one or more).
    int optionCount() const;
    /// How many numbers the row holds: 0, 1 or 2.
    int numberCount() const;

    /// The operators the builder offers for a question of this kind, in the order shown.
    static QList<ConditionOperator> offeredFor(ConditionQuestion::Kind kind);

    friend bool operator==(const ConditionOperator &, const ConditionOperator &) = default;
};

/// One row of the builder: a question, what is tested, and the options or numbers it is tested with.
/// Rows with the same `group` are bracketed together (see ConditionRows).
struct ConditionRow
{
    ConditionOperator oper;
    QString question;
    QStringList options;
    double number = 0;
    double upper = 0; ///< Between
    bool literal = true; ///< Literal
    int group = 0;

    friend bool operator==(const ConditionRow &, const ConditionRow &) = default;
};

/// A condition as the builder shows it: rows in groups. The groups are joined by `join`; the rows of
/// one group by the other word, in brackets — `(a or b) and c` is two groups joined by `and`, the
/// first holding two rows. That is every condition of at most two levels, which is what the format's
/// conditions are written as; a deeper one (`a or (b and (c or d))`, `not (a and b)`) is kept as text.
/// Converting text to rows and back gives the same condition (the same parsed tree).
class ConditionRows
{
    Q_DECLARE_TR_FUNCTIONS(ow::authoring::ConditionRows)

public:
    enum class Join
    {
        And,
        Or
    };

    Join join = Join::And;
    QList<ConditionRow> rows; ///< in group order after normalize()

    /// The rows of a parsed condition; a failure (Error::Code::Invalid) says why it has no rows.
    static Result<ConditionRows> fromCondition(const catalogue::Condition &condition);
    /// Parses text and makes rows of it. A text that does not parse gives the parser's error, with
    /// its column counted from 1 at the start of `text`.
    static Result<ConditionRows> fromText(const QString &text);

    /// Brings the rows of each group together (groups in the order they first appear) and numbers
    /// the groups 0, 1, … in that order.
    void normalize();
    /// The groups' sizes, after normalize().
    int groupCount() const;

    /// The condition as text, as the format writes it (canonical spacing and brackets); empty when
    /// there are no rows. Rows must be complete (see problems()).
    QString toText() const;

    /// What keeps the rows from being written, one message per problem, each naming its row (1-based):
    /// a question or option that does not exist, an operator that does not suit the question's kind,
    /// a missing option, a number outside the question's min and max, a question that the entry may
    /// not mention (`allowed` holds those it may; the rest of `questions` are named as coming later).
    QStringList problems(const QList<ConditionQuestion> &questions, const QStringList &allowed) const;

private:
    catalogue::ConditionPtr toCondition() const;
};

} // namespace ow::authoring
