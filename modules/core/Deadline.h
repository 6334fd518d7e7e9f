#pragma once

#include "core/Result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace ow {

class WorkingCalendar;

/// A time limit of N working days from a start date, whose clock stops while the law says time does
/// not count: Administrative Licensing Law art. 45 (time needed for hearings, tendering, auctions,
/// inspection, testing, quarantine, appraisal and expert review is not included in the limit).
///
/// Days are counted as WorkingCalendar counts them: the start day is not counted, then every
/// working day that is not inside a pause. Record WorkingCalendar::version() with the result.
class Deadline
{
public:
    /// Days the clock does not run, both ends included; `to` is null while the pause goes on.
    struct Pause
    {
        QDate from;
        QDate to;
        QString reason; ///< what the time was spent on, for the record ("专家评审")

        bool isOpen() const { return !to.isValid(); }
        bool contains(QDate date) const { return date >= from && (isOpen() || date <= to); }
    };

    Deadline(QDate start, int workingDays, QList<Pause> pauses = {})
        : m_start(start)
        , m_workingDays(workingDays)
        , m_pauses(std::move(pauses))
    {
    }

    QDate start() const { return m_start; }
    int workingDays() const { return m_workingDays; }
    const QList<Pause> &pauses() const { return m_pauses; }
    bool isPausedOn(QDate date) const;

    /// The day the time limit ends. Fails for a malformed deadline, when the clock is still paused
    /// before the time is used up (the due date is known only once it resumes), or when the
    /// calendar has no data for a day it needs.
    Result<QDate> dueDate(const WorkingCalendar &calendar) const;
    /// Working days left at the end of `date`: the promised days less those counted after the start
    /// up to and including `date`. 0 on the due date, negative once overdue; it does not move while
    /// the clock is paused. The promised days for a date before the start.
    Result<int> remainingAt(const WorkingCalendar &calendar, QDate date) const;

private:
    Result<void> validate() const;
    /// Whether the clock runs on `date` (a working day outside every pause).
    Result<bool> counts(const WorkingCalendar &calendar, QDate date) const;

    QDate m_start;
    int m_workingDays = 0;
    QList<Pause> m_pauses;
};

} // namespace ow
