#include "catalogue/NumberPartition.h"

#include <QCoreApplication>
#include <algorithm>

namespace ow::catalogue {

namespace {

bool compare(Condition::Op op, double left, double right)
{
    switch (op) {
    case Condition::Op::Less:
        return left < right;
    case Condition::Op::LessEqual:
        return left <= right;
    case Condition::Op::Greater:
        return left > right;
    case Condition::Op::GreaterEqual:
        return left >= right;
    case Condition::Op::Equal:
        return left == right;
    case Condition::Op::NotEqual:
        return left != right;
    }
    return false;
}

template<typename Visit> void forEachNode(const ConditionPtr &condition, Visit &&visit)
{
    if (!condition)
        return;
    visit(*condition);
    for (const ConditionPtr &operand : condition->operands)
        forEachNode(operand, visit);
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

NumberPartition NumberPartition::of(const Matter &matter, const Question &question)
{
    NumberPartition partition;
    auto collect = [&](const Condition &node) {
        if (node.kind == Condition::Kind::Compare && node.questionId == question.id)
            partition.m_thresholds.append({node.op, node.number});
    };
    for (const Question &q : matter.questions) {
        forEachNode(q.when, collect);
        for (const Option &option : q.options)
            forEachNode(option.when, collect);
    }
    for (const Requirement &requirement : matter.requirements)
        forEachNode(requirement.when, collect);
    for (const ScreeningOutcome &outcome : matter.outcomes)
        forEachNode(outcome.when, collect);

    for (const Threshold &t : partition.m_thresholds)
        partition.m_cuts.append(t.number);
    std::sort(partition.m_cuts.begin(), partition.m_cuts.end());
    partition.m_cuts.erase(
        std::unique(partition.m_cuts.begin(), partition.m_cuts.end()), partition.m_cuts.end());

    // Candidates on, just below, just above and between every cut; keep the first of each signature.
    QList<double> candidates;
    for (qsizetype i = 0; i < partition.m_cuts.size(); ++i) {
        const double cut = partition.m_cuts.at(i);
        candidates << cut - 1 << cut << cut + 1;
        if (i + 1 < partition.m_cuts.size())
            candidates << (cut + partition.m_cuts.at(i + 1)) / 2;
    }
    if (candidates.isEmpty())
        candidates << (question.minimum ? *question.minimum : 0.0);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    QList<QList<bool>> seen;
    for (double value : std::as_const(candidates)) {
        if ((question.minimum && value < *question.minimum)
            || (question.maximum && value > *question.maximum))
            continue;
        const QList<bool> sig = partition.signature(value);
        if (seen.contains(sig))
            continue;
        seen.append(sig);
        partition.m_representatives.append(value);
    }
    // The ends of the allowed range may hold an interval no candidate fell in (a cut just inside min).
    for (const std::optional<double> &end : {question.minimum, question.maximum}) {
        if (end && !seen.contains(partition.signature(*end))) {
            seen.append(partition.signature(*end));
            partition.m_representatives.append(*end);
        }
    }
    std::sort(partition.m_representatives.begin(), partition.m_representatives.end());
    return partition;
}

QList<bool> NumberPartition::signature(double value) const
{
    QList<bool> sig;
    sig.reserve(m_thresholds.size());
    for (const Threshold &t : m_thresholds)
        sig.append(compare(t.op, value, t.number));
    return sig;
}

QString NumberPartition::label(double value, const QString &unit) const
{
    // The interval is bounded by the nearest cuts on each side that change the signature.
    const QList<bool> sig = signature(value);
    std::optional<double> lower;
    bool lowerInclusive = false;
    std::optional<double> upper;
    bool upperInclusive = false;
    for (qsizetype i = m_cuts.size() - 1; i >= 0; --i) {
        const double cut = m_cuts.at(i);
        if (cut > value)
            continue;
        if (signature(cut) != sig) {
            lower = cut;
            break;
        }
        if (signature(cut - 1e-9) != sig) {
            lower = cut;
            lowerInclusive = true;
            break;
        }
    }
    for (double cut : m_cuts) {
        if (cut < value)
            continue;
        if (signature(cut) != sig) {
            upper = cut;
            break;
        }
        if (signature(cut + 1e-9) != sig) {
            upper = cut;
            upperInclusive = true;
            break;
        }
    }
    QString text;
    if (lower && upper && *lower == *upper)
        text = QStringLiteral("= ") + number(*lower);
    else if (lower && upper)
        text = QStringLiteral("%1 %2 x %3 %4")
                   .arg(number(*lower), lowerInclusive ? QStringLiteral("≤") : QStringLiteral("<"),
                       upperInclusive ? QStringLiteral("≤") : QStringLiteral("<"), number(*upper));
    else if (lower)
        text = (lowerInclusive ? QStringLiteral("≥ ") : QStringLiteral("> ")) + number(*lower);
    else if (upper)
        text = (upperInclusive ? QStringLiteral("≤ ") : QStringLiteral("< ")) + number(*upper);
    else
        text = QCoreApplication::translate("ow::catalogue", "any value");
    return unit.isEmpty() ? text : text + QLatin1Char(' ') + unit;
}

} // namespace ow::catalogue
