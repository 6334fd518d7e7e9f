#include "queue/QueueFigures.h"

#include <QJsonArray>
#include <QMap>
#include <algorithm>
#include <cmath>

namespace ow::queue {

using namespace Qt::StringLiterals;

namespace {

struct Accumulator
{
    int tickets = 0;
    int served = 0;
    int noShows = 0;
    QList<double> waits;
    QList<double> services;

    void add(const Ticket &ticket, bool firstOfVisit)
    {
        if (firstOfVisit) {
            ++tickets;
            if (const std::optional<double> wait = ticket.waitMinutes())
                waits.append(*wait);
        }
        if (ticket.state == TicketState::Done)
            ++served;
        if (ticket.state == TicketState::NoShow)
            ++noShows;
        if (const std::optional<double> service = ticket.serviceMinutes())
            services.append(*service);
    }

    QueueFigures::Row row(const QString &key, const QueueRules &rules) const
    {
        QueueFigures::Row row;
        row.key = key;
        row.tickets = tickets;
        row.called = int(waits.size());
        row.served = served;
        row.noShows = noShows;
        double sum = 0;
        int within = 0;
        for (double wait : waits) {
            sum += wait;
            within += wait <= rules.targetWaitMinutes ? 1 : 0;
        }
        if (!waits.isEmpty()) {
            row.averageWaitMinutes = sum / double(waits.size());
            row.p90WaitMinutes = QueueFigures::percentile(waits, 90);
            row.withinTargetShare = double(within) / double(waits.size());
        }
        double serviceSum = 0;
        for (double service : services)
            serviceSum += service;
        if (!services.isEmpty())
            row.averageServiceMinutes = serviceSum / double(services.size());
        return row;
    }
};

double rounded(double value)
{
    return std::round(value * 100) / 100;
}

} // namespace

double QueueFigures::percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank, 1, values.size()) - 1);
}

QueueFigures QueueFigures::compute(
    const QList<Ticket> &tickets, const QueueRules &rules, const QTimeZone &zone)
{
    Accumulator total;
    QMap<QString, Accumulator> counters;
    QMap<QString, Accumulator> hours;
    for (const Ticket &ticket : tickets) {
        const bool first = ticket.transferredFrom == 0;
        total.add(ticket, first);
        if (!ticket.calledBy.isEmpty())
            counters[ticket.calledBy].add(ticket, first);
        if (ticket.issued.isValid())
            hours[ticket.issued.toTimeZone(zone).toString(u"HH"_s)].add(ticket, first);
    }
    QueueFigures figures;
    figures.total = total.row(u"total"_s, rules);
    for (auto it = counters.cbegin(); it != counters.cend(); ++it)
        figures.perCounter.append(it.value().row(it.key(), rules));
    for (auto it = hours.cbegin(); it != hours.cend(); ++it)
        figures.perHour.append(it.value().row(it.key(), rules));
    return figures;
}

QJsonObject QueueFigures::Row::toJson() const
{
    return QJsonObject {{u"key"_s, key}, {u"tickets"_s, tickets}, {u"called"_s, called},
        {u"served"_s, served}, {u"noShows"_s, noShows},
        {u"averageWaitMinutes"_s, rounded(averageWaitMinutes)},
        {u"p90WaitMinutes"_s, rounded(p90WaitMinutes)}, {u"withinTargetShare"_s, rounded(withinTargetShare)},
        {u"averageServiceMinutes"_s, rounded(averageServiceMinutes)}};
}

QJsonObject QueueFigures::toJson() const
{
    QJsonArray counterRows;
    for (const Row &row : perCounter)
        counterRows.append(row.toJson());
    QJsonArray hourRows;
    for (const Row &row : perHour)
        hourRows.append(row.toJson());
    return QJsonObject {
        {u"total"_s, total.toJson()}, {u"perCounter"_s, counterRows}, {u"perHour"_s, hourRows}};
}

} // namespace ow::queue
