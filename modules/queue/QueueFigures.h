#pragma once

#include "queue/QueueRules.h"
#include "queue/Ticket.h"

#include <QJsonObject>
#include <QList>
#include <QTimeZone>

namespace ow::queue {

/// The queue's figures for supervision (电子监察): per ticket its waiting and service time; per
/// counter and per hour of issue the average and 90th-percentile wait, the share called within
/// the target wait, and the no-shows. A transferred ticket's continuation is the same visit: its
/// wait is counted once, on the first ticket.
struct QueueFigures
{
    struct Row
    {
        QString key; ///< counter id, or the hour "09" (local time of the hall)
        int tickets = 0; ///< visits (continuations of transfers not counted again)
        int called = 0; ///< with a first call, so with a waiting time
        int served = 0; ///< done
        int noShows = 0;
        double averageWaitMinutes = 0;
        double p90WaitMinutes = 0;
        double withinTargetShare = 0; ///< of the called, 0..1
        double averageServiceMinutes = 0;

        QJsonObject toJson() const;
    };

    Row total;
    QList<Row> perCounter; ///< by the counter that called the ticket; sorted by counter
    QList<Row> perHour; ///< by the hour the ticket was issued; sorted by hour

    static QueueFigures compute(const QList<Ticket> &tickets, const QueueRules &rules, const QTimeZone &zone);
    /// The nearest-rank percentile (0 < p ≤ 100) of `values`; 0 for none.
    static double percentile(QList<double> values, double p);
    QJsonObject toJson() const;
};

} // namespace ow::queue
