#include "SituationSpace.h"

using namespace Qt::StringLiterals;

namespace ow::synthgen {

GenCondition GenCondition::compare(Kind kind, int question, QList<int> options)
{
    GenCondition c;
    c.kind = kind;
    c.question = question;
    c.options = std::move(options);
    return c;
}

GenCondition GenCondition::number(Kind kind, int question, int threshold)
{
    GenCondition c;
    c.kind = kind;
    c.question = question;
    c.threshold = threshold;
    return c;
}

GenCondition GenCondition::combine(Kind kind, std::vector<GenCondition> operands)
{
    GenCondition c;
    c.kind = kind;
    c.operands = std::move(operands);
    return c;
}

namespace {

using Type = QuestionKind::Type;

struct Enumerator
{
    const QList<GenQuestion> &questions;
    int cap;
    QList<GenSituation> out;
    GenSituation current;

    bool offered(const GenOption &option) const
    {
        return !option.when || SituationSpace::holds(*option.when, current);
    }

    void walk(qsizetype index)
    {
        if (out.size() > cap)
            return;
        if (index == questions.size()) {
            out.append(current);
            return;
        }
        const GenQuestion &q = questions.at(index);
        if (q.when && !SituationSpace::holds(*q.when, current)) {
            current[index] = -1;
            walk(index + 1);
            return;
        }
        if (q.type == Type::Number) {
            for (int interval = 0; interval <= q.thresholds.size(); ++interval) {
                current[index] = interval;
                walk(index + 1);
            }
        } else if (q.type == Type::Single) {
            for (int i = 0; i < q.options.size(); ++i) {
                if (!offered(q.options.at(i)))
                    continue;
                current[index] = i;
                walk(index + 1);
            }
        } else {
            int offeredMask = 0;
            for (int i = 0; i < q.options.size(); ++i)
                if (offered(q.options.at(i)))
                    offeredMask |= 1 << i;
            // Every subset of the offered options, the empty answer included.
            for (int mask = 0; mask < (1 << q.options.size()); ++mask) {
                if ((mask & ~offeredMask) != 0)
                    continue;
                current[index] = mask;
                walk(index + 1);
            }
        }
        current[index] = -1;
    }
};

} // namespace

QList<GenSituation> SituationSpace::enumerate(const QList<GenQuestion> &questions, int cap)
{
    Enumerator e {questions, cap, {}, GenSituation(questions.size(), -1)};
    e.walk(0);
    return e.out;
}

bool SituationSpace::holds(const GenCondition &c, const GenSituation &s)
{
    using K = GenCondition::Kind;
    const int value = c.question >= 0 ? s.value(c.question, -1) : 0;
    const bool asked = value >= 0;
    switch (c.kind) {
    case K::Equals:
        return asked && value == c.options.first();
    case K::NotEquals:
        return asked && value != c.options.first();
    case K::In:
        return asked && c.options.contains(value);
    case K::Has:
        return asked && (value & (1 << c.options.first())) != 0;
    case K::HasAny:
        for (const int option : c.options)
            if (asked && (value & (1 << option)) != 0)
                return true;
        return false;
    case K::AtLeast:
        return asked && value > c.threshold;
    case K::Below:
        return asked && value <= c.threshold;
    case K::Answered:
        return asked;
    case K::And:
        for (const GenCondition &operand : c.operands)
            if (!holds(operand, s))
                return false;
        return true;
    case K::Or:
        for (const GenCondition &operand : c.operands)
            if (holds(operand, s))
                return true;
        return false;
    case K::Not:
        return !holds(c.operands.front(), s);
    }
    return false;
}

bool SituationSpace::discriminates(const GenCondition &condition, const QList<GenSituation> &situations)
{
    bool sawTrue = false;
    bool sawFalse = false;
    for (const GenSituation &s : situations) {
        (holds(condition, s) ? sawTrue : sawFalse) = true;
        if (sawTrue && sawFalse)
            return true;
    }
    return false;
}

QString SituationSpace::numberText(double value)
{
    return QString::number(value, 'g', 12);
}

QString SituationSpace::toText(const GenCondition &c, const QList<GenQuestion> &questions)
{
    using K = GenCondition::Kind;
    const auto optionId
        = [&](int option) -> QString { return questions.at(c.question).options.at(option).id; };
    const auto optionList = [&]() -> QString {
        QStringList ids;
        for (const int option : c.options)
            ids.append(optionId(option));
        return u"("_s + ids.join(u", "_s) + u')';
    };
    const QString q = c.question >= 0 ? questions.at(c.question).id : QString();
    switch (c.kind) {
    case K::Equals:
        return q + u" = "_s + optionId(c.options.first());
    case K::NotEquals:
        return q + u" != "_s + optionId(c.options.first());
    case K::In:
        return q + u" in "_s + optionList();
    case K::Has:
        return q + u" has "_s + optionId(c.options.first());
    case K::HasAny:
        return q + u" has any "_s + optionList();
    case K::AtLeast:
        return q + u" >= "_s + numberText(questions.at(c.question).thresholds.at(c.threshold));
    case K::Below:
        return q + u" < "_s + numberText(questions.at(c.question).thresholds.at(c.threshold));
    case K::Answered:
        return u"answered("_s + q + u')';
    case K::Not:
        return u"not ("_s + toText(c.operands.front(), questions) + u')';
    case K::And:
    case K::Or: {
        QStringList parts;
        for (const GenCondition &operand : c.operands) {
            const QString text = toText(operand, questions);
            // `and` binds tighter than `or`: only an `or` inside an `and` needs parentheses.
            parts.append(c.kind == K::And && operand.kind == K::Or ? u"("_s + text + u')' : text);
        }
        return parts.join(c.kind == K::And ? u" and "_s : u" or "_s);
    }
    }
    return {};
}

} // namespace ow::synthgen
