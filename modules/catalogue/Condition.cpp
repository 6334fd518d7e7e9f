#include "catalogue/Condition.h"

#include "catalogue/Answers.h"

namespace ow::catalogue {

namespace {

Truth fromBool(bool value)
{
    return value ? Truth::True : Truth::False;
}

bool compare(double value, Condition::Op op, double number)
{
    switch (op) {
    case Condition::Op::Less:
        return value < number;
    case Condition::Op::LessEqual:
        return value <= number;
    case Condition::Op::Greater:
        return value > number;
    case Condition::Op::GreaterEqual:
        return value >= number;
    case Condition::Op::Equal:
        return value == number;
    case Condition::Op::NotEqual:
        return value != number;
    }
    return false;
}

// A multi-choice answer "equals" an option when that option is the only one chosen.
bool isExactly(const Answer &answer, const QStringList &optionIds)
{
    if (answer.type == Answer::Type::Single)
        return !optionIds.isEmpty() && answer.option == optionIds.first();
    if (answer.type == Answer::Type::Multi)
        return optionIds.size() == 1 && answer.options.size() == 1
            && answer.options.first() == optionIds.first();
    return false;
}

// One comparison atom against a present answer. A mismatched answer type is False: the loader reports
// comparing a question of the wrong kind, so here it only has to be harmless.
bool evaluateAtom(const Condition &c, const Answer &answer)
{
    using Kind = Condition::Kind;
    switch (c.kind) {
    case Kind::Equals:
        return isExactly(answer, c.optionIds);
    case Kind::NotEquals:
        return answer.type != Answer::Type::Number && !isExactly(answer, c.optionIds);
    case Kind::In:
        return answer.type == Answer::Type::Single && c.optionIds.contains(answer.option);
    case Kind::Has:
        return answer.type == Answer::Type::Multi && !c.optionIds.isEmpty()
            && answer.options.contains(c.optionIds.first());
    case Kind::HasAny:
        if (answer.type != Answer::Type::Multi)
            return false;
        for (const QString &option : c.optionIds) {
            if (answer.options.contains(option))
                return true;
        }
        return false;
    case Kind::Compare:
        return answer.type == Answer::Type::Number && compare(answer.number, c.op, c.number);
    default:
        return false;
    }
}

const char *opText(Condition::Op op)
{
    switch (op) {
    case Condition::Op::Less:
        return "<";
    case Condition::Op::LessEqual:
        return "<=";
    case Condition::Op::Greater:
        return ">";
    case Condition::Op::GreaterEqual:
        return ">=";
    case Condition::Op::Equal:
        return "=";
    case Condition::Op::NotEqual:
        return "!=";
    }
    return "=";
}

bool isGroup(const Condition &c)
{
    return c.kind == Condition::Kind::And || c.kind == Condition::Kind::Or;
}

void write(const Condition &c, QString &out);

void writeOperand(const Condition &operand, bool parenthesise, QString &out)
{
    if (parenthesise)
        out += QLatin1Char('(');
    write(operand, out);
    if (parenthesise)
        out += QLatin1Char(')');
}

void write(const Condition &c, QString &out)
{
    using Kind = Condition::Kind;
    switch (c.kind) {
    case Kind::Literal:
        out += c.literal ? u"true" : u"false";
        return;
    case Kind::Not:
        out += u"not ";
        if (!c.operands.empty()) {
            // `not (q = a)` reads unambiguously; `not answered(q)` and `not not x` need no help.
            const Condition &operand = *c.operands.front();
            const bool bare = operand.kind == Kind::Literal || operand.kind == Kind::Answered
                || operand.kind == Kind::Not;
            writeOperand(operand, !bare, out);
        }
        return;
    case Kind::And:
    case Kind::Or: {
        const QStringView separator = c.kind == Kind::And ? u" and " : u" or ";
        for (size_t i = 0; i < c.operands.size(); ++i) {
            if (i > 0)
                out += separator;
            // Mixed and/or reads ambiguously to people who do not know the precedence: always bracket.
            const Condition &operand = *c.operands[i];
            writeOperand(operand, isGroup(operand), out);
        }
        return;
    }
    case Kind::Answered:
        out += u"answered(" + c.questionId + u')';
        return;
    default:
        break;
    }

    out += c.questionId;
    switch (c.kind) {
    case Kind::Equals:
        out += u" = " + c.optionIds.value(0);
        break;
    case Kind::NotEquals:
        out += u" != " + c.optionIds.value(0);
        break;
    case Kind::In:
        out += u" in (" + c.optionIds.join(u", ") + u')';
        break;
    case Kind::Has:
        out += u" has " + c.optionIds.value(0);
        break;
    case Kind::HasAny:
        out += u" has any (" + c.optionIds.join(u", ") + u')';
        break;
    case Kind::Compare:
        out += QLatin1Char(' ') + QLatin1StringView(opText(c.op)) + QLatin1Char(' ')
            + QString::number(c.number, 'g', 12);
        break;
    default:
        break;
    }
}

void collectQuestions(const Condition &c, QStringList &ids)
{
    if (!c.questionId.isEmpty() && !ids.contains(c.questionId))
        ids.append(c.questionId);
    for (const ConditionPtr &operand : c.operands)
        collectQuestions(*operand, ids);
}

} // namespace

Truth Condition::evaluate(const Answers &answers) const
{
    switch (kind) {
    case Kind::Literal:
        return fromBool(literal);
    case Kind::Not: {
        const Truth t = operands.empty() ? Truth::Unknown : operands.front()->evaluate(answers);
        return t == Truth::Unknown ? t : fromBool(t == Truth::False);
    }
    case Kind::And:
    case Kind::Or: {
        // Kleene logic: a deciding operand (False for and, True for or) wins over Unknown.
        const Truth decisive = kind == Kind::And ? Truth::False : Truth::True;
        bool unknown = false;
        for (const ConditionPtr &operand : operands) {
            const Truth t = operand->evaluate(answers);
            if (t == decisive)
                return decisive;
            unknown = unknown || t == Truth::Unknown;
        }
        if (unknown)
            return Truth::Unknown;
        return kind == Kind::And ? Truth::True : Truth::False;
    }
    case Kind::Answered:
        return fromBool(!answers.isNotApplicable(questionId) && answers.contains(questionId));
    default:
        break;
    }
    // An answered question is never also marked not asked (Answers keeps the two apart), so the
    // answer is looked up first and the not-asked list only read for an unanswered one.
    const Answer *answer = answers.find(questionId);
    if (!answer) {
        // A question not asked in this situation has no answer and never will: comparisons are settled.
        return answers.isNotApplicable(questionId) ? Truth::False : Truth::Unknown;
    }
    return fromBool(evaluateAtom(*this, *answer));
}

QStringList Condition::referencedQuestions() const
{
    QStringList ids;
    collectQuestions(*this, ids);
    return ids;
}

QString Condition::toString() const
{
    QString out;
    write(*this, out);
    return out;
}

} // namespace ow::catalogue
