#pragma once

#include "core/Result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QTime>

namespace ow::cases {

/// The hall's handover slots (交接时段, guide 三(四)1): the times of day the counter's paper goes to
/// each department, and the time after which a list still not confirmed is reported to the
/// supervisor. Read from the hall settings ([handover], see resources/documents/README.md).
class TransferSlots
{
public:
    /// 11:30 and 16:30 for every department, the day ending at 17:30.
    TransferSlots();
    TransferSlots(QList<QTime> defaults, QTime dayEnd);

    /// "11:30, 16:30": times HH:MM, ascending, without repeats, separated by commas (also "，" or
    /// "、"); at least one. The error names the piece that is wrong.
    static Result<QList<QTime>> parseTimes(QStringView text);
    /// A time of day HH:MM.
    static Result<QTime> parseTime(QStringView text);
    /// "11:30, 16:30".
    static QString format(const QList<QTime> &times);

    void setDepartment(const QString &departmentId, QList<QTime> times);
    /// The department's own slots, or the hall's defaults.
    QList<QTime> slotsFor(const QString &departmentId) const;
    const QList<QTime> &defaults() const { return m_defaults; }
    QTime dayEnd() const { return m_dayEnd; }

    /// The slot a list made at local time `now` is for: the first slot at or after it, or the day's
    /// last slot once every slot has passed (paper accepted late still goes the same day).
    QTime slotAt(const QString &departmentId, QTime now) const;
    /// Whether a list for `day` that is still not confirmed at local time `now` is overdue: its day
    /// is over, or it is that day and the hall's day has ended.
    bool isOverdue(const QDate &day, const QDateTime &now) const;

private:
    QList<QTime> m_defaults;
    QHash<QString, QList<QTime>> m_departments;
    QTime m_dayEnd;
};

} // namespace ow::cases
