#include "core/Deadline.h"

#include "core/WorkingCalendar.h"

#include <QCoreApplication>
#include <algorithm>

namespace ow {

bool Deadline::isPausedOn(QDate date) const
{
    return std::any_of(
        m_pauses.cbegin(), m_pauses.cend(), [date](const Pause &p) { return p.contains(date); });
}

Result<void> Deadline::validate() const
{
    if (!m_start.isValid())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::core", "The deadline has no start date."));
    if (m_workingDays < 0)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core", "A time limit cannot be %1 working days.")
                .arg(m_workingDays));
    for (const Pause &pause : m_pauses) {
        if (!pause.from.isValid())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core", "A pause of the time limit has no start date."));
        if (!pause.isOpen() && pause.to < pause.from)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::core", "A pause of the time limit ends (%1) before it starts (%2).")
                    .arg(pause.to.toString(Qt::ISODate), pause.from.toString(Qt::ISODate)));
    }
    return {};
}

Result<bool> Deadline::counts(const WorkingCalendar &calendar, QDate date) const
{
    if (isPausedOn(date))
        return false;
    return calendar.isWorkingDay(date);
}

Result<QDate> Deadline::dueDate(const WorkingCalendar &calendar) const
{
    if (Result<void> valid = validate(); !valid)
        return failWith(valid.error());
    int left = m_workingDays;
    QDate date = m_start;
    while (left > 0) {
        date = date.addDays(1);
        for (const Pause &pause : m_pauses)
            if (pause.isOpen() && date >= pause.from)
                return fail(Error::Code::Invalid,
                    QCoreApplication::translate("ow::core",
                        "The time limit has been paused since %1 (%2); its due date is known once the clock "
                        "resumes, with %n working day(s) left.",
                        nullptr, left)
                        .arg(pause.from.toString(Qt::ISODate), pause.reason));
        Result<bool> counted = counts(calendar, date);
        if (!counted)
            return failWith(counted.error());
        if (*counted)
            --left;
    }
    return date;
}

Result<int> Deadline::remainingAt(const WorkingCalendar &calendar, QDate date) const
{
    if (Result<void> valid = validate(); !valid)
        return failWith(valid.error());
    if (!date.isValid())
        return fail(Error::Code::Invalid, QCoreApplication::translate("ow::core", "The date is not valid."));
    int remaining = m_workingDays;
    for (QDate day = m_start.addDays(1); day <= date; day = day.addDays(1)) {
        Result<bool> counted = counts(calendar, day);
        if (!counted)
            return failWith(counted.error());
        if (*counted)
            --remaining;
    }
    return remaining;
}

} // namespace ow
