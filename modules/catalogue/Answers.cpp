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

const Answer *Answers::find(const QString &questionId) const
{
    auto it = m_answers.constFind(questionId);
    return it == m_answers.constEnd() ? nullptr : &it.value();
}

} // namespace ow::catalogue
