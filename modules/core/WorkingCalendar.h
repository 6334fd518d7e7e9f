#pragma once

#include "core/Result.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace ow {

/// Which days are working days in mainland China: weekdays, less the public holidays, plus the
/// weekends worked in exchange (调休上班), as the State Council announces them year by year.
///
/// No rule predicts the holidays, so they are data: one file a year (resources/calendar/YYYY.txt,
/// format in the README there), each with the version and the notice it was copied from. Counting
/// into a year with no file fails instead of guessing, and version() names the files a result was
/// computed with, so a deadline can record it.
///
/// Counting convention (used by every function here): the day something happens is not counted,
/// counting starts the next day, and only working days count — Administrative Licensing Law
/// art. 82 (期限以工作日计算，不含法定节假日) and Civil Code art. 201 (开始的当日不计入). So one working day
/// after Tuesday 2025-09-30 is Thursday 2025-10-09, the National Day holiday skipped.
class WorkingCalendar
{
public:
    enum class DayKind
    {
        Workday, ///< Monday to Friday, no holiday
        Weekend, ///< Saturday or Sunday, not worked
        Holiday, ///< a day off by the State Council's notice (a weekday or a weekend)
        SwappedWorkday, ///< a Saturday or Sunday worked in exchange for a holiday (调休上班)
    };

    struct Day
    {
        QDate date;
        DayKind kind = DayKind::Workday;
        QString name; ///< the holiday's name from the file ("春节", "春节调休上班"); empty otherwise
        bool isWorkingDay() const { return kind == DayKind::Workday || kind == DayKind::SwappedWorkday; }
    };

    /// One year's file: its header.
    struct Year
    {
        int year = 0;
        QString version; ///< "CN-2025.1"
        QString source; ///< the notice, e.g.
                        ///< "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）"
        QString url; ///< where the notice was published; may be empty
        QString file; ///< the file it was read from
    };

    /// An empty calendar: every question fails for lack of data.
    WorkingCalendar() = default;

    /// Reads every YYYY.txt in `folder`. Fails on the first malformed file, with file and line.
    static Result<WorkingCalendar> load(const QString &folder);
    /// The calendar compiled into the library (resources/calendar).
    static Result<WorkingCalendar> loadBuiltIn();

    /// The years with data, ascending.
    QList<int> years() const { return m_years.keys(); }
    bool hasYear(int year) const { return m_years.contains(year); }
    /// The header of a year's file; nothing for a year without data.
    std::optional<Year> yearInfo(int year) const;
    /// The versions of all years, ascending, joined with '+': "CN-2025.1+CN-2026.1". Record it with
    /// every deadline computed from this calendar.
    QString version() const;

    /// What kind of day `date` is; fails when its year has no data.
    Result<Day> day(QDate date) const;
    /// Fails when the year has no data.
    Result<bool> isWorkingDay(QDate date) const;
    /// The holidays and swapped working days of a year, by date; empty for a year without data.
    QList<Day> specialDays(int year) const;

    /// The date `n` working days after `start` (start not counted, see the class comment); for a
    /// negative `n`, that many working days before. `n` = 0 gives `start`. Fails, naming the year,
    /// when the count runs into a year with no data.
    Result<QDate> addWorkingDays(QDate start, int n) const;
    /// The number of working days after `a` up to and including `b`, so that
    /// addWorkingDays(a, n) == b gives n. When `b` is before `a`, minus the working days from `b`
    /// up to the day before `a` (the mirror image). Fails when a day in between has no data.
    Result<int> workingDaysBetween(QDate a, QDate b) const;

private:
    struct Special
    {
        bool off = true;
        QString name;
    };

    Result<void> addFile(const QString &path, int yearFromName);
    static Error missingYear(int year);

    QMap<int, Year> m_years;
    QMap<QDate, Special> m_special;
};

} // namespace ow
