#include "authoring/ConditionRows.h"

#include <QHash>
#include <cmath>

namespace ow::authoring {

using catalogue::Condition;
using catalogue::ConditionPtr;
using Op = Condition::Op;
using Test = ConditionOperator::Test;

namespace {

bool isLower(Op op)
{
    return op == Op::Greater || op == Op::GreaterEqual;
}

bool isUpper(Op op)
{
    return op == Op::Less || op == Op::LessEqual;
}

Failure deeper()
{
    return fail(Error::Code::Invalid,
        ConditionRows::tr("this condition is nested deeper than rows in groups can show: edit it as text"));
}

// One comparison (or true/false), possibly under one `not`, as a row.
Result<ConditionRow> rowOf(const Condition &node)
{
    using Kind = Condition::Kind;
    ConditionRow row;
    const Condition *atom = &node;
    if (node.kind == Kind::Not) {
        if (node.operands.empty())
            return deeper();
        atom = node.operands.front().get();
        row.oper.negated = true;
    }
    row.question = atom->questionId;
    row.options = atom->optionIds;
    switch (atom->kind) {
    case Kind::Literal:
        row.oper.test = Test::Literal;
        row.literal = atom->literal;
        break;
    case Kind::Equals:
        row.oper.test = Test::Is;
        break;
    case Kind::NotEquals:
        row.oper.test = Test::IsNot;
        break;
    case Kind::In:
        row.oper.test = Test::AnyOf;
        break;
    case Kind::Has:
        row.oper.test = Test::Has;
        break;
    case Kind::HasAny:
        row.oper.test = Test::HasAny;
        break;
    case Kind::Compare:
        row.oper.test = Test::Compare;
        row.oper.op = atom->op;
        row.number = atom->number;
        break;
    case Kind::Answered:
        row.oper.test = Test::Answered;
        break;
    default:
        return deeper();
    }
    return row;
}

// Whether two operands of an `and` make one range: a lower bound followed by an upper bound of the
// same question.
bool isRange(const Condition &low, const Condition &high)
{
    return low.kind == Condition::Kind::Compare && high.kind == Condition::Kind::Compare
        && low.questionId == high.questionId && isLower(low.op) && isUpper(high.op);
}

ConditionRow rangeRow(const Condition &low, const Condition &high)
{
    ConditionRow row;
    row.oper.test = Test::Between;
    row.oper.op = low.op;
    row.oper.upperOp = high.op;
    row.question = low.questionId;
    row.number = low.number;
    row.upper = high.number;
    return row;
}

// The operands of one `and` (or of a lone range) as rows, a lower and an upper bound of one question
// next to each other taken as a range. `group` < 0 gives each row (or range) a group of its own.
Result<void> addAndRows(const Condition &node, int group, int &nextGroup, QList<ConditionRow> &rows)
{
    const auto &operands = node.operands;
    for (size_t i = 0; i < operands.size(); ++i) {
        ConditionRow row;
        if (i + 1 < operands.size() && isRange(*operands[i], *operands[i + 1])) {
            row = rangeRow(*operands[i], *operands[i + 1]);
            ++i;
        } else {
            Result<ConditionRow> single = rowOf(*operands[i]);
            if (!single)
                return failWith(single.error());
            row = *single;
        }
        row.group = group >= 0 ? group : nextGroup++;
        rows.append(row);
    }
    return {};
}

ConditionPtr atomNode(const ConditionRow &row)
{
    auto node = std::make_shared<Condition>();
    switch (row.oper.test) {
    case Test::Literal:
        node->kind = Condition::Kind::Literal;
        node->literal = row.literal;
        break;
    case Test::Is:
        node->kind = Condition::Kind::Equals;
        break;
    case Test::IsNot:
        node->kind = Condition::Kind::NotEquals;
        break;
    case Test::AnyOf:
        node->kind = Condition::Kind::In;
        break;
    case Test::Has:
        node->kind = Condition::Kind::Has;
        break;
    case Test::HasAny:
        node->kind = Condition::Kind::HasAny;
        break;
    case Test::Compare:
    case Test::Between:
        node->kind = Condition::Kind::Compare;
        node->op = row.oper.op;
        node->number = row.number;
        break;
    case Test::Answered:
        node->kind = Condition::Kind::Answered;
        break;
    }
    if (node->kind != Condition::Kind::Literal)
        node->questionId = row.question;
    if (row.oper.optionCount() > 0)
        node->optionIds = row.oper.optionCount() == 1 ? row.options.mid(0, 1) : row.options;
    return node;
}

// The nodes one row stands for: two for a range (to be joined by `and`), else one.
std::vector<ConditionPtr> rowNodes(const ConditionRow &row)
{
    ConditionPtr first = atomNode(row);
    if (row.oper.test == Test::Between) {
        auto upper = std::make_shared<Condition>();
        upper->kind = Condition::Kind::Compare;
        upper->questionId = row.question;
        upper->op = row.oper.upperOp;
        upper->number = row.upper;
        return {first, upper};
    }
    if (row.oper.negated) {
        auto negation = std::make_shared<Condition>();
        negation->kind = Condition::Kind::Not;
        negation->operands.push_back(first);
        return {negation};
    }
    return {first};
}

// A group node of `kind` over `parts`, each part's operands taken in when it is of the same kind (as
// the parser flattens `a and (b and c)`); a single part stands alone.
ConditionPtr joined(Condition::Kind kind, const std::vector<std::vector<ConditionPtr>> &parts)
{
    std::vector<ConditionPtr> operands;
    for (const std::vector<ConditionPtr> &part : parts) {
        if (part.size() == 1) {
            const ConditionPtr &only = part.front();
            if (only->kind == kind)
                operands.insert(operands.end(), only->operands.begin(), only->operands.end());
            else
                operands.push_back(only);
        } else if (kind == Condition::Kind::And) {
            operands.insert(operands.end(), part.begin(), part.end());
        } else {
            auto range = std::make_shared<Condition>();
            range->kind = Condition::Kind::And;
            range->operands = part;
            operands.push_back(range);
        }
    }
    if (operands.size() == 1)
        return operands.front();
    auto node = std::make_shared<Condition>();
    node->kind = kind;
    node->operands = std::move(operands);
    return node;
}

bool withinRange(const ConditionQuestion &question, double value)
{
    return (!question.min || value >= *question.min) && (!question.max || value <= *question.max);
}

QString numberText(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

QString ConditionQuestion::labelOf(const QString &optionId) const
{
    for (const Option &option : options)
        if (option.id == optionId)
            return option.label;
    return {};
}

int ConditionOperator::optionCount() const
{
    switch (test) {
    case Test::Is:
    case Test::IsNot:
    case Test::Has:
        return 1;
    case Test::AnyOf:
    case Test::HasAny:
        return 2;
    default:
        return 0;
    }
}

int ConditionOperator::numberCount() const
{
    return test == Test::Compare ? 1 : test == Test::Between ? 2 : 0;
}

QList<ConditionOperator> ConditionOperator::offeredFor(ConditionQuestion::Kind kind)
{
    const ConditionOperator answered {Test::Answered, false};
    const ConditionOperator notAnswered {Test::Answered, true};
    switch (kind) {
    case ConditionQuestion::Kind::Single:
        return {{Test::Is, false}, {Test::IsNot, false}, {Test::AnyOf, false}, {Test::AnyOf, true}, answered,
            notAnswered};
    case ConditionQuestion::Kind::Multi:
        return {{Test::Has, false}, {Test::Has, true}, {Test::HasAny, false}, {Test::HasAny, true}, answered,
            notAnswered};
    case ConditionQuestion::Kind::Number:
        break;
    }
    QList<ConditionOperator> offered;
    for (Op op : {Op::Equal, Op::NotEqual, Op::Less, Op::LessEqual, Op::Greater, Op::GreaterEqual})
        offered.append({Test::Compare, false, op});
    offered.append({Test::Between, false, Op::GreaterEqual, Op::Less});
    offered.append({Test::Between, false, Op::GreaterEqual, Op::LessEqual});
    offered.append({Test::Between, false, Op::Greater, Op::Less});
    offered.append({Test::Between, false, Op::Greater, Op::LessEqual});
    offered.append(answered);
    offered.append(notAnswered);
    return offered;
}

Result<ConditionRows> ConditionRows::fromCondition(const Condition &condition)
{
    using Kind = Condition::Kind;
    ConditionRows result;
    int nextGroup = 0;
    if (condition.kind == Kind::Or) {
        result.join = Join::Or;
        for (const ConditionPtr &operand : condition.operands) {
            if (operand->kind == Kind::And) {
                if (Result<void> added = addAndRows(*operand, nextGroup++, nextGroup, result.rows); !added)
                    return failWith(added.error());
                continue;
            }
            Result<ConditionRow> row = rowOf(*operand);
            if (!row)
                return failWith(row.error());
            row->group = nextGroup++;
            result.rows.append(*row);
        }
        return result;
    }
    result.join = Join::And;
    if (condition.kind != Kind::And) {
        Result<ConditionRow> row = rowOf(condition);
        if (!row)
            return failWith(row.error());
        result.rows.append(*row);
        return result;
    }
    // An `and` of rows and of `or` groups of rows: each operand that is no `or` is a group of its own.
    std::vector<ConditionPtr> pending; // operands not in an `or`, gathered to find ranges among them
    const auto flush = [&]() -> Result<void> {
        Condition plain;
        plain.kind = Kind::And;
        plain.operands = std::move(pending);
        pending.clear();
        return addAndRows(plain, -1, nextGroup, result.rows);
    };
    for (const ConditionPtr &operand : condition.operands) {
        if (operand->kind != Kind::Or) {
            pending.push_back(operand);
            continue;
        }
        if (Result<void> flushed = flush(); !flushed)
            return failWith(flushed.error());
        const int group = nextGroup++;
        for (const ConditionPtr &alternative : operand->operands) {
            Result<ConditionRow> row = alternative->kind == Kind::And && alternative->operands.size() == 2
                    && isRange(*alternative->operands[0], *alternative->operands[1])
                ? Result<ConditionRow>(rangeRow(*alternative->operands[0], *alternative->operands[1]))
                : rowOf(*alternative);
            if (!row)
                return failWith(row.error());
            row->group = group;
            result.rows.append(*row);
        }
    }
    if (Result<void> flushed = flush(); !flushed)
        return failWith(flushed.error());
    return result;
}

Result<ConditionRows> ConditionRows::fromText(const QString &text)
{
    Result<ConditionPtr> parsed = catalogue::parseCondition(text, SourceLocation {QString(), 0, 1});
    if (!parsed)
        return failWith(parsed.error());
    return fromCondition(**parsed);
}

void ConditionRows::normalize()
{
    QList<int> order; // the groups in the order they first appear
    for (const ConditionRow &row : rows)
        if (!order.contains(row.group))
            order.append(row.group);
    QList<ConditionRow> sorted;
    for (int g = 0; g < order.size(); ++g) {
        for (const ConditionRow &row : std::as_const(rows)) {
            if (row.group == order.at(g)) {
                sorted.append(row);
                sorted.last().group = g;
            }
        }
    }
    rows = std::move(sorted);
}

int ConditionRows::groupCount() const
{
    int count = 0;
    for (const ConditionRow &row : rows)
        count = std::max(count, row.group + 1);
    return count;
}

ConditionPtr ConditionRows::toCondition() const
{
    ConditionRows sorted = *this;
    sorted.normalize();
    const Condition::Kind outer = join == Join::And ? Condition::Kind::And : Condition::Kind::Or;
    const Condition::Kind inner = join == Join::And ? Condition::Kind::Or : Condition::Kind::And;
    std::vector<std::vector<ConditionPtr>> groups;
    for (int g = 0; g < sorted.groupCount(); ++g) {
        std::vector<std::vector<ConditionPtr>> members;
        for (const ConditionRow &row : std::as_const(sorted.rows))
            if (row.group == g)
                members.push_back(rowNodes(row));
        if (members.size() == 1)
            groups.push_back(members.front());
        else
            groups.push_back({joined(inner, members)});
    }
    if (groups.empty())
        return nullptr;
    return joined(outer, groups);
}

QString ConditionRows::toText() const
{
    const ConditionPtr condition = toCondition();
    return condition ? condition->toString() : QString();
}

QStringList ConditionRows::problems(
    const QList<ConditionQuestion> &questions, const QStringList &allowed) const
{
    QHash<QString, const ConditionQuestion *> byId;
    for (const ConditionQuestion &question : questions)
        byId.insert(question.id, &question);
    QStringList found;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const ConditionRow &row = rows.at(i);
        const auto say
            = [&](const QString &message) { found.append(tr("Row %1: %2").arg(i + 1).arg(message)); };
        if (row.oper.test == Test::Literal)
            continue;
        if (row.question.isEmpty()) {
            say(tr("choose a question"));
            continue;
        }
        const ConditionQuestion *question = byId.value(row.question);
        if (!question) {
            say(tr("the matter has no question '%1'").arg(row.question));
            continue;
        }
        if (!allowed.contains(row.question)) {
            say(tr("「%1」 is not asked before this entry; a question's condition may only use earlier "
                   "questions")
                    .arg(question->text));
            continue;
        }
        const QList<ConditionOperator> offered = ConditionOperator::offeredFor(question->kind);
        if (std::none_of(offered.cbegin(), offered.cend(),
                [&](const ConditionOperator &o) { return o.test == row.oper.test; })) {
            say(tr("this comparison does not suit the kind of 「%1」").arg(question->text));
            continue;
        }
        const int wanted = row.oper.optionCount();
        if (wanted > 0 && row.options.isEmpty())
            say(tr("choose an option"));
        else if (wanted == 1 && row.options.size() > 1)
            say(tr("choose only one option"));
        for (const QString &option : row.options)
            if (wanted > 0
                && std::none_of(question->options.cbegin(), question->options.cend(),
                    [&](const ConditionQuestion::Option &o) { return o.id == option; }))
                say(tr("「%1」 has no option '%2'").arg(question->text, option));
        const int numbers = row.oper.numberCount();
        for (int n = 0; n < numbers; ++n) {
            const double value = n == 0 ? row.number : row.upper;
            if (!std::isfinite(value))
                say(tr("write a number"));
            else if (!withinRange(*question, value))
                say(tr("%1 lies outside the range of 「%2」 (%3 to %4)")
                        .arg(numberText(value), question->text,
                            question->min ? numberText(*question->min) : QStringLiteral("−∞"),
                            question->max ? numberText(*question->max) : QStringLiteral("∞")));
        }
        if (numbers == 2 && row.number > row.upper)
            say(tr("the lower bound %1 is above the upper bound %2")
                    .arg(numberText(row.number), numberText(row.upper)));
    }
    return found;
}

} // namespace ow::authoring
