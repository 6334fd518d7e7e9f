#include "queue/Ticket.h"

#include <QCoreApplication>
#include <QStringList>

namespace ow::queue {

using namespace Qt::StringLiterals;

namespace {

const QStringList &stateKeywords()
{
    static const QStringList list {
        u"issued"_s, u"called"_s, u"serving"_s, u"done"_s, u"no-show"_s, u"transferred"_s, u"parked"_s};
    return list;
}

const QStringList &priorityKeywords()
{
    static const QStringList list {u"green"_s, u"appointment"_s, u"walk-in"_s};
    return list;
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

} // namespace

QString keyword(TicketState state)
{
    return stateKeywords().at(int(state));
}

std::optional<TicketState> ticketStateFromKeyword(const QString &text)
{
    const qsizetype at = stateKeywords().indexOf(text);
    if (at < 0)
        return std::nullopt;
    return TicketState(at);
}

QString keyword(PriorityClass priority)
{
    return priorityKeywords().at(int(priority));
}

std::optional<PriorityClass> priorityFromKeyword(const QString &text)
{
    const qsizetype at = priorityKeywords().indexOf(text);
    if (at < 0)
        return std::nullopt;
    return PriorityClass(at);
}

bool isFinal(TicketState state)
{
    return state == TicketState::Done || state == TicketState::NoShow || state == TicketState::Transferred;
}

QString stateName(TicketState state)
{
    switch (state) {
    case TicketState::Issued:
        return QCoreApplication::translate("ow::queue", "waiting");
    case TicketState::Called:
        return QCoreApplication::translate("ow::queue", "called");
    case TicketState::Serving:
        return QCoreApplication::translate("ow::queue", "being served");
    case TicketState::Done:
        return QCoreApplication::translate("ow::queue", "done");
    case TicketState::NoShow:
        return QCoreApplication::translate("ow::queue", "a no-show");
    case TicketState::Transferred:
        return QCoreApplication::translate("ow::queue", "transferred");
    case TicketState::Parked:
        break;
    }
    return QCoreApplication::translate("ow::queue", "parked");
}

std::optional<double> Ticket::waitMinutes() const
{
    if (!issued.isValid() || !firstCalled.isValid())
        return std::nullopt;
    return double(issued.msecsTo(firstCalled)) / 60000.0;
}

std::optional<double> Ticket::serviceMinutes() const
{
    if (state != TicketState::Done || !servingSince.isValid() || !finished.isValid())
        return std::nullopt;
    return double(servingSince.msecsTo(finished)) / 60000.0;
}

QJsonObject Ticket::toJson(bool withPersonalData) const
{
    QJsonObject object {{u"id"_s, double(id)}, {u"number"_s, number}, {u"area"_s, area},
        {u"matter"_s, matter}, {u"bundle"_s, bundle}, {u"priority"_s, keyword(priority)},
        {u"state"_s, keyword(state)}, {u"callCount"_s, callCount}, {u"counter"_s, counter},
        {u"calledBy"_s, calledBy}, {u"clerk"_s, clerk}, {u"issued"_s, timeValue(issued)},
        {u"firstCalled"_s, timeValue(firstCalled)}, {u"lastCalled"_s, timeValue(lastCalled)},
        {u"servingSince"_s, timeValue(servingSince)}, {u"finished"_s, timeValue(finished)},
        {u"ahead"_s, ahead}, {u"expectedWaitMinutes"_s, expectedWaitMinutes}, {u"reason"_s, reason}};
    if (!appointment.isEmpty()) {
        object.insert(u"appointment"_s, appointment);
        object.insert(u"windowStart"_s, timeValue(windowStart));
        object.insert(u"windowEnd"_s, timeValue(windowEnd));
    }
    if (transferredFrom != 0)
        object.insert(u"transferredFrom"_s, double(transferredFrom));
    if (withPersonalData) {
        object.insert(u"mobile"_s, mobile);
        if (!idCard.isEmpty())
            object.insert(u"idCard"_s, idCard);
    }
    return object;
}

} // namespace ow::queue
