#include "catalogue/Answers.h"

#include <algorithm>

namespace ow::catalogue {

Answer Answer::single(const QString &optionId)
{
    Answer a;
    a.type = Type::Single;
    a.option = optionId;
    return a;
}

Answer Answer::multi(QStringList optionIds)
{
    Answer a;
    a.type = Type::Multi;
    std::sort(optionIds.begin(), optionIds.end());
    optionIds.erase(std::unique(optionIds.begin(), optionIds.end()), optionIds.end());
    a.options = std::move(optionIds);
    return a;
}

Answer Answer::numeric(double value)
{
    Answer a;
    a.type = Type::Number;
    a.number = value;
    return a;
}

QString Answer::toText() const
{
    switch (type) {
    case Type::Single:
        return option;
    case Type::Multi:
        return options.isEmpty() ? QStringLiteral("none") : options.join(QLatin1Char('+'));
    case Type::Number:
        return QString::number(number, 'g', 12);
    }
    return {};
}

QList<Answers::Entry>::const_iterator Answers::lowerBound(const QString &questionId) const
{
    return std::lower_bound(m_answers.cbegin(), m_answers.cend(), questionId,
        [](const Entry &entry, const QString &id) { return entry.first < id; });
}

// Below this many entries a scan comparing for equality (length first) beats a binary search, whose
// ordering comparisons cannot stop at a length mismatch; above it the scan makes a matter of hundreds
// of questions quadratic per situation.
constexpr qsizetype kScanLimit = 12;

const Answer *Answers::find(const QString &questionId) const
{
    if (m_answers.size() <= kScanLimit) {
        for (const Entry &entry : m_answers)
            if (entry.first == questionId)
                return &entry.second;
        return nullptr;
    }
    const auto it = lowerBound(questionId);
    return it != m_answers.cend() && it->first == questionId ? &it->second : nullptr;
}

bool Answers::isNotApplicable(const QString &questionId) const
{
    if (m_notApplicableSorted.size() <= kScanLimit)
        return m_notApplicableSorted.contains(questionId);
    const auto it
        = std::lower_bound(m_notApplicableSorted.cbegin(), m_notApplicableSorted.cend(), questionId);
    return it != m_notApplicableSorted.cend() && *it == questionId;
}

void Answers::forgetNotApplicable(const QString &questionId)
{
    if (m_notApplicable.isEmpty() || !isNotApplicable(questionId))
        return;
    // The situation engine unmarks in the reverse order it marked: the last one, found at once.
    if (m_notApplicable.constLast() == questionId)
        m_notApplicable.removeLast();
    else
        m_notApplicable.removeOne(questionId);
    m_notApplicableSorted.removeAt(
        std::lower_bound(m_notApplicableSorted.cbegin(), m_notApplicableSorted.cend(), questionId)
        - m_notApplicableSorted.cbegin());
}

void Answers::set(const QString &questionId, const Answer &answer)
{
    forgetNotApplicable(questionId);
    const auto it = lowerBound(questionId);
    const qsizetype at = it - m_answers.cbegin();
    if (it != m_answers.cend() && it->first == questionId)
        m_answers[at].second = answer;
    else
        m_answers.insert(at, Entry {questionId, answer});
}

void Answers::remove(const QString &questionId)
{
    const auto it = lowerBound(questionId);
    if (it != m_answers.cend() && it->first == questionId)
        m_answers.removeAt(it - m_answers.cbegin());
    forgetNotApplicable(questionId);
}

void Answers::setNotApplicable(const QString &questionId)
{
    const auto it = lowerBound(questionId);
    if (it != m_answers.cend() && it->first == questionId)
        m_answers.removeAt(it - m_answers.cbegin());
    if (isNotApplicable(questionId))
        return;
    m_notApplicable.append(questionId);
    m_notApplicableSorted.insert(
        std::lower_bound(m_notApplicableSorted.cbegin(), m_notApplicableSorted.cend(), questionId)
            - m_notApplicableSorted.cbegin(),
        questionId);
}

QStringList Answers::questionIds() const
{
    QStringList ids;
    ids.reserve(m_answers.size());
    for (const Entry &entry : m_answers)
        ids.append(entry.first);
    return ids;
}

} // namespace ow::catalogue
