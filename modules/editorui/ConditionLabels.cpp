#include "editorui/ConditionLabels.h"

namespace ow::editorui {

using authoring::ConditionOperator;
using authoring::ConditionQuestion;
using authoring::ConditionRow;
using authoring::ConditionRows;
using Op = catalogue::Condition::Op;
using Test = ConditionOperator::Test;

namespace {

QString numberText(double value)
{
    return QString::number(value, 'g', 12);
}

QString opSymbol(Op op)
{
    switch (op) {
    case Op::Less:
        return QStringLiteral("<");
    case Op::LessEqual:
        return QStringLiteral("≤");
    case Op::Greater:
        return QStringLiteral(">");
    case Op::GreaterEqual:
        return QStringLiteral("≥");
    case Op::Equal:
        return QStringLiteral("=");
    case Op::NotEqual:
        return QStringLiteral("≠");
    }
    return {};
}

} // namespace

QString ConditionLabels::operatorLabel(const ConditionOperator &oper, bool literal)
{
    QString base;
    switch (oper.test) {
    case Test::Literal:
        base = literal ? tr("always holds") : tr("never holds");
        break;
    case Test::Is:
        base = tr("is");
        break;
    case Test::IsNot:
        base = tr("is not");
        break;
    case Test::AnyOf:
        if (oper.negated)
            return tr("is none of");
        base = tr("is any of");
        break;
    case Test::Has:
        if (oper.negated)
            return tr("does not include");
        base = tr("includes");
        break;
    case Test::HasAny:
        if (oper.negated)
            return tr("includes none of");
        base = tr("includes any of");
        break;
    case Test::Answered:
        if (oper.negated)
            return tr("is not answered");
        base = tr("is answered");
        break;
    case Test::Compare:
        switch (oper.op) {
        case Op::Less:
            base = tr("< less than");
            break;
        case Op::LessEqual:
            base = tr("≤ at most");
            break;
        case Op::Greater:
            base = tr("> more than");
            break;
        case Op::GreaterEqual:
            base = tr("≥ at least");
            break;
        case Op::Equal:
            base = tr("= equal to");
            break;
        case Op::NotEqual:
            base = tr("≠ not equal to");
            break;
        }
        break;
    case Test::Between:
        base = tr("range a %1 x %2 b")
                   .arg(opSymbol(oper.op == Op::Greater ? Op::Less : Op::LessEqual), opSymbol(oper.upperOp));
        break;
    }
    return oper.negated ? tr("not (%1)").arg(base) : base;
}

QString ConditionLabels::joinWord(ConditionRows::Join join, bool outer)
{
    const bool isAnd = (join == ConditionRows::Join::And) == outer;
    return isAnd ? tr("and") : tr("or");
}

QString ConditionLabels::rowPhrase(
    const ConditionRows &rows, int index, const QList<ConditionQuestion> &questions)
{
    const ConditionRow &row = rows.rows.at(index);
    const auto inGroup
        = [&](int i) { return i >= 0 && i < rows.rows.size() && rows.rows.at(i).group == row.group; };
    QString phrase;
    if (index > 0)
        phrase = joinWord(rows.join, !inGroup(index - 1)) + QLatin1Char(' ');
    if (!inGroup(index - 1) && inGroup(index + 1))
        phrase += QLatin1Char('(');
    if (row.oper.test == Test::Literal) {
        phrase += operatorLabel(row.oper, row.literal);
    } else {
        const ConditionQuestion *question = nullptr;
        for (const ConditionQuestion &q : questions)
            if (q.id == row.question)
                question = &q;
        phrase += question ? question->text : tr("unknown question %1").arg(row.question);
        phrase += QLatin1Char(' ') + operatorLabel(row.oper);
        if (row.oper.optionCount() > 0) {
            QStringList labels;
            for (const QString &option : row.options) {
                const QString label = question ? question->labelOf(option) : QString();
                labels.append(label.isEmpty() ? tr("unknown option %1").arg(option) : label);
            }
            phrase
                += QLatin1Char(' ') + (labels.isEmpty() ? tr("(choose an option)") : labels.join(tr(", ")));
        }
        const QString unit
            = question && !question->unit.isEmpty() ? QLatin1Char(' ') + question->unit : QString();
        if (row.oper.test == Test::Compare)
            phrase += QLatin1Char(' ') + numberText(row.number) + unit;
        else if (row.oper.test == Test::Between)
            phrase += QStringLiteral(" %1 – %2%3").arg(numberText(row.number), numberText(row.upper), unit);
    }
    if (inGroup(index - 1) && !inGroup(index + 1))
        phrase += QLatin1Char(')');
    return phrase;
}

} // namespace ow::editorui
