#include "queue/QueueCounter.h"

#include <QJsonArray>

namespace ow::queue {

using namespace Qt::StringLiterals;

namespace {

const QStringList &counterKeywords()
{
    static const QStringList list {u"open"_s, u"paused"_s, u"closed"_s};
    return list;
}

} // namespace

QString keyword(CounterState state)
{
    return counterKeywords().at(int(state));
}

std::optional<CounterState> counterStateFromKeyword(const QString &text)
{
    const qsizetype at = counterKeywords().indexOf(text);
    if (at < 0)
        return std::nullopt;
    return CounterState(at);
}

bool QueueCounter::mayTake(const QString &area, const QString &matter) const
{
    if (!areas.isEmpty() && !areas.contains(area))
        return false;
    // A visitor who is not sure of the matter goes to any counter of the area: the clerk finds it.
    return matters.isEmpty() || matter.isEmpty() || matters.contains(matter);
}

int QueueCounter::number() const
{
    qsizetype start = id.size();
    while (start > 0 && id.at(start - 1).isDigit())
        --start;
    return id.mid(start).toInt();
}

QJsonObject QueueCounter::toJson() const
{
    return QJsonObject {{u"id"_s, id}, {u"state"_s, keyword(state)}, {u"clerk"_s, clerk},
        {u"areas"_s, QJsonArray::fromStringList(areas)}, {u"matters"_s, QJsonArray::fromStringList(matters)},
        {u"since"_s, since.isValid() ? QJsonValue(since.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()}};
}

} // namespace ow::queue
