#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"

#include <QDate>
#include <QJsonObject>
#include <QList>

namespace ow::supervision {

/// A hall's day in figures for the supervisor's desk (今日): cases taken in by kind, the
/// departments' decisions, results handed over or mailed, the average time from acceptance to the
/// department's decision of the cases decided that day, the intake decisions per hour and the
/// ratings given. Collected one case at a time from the server's stored events; the queue's
/// tickets and waits are added by whoever holds them (QueueFigures).
class DayFigures
{
public:
    static constexpr int kHours = 24;

    explicit DayFigures(QDate day);

    QDate day() const { return m_day; }
    void add(const cases::Case &c, const QList<cases::CaseEvent> &events);

    int accepted() const { return m_accepted; } ///< without waiver
    int acceptedWithWaiver() const { return m_waiver; }
    int correctionNotices() const { return m_corrections; }
    int refusals() const { return m_refusals; }
    int takenIn() const { return m_accepted + m_waiver + m_corrections + m_refusals; }
    int approved() const { return m_approved; }
    int denied() const { return m_denied; }
    int pickedUp() const { return m_pickedUp; }
    int mailed() const { return m_mailed; }
    /// Hours from the counter's acceptance to the department's decision, averaged over the cases a
    /// department decided on the day; 0 when none was.
    double averageHandlingHours() const;
    /// Intake decisions per hour of the day (local time), [0] = 00:00–00:59.
    const QList<int> &takenInByHour() const { return m_byHour; }
    /// Ratings given on the day, [0] = level 1 … [4] = level 5.
    const QList<int> &ratings() const { return m_ratings; }

    /// {"day", "takenIn", "accepted", "acceptedWithWaiver", "correctionNotices", "refusals",
    /// "approved", "denied", "pickedUp", "mailed", "averageHandlingHours", "byHour": [24], "ratings": [5]}
    QJsonObject toJson() const;

private:
    QDate m_day;
    int m_accepted = 0;
    int m_waiver = 0;
    int m_corrections = 0;
    int m_refusals = 0;
    int m_approved = 0;
    int m_denied = 0;
    int m_pickedUp = 0;
    int m_mailed = 0;
    double m_handlingHours = 0;
    int m_handled = 0;
    QList<int> m_byHour;
    QList<int> m_ratings;
};

} // namespace ow::supervision
