#include "catalogue/NumberPartition.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
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

    // Number every distinct signature once: on each cut and inside each gap between cuts.
    QHash<QByteArray, int> ids;
    auto idOf = [&](double value) {
        const QByteArray key = partition.signatureBytes(value);
        const auto known = ids.constFind(key);
        if (known != ids.constEnd())
            return known.value();
        const int id = int(ids.size());
        ids.insert(key, id);
        return id;
    };
    const QList<double> &cuts = partition.m_cuts;
    for (qsizetype i = 0; i <= cuts.size(); ++i) {
        const double inside = cuts.isEmpty() ? 0.0
            : i == 0                         ? cuts.first() - 1
            : i == cuts.size()               ? cuts.last() + 1
                                             : (cuts.at(i - 1) + cuts.at(i)) / 2;
        partition.m_gapSignatures.append(idOf(inside));
        if (i < cuts.size())
            partition.m_cutSignatures.append(idOf(cuts.at(i)));
    }

    // Candidates on, just below, just above and between every cut; keep the first of each signature.
    QList<double> candidates;
    for (qsizetype i = 0; i < cuts.size(); ++i) {
        const double cut = cuts.at(i);
        candidates << cut - 1 << cut << cut + 1;
        if (i + 1 < cuts.size())
            candidates << (cut + cuts.at(i + 1)) / 2;
    }
    if (candidates.isEmpty())
        candidates << (question.minimum ? *question.minimum : 0.0);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    QSet<int> seen;
    for (double value : std::as_const(candidates)) {
        if ((question.minimum && value < *question.minimum)
            || (question.maximum && value > *question.maximum))
            continue;
        const int sig = partition.signature(value);
        if (seen.contains(sig))
            continue;
        seen.insert(sig);
        partition.m_representatives.append(value);
    }
    // The ends of the allowed range may hold an interval no candidate fell in (a cut just inside min).
    for (const std::optional<double> &end : {question.minimum, question.maximum}) {
        if (end && !seen.contains(partition.signature(*end))) {
            seen.insert(partition.signature(*end));
            partition.m_representatives.append(*end);
        }
    }
    std::sort(partition.m_representatives.begin(), partition.m_representatives.end());
    return partition;
}

QByteArray NumberPartition::signatureBytes(double value) const
{
    QByteArray sig(m_thresholds.size(), '\0');
    for (qsizetype i = 0; i < m_thresholds.size(); ++i)
        sig[i] = compare(m_thresholds.at(i).op, value, m_thresholds.at(i).number) ? '1' : '0';
    return sig;
}

int NumberPartition::signature(double value) const
{
    const auto it = std::lower_bound(m_cuts.cbegin(), m_cuts.cend(), value);
    const qsizetype index = it - m_cuts.cbegin();
    if (it != m_cuts.cend() && *it == value)
        return m_cutSignatures.at(index);
    return m_gapSignatures.at(index);
}

QString NumberPartition::label(double value, const QString &unit) const
{
    // The interval is bounded by the nearest cuts on each side that change the signature.
    const int sig = signature(value);
    std::optional<double> lower;
    bool lowerInclusive = false;
    std::optional<double> upper;
    bool upperInclusive = false;
    // Start at the nearest cut on each side: the cuts further off are only reached past equal signatures.
    const qsizetype firstAbove = std::upper_bound(m_cuts.cbegin(), m_cuts.cend(), value) - m_cuts.cbegin();
    for (qsizetype i = firstAbove - 1; i >= 0; --i) {
        const double cut = m_cuts.at(i);
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
    const qsizetype firstNotBelow = std::lower_bound(m_cuts.cbegin(), m_cuts.cend(), value) - m_cuts.cbegin();
    for (qsizetype i = firstNotBelow; i < m_cuts.size(); ++i) {
        const double cut = m_cuts.at(i);
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
