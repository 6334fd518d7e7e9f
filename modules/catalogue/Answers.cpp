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

const Answer *Answers::find(const QString &questionId) const
{
    // A handful of entries: a scan comparing for equality (length first) beats a binary search,
    // whose ordering comparisons cannot stop at a length mismatch.
    for (const Entry &entry : m_answers)
        if (entry.first == questionId)
            return &entry.second;
    return nullptr;
}

void Answers::set(const QString &questionId, const Answer &answer)
{
    if (!m_notApplicable.isEmpty())
        m_notApplicable.removeAll(questionId);
    const auto it = lowerBound(questionId);
    const qsizetype at = it - m_answers.cbegin();
    if (it != m_answers.cend() && it->first == questionId)
        m_answers[at].second = answer;
    else
        m_answers.insert(at, Entry {questionId, answer});
}

void Answers::remove(const QString &questionId)
{
    m_answers.removeIf([&](const Entry &entry) { return entry.first == questionId; });
    if (!m_notApplicable.isEmpty())
        m_notApplicable.removeAll(questionId);
}

void Answers::setNotApplicable(const QString &questionId)
{
    if (find(questionId))
        m_answers.removeIf([&](const Entry &entry) { return entry.first == questionId; });
    if (!m_notApplicable.contains(questionId))
        m_notApplicable.append(questionId);
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
