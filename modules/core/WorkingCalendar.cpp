#include "core/WorkingCalendar.h"

#include "core/TextFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

// Q_INIT_RESOURCE must be used outside any namespace. The resource lives in a static library, whose
// automatic initialiser the linker may drop, so it is registered explicitly before first use.
static void initCalendarResource()
{
    Q_INIT_RESOURCE(ow_core_calendar);
}

namespace ow {

namespace {

bool isWeekend(QDate date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

} // namespace

Result<WorkingCalendar> WorkingCalendar::load(const QString &folder)
{
    const QDir dir(folder);
    if (!dir.exists())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::core", "The calendar folder does not exist."), {folder});
    static const QRegularExpression yearFile(QStringLiteral("^(\\d{4})\\.txt$"));
    WorkingCalendar calendar;
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const QRegularExpressionMatch match = yearFile.match(name);
        if (!match.hasMatch())
            continue;
        if (Result<void> added = calendar.addFile(dir.filePath(name), match.captured(1).toInt()); !added)
            return failWith(added.error());
    }
    if (calendar.m_years.isEmpty())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate(
                "ow::core", "The calendar folder has no year files (named like 2025.txt)."),
            {folder});
    return calendar;
}

Result<WorkingCalendar> WorkingCalendar::loadBuiltIn()
{
    initCalendarResource();
    return load(QStringLiteral(":/ow/calendar"));
}

Result<void> WorkingCalendar::addFile(const QString &path, int yearFromName)
{
    Result<QString> text = TextFile::readUtf8(path);
    if (!text)
        return failWith(text.error());

    Year info;
    info.file = path;
    int yearLine = 0;
    struct Entry
    {
        QDate date;
        Special special;
        int line;
    };
    QList<Entry> entries;
    int lineNumber = 0;
    for (QStringView line : QStringView(*text).split(u'\n')) {
        ++lineNumber;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const SourceLocation where {path, lineNumber};
        const qsizetype space = line.indexOf(u' ');
        const QStringView first = space < 0 ? line : line.left(space);
        const QStringView rest = space < 0 ? QStringView() : line.mid(space + 1).trimmed();
        if (first.isEmpty() || !first.at(0).isDigit()) {
            if (rest.isEmpty())
                return fail(Error::Code::Parse,
                    QCoreApplication::translate("ow::core", "The header line '%1' has no value.").arg(first),
                    where);
            if (first == u"year") {
                bool ok = false;
                info.year = rest.toInt(&ok);
                if (!ok || info.year < 1949 || info.year > 9999)
                    return fail(Error::Code::Parse,
                        QCoreApplication::translate("ow::core", "'%1' is not a year.").arg(rest), where);
                yearLine = lineNumber;
            } else if (first == u"version") {
                info.version = rest.toString();
            } else if (first == u"source") {
                info.source = rest.toString();
            } else if (first == u"url") {
                info.url = rest.toString();
            } else {
                return fail(Error::Code::Parse,
                    QCoreApplication::translate("ow::core",
                        "Unknown header '%1': expected year, version, source or url, or a line 'DATE "
                        "off|work NAME'.")
                        .arg(first),
                    where);
            }
            continue;
        }

        const QDate date = QDate::fromString(first.toString(), Qt::ISODate);
        if (!date.isValid() || first.size() != 10)
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::core", "'%1' is not a date written YYYY-MM-DD.").arg(first),
                where);
        const qsizetype kindEnd = rest.indexOf(u' ');
        const QStringView kind = kindEnd < 0 ? rest : rest.left(kindEnd);
        const QStringView name = kindEnd < 0 ? QStringView() : rest.mid(kindEnd + 1).trimmed();
        if (kind != u"off" && kind != u"work")
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::core",
                    "After the date comes 'off' (a holiday) or 'work' (a swapped working day), not '%1'.")
                    .arg(kind),
                where);
        if (name.isEmpty())
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::core", "The day %1 has no name (such as 春节).")
                    .arg(date.toString(Qt::ISODate)),
                where);
        Entry entry {date, {kind == u"off", name.toString()}, lineNumber};
        if (!entry.special.off && !isWeekend(date))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core",
                    "%1 is a weekday, so it cannot be a swapped working day ('work' is for a Saturday or "
                    "Sunday "
                    "worked in exchange for a holiday).")
                    .arg(date.toString(Qt::ISODate)),
                where);
        for (const Entry &earlier : std::as_const(entries))
            if (earlier.date == date)
                return fail(Error::Code::Invalid,
                    QCoreApplication::translate("ow::core", "%1 is listed twice (first on line %2).")
                        .arg(date.toString(Qt::ISODate))
                        .arg(earlier.line),
                    where);
        entries.append(entry);
    }

    const SourceLocation file {path};
    if (yearLine == 0)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::core", "The header line 'year' is missing."), file);
    if (info.year != yearFromName)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core", "The file is named for %1 but its header says year %2.")
                .arg(yearFromName)
                .arg(info.year),
            {path, yearLine});
    if (info.version.isEmpty())
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::core", "The header line 'version' is missing."), file);
    if (info.source.isEmpty())
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::core",
                "The header line 'source' is missing: name the State Council notice the dates come from."),
            file);
    if (m_years.contains(info.year))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::core", "The year %1 is already defined by %2.")
                .arg(info.year)
                .arg(m_years.value(info.year).file),
            file);
    for (const Entry &entry : std::as_const(entries))
        if (entry.date.year() != info.year)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::core", "%1 does not belong in the file for %2.")
                    .arg(entry.date.toString(Qt::ISODate))
                    .arg(info.year),
                {path, entry.line});

    for (const Entry &entry : std::as_const(entries))
        m_special.insert(entry.date, entry.special);
    m_years.insert(info.year, info);
    return {};
}

std::optional<WorkingCalendar::Year> WorkingCalendar::yearInfo(int year) const
{
    const auto it = m_years.constFind(year);
    if (it == m_years.cend())
        return std::nullopt;
    return *it;
}

QString WorkingCalendar::version() const
{
    QStringList versions;
    for (const Year &year : m_years)
        versions.append(year.version);
    return versions.join(u'+');
}

Error WorkingCalendar::missingYear(int year)
{
    return Error(Error::Code::Unsupported,
        QCoreApplication::translate("ow::core",
            "The holiday calendar has no data for %1, so working days cannot be counted in that year. The "
            "State Council announces each year's holidays late in the year before; add them as calendar file "
            "%1.txt.")
            .arg(year));
}

Result<WorkingCalendar::Day> WorkingCalendar::day(QDate date) const
{
    if (!date.isValid())
        return fail(Error::Code::Invalid, QCoreApplication::translate("ow::core", "The date is not valid."));
    if (!m_years.contains(date.year()))
        return failWith(missingYear(date.year()));
    Day result;
    result.date = date;
    const auto special = m_special.constFind(date);
    if (special != m_special.cend()) {
        result.kind = special->off ? DayKind::Holiday : DayKind::SwappedWorkday;
        result.name = special->name;
    } else {
        result.kind = isWeekend(date) ? DayKind::Weekend : DayKind::Workday;
    }
    return result;
}

Result<bool> WorkingCalendar::isWorkingDay(QDate date) const
{
    Result<Day> found = day(date);
    if (!found)
        return failWith(found.error());
    return found->isWorkingDay();
}

QList<WorkingCalendar::Day> WorkingCalendar::specialDays(int year) const
{
    QList<Day> result;
    for (auto it = m_special.lowerBound(QDate(year, 1, 1)); it != m_special.cend() && it.key().year() == year;
         ++it)
        result.append(Day {it.key(), it->off ? DayKind::Holiday : DayKind::SwappedWorkday, it->name});
    return result;
}

Result<QDate> WorkingCalendar::addWorkingDays(QDate start, int n) const
{
    if (!start.isValid())
        return fail(
            Error::Code::Invalid, QCoreApplication::translate("ow::core", "The start date is not valid."));
    const int step = n >= 0 ? 1 : -1;
    int left = n >= 0 ? n : -n;
    QDate date = start;
    while (left > 0) {
        date = date.addDays(step);
        Result<bool> working = isWorkingDay(date);
        if (!working)
            return failWith(working.error());
        if (*working)
            --left;
    }
    return date;
}

Result<int> WorkingCalendar::workingDaysBetween(QDate a, QDate b) const
{
    if (!a.isValid() || !b.isValid())
        return fail(Error::Code::Invalid, QCoreApplication::translate("ow::core", "The date is not valid."));
    // Forwards: the days after a up to b. Backwards, mirrored so that addWorkingDays(a, n) == b
    // still gives n: the days from b up to the day before a.
    const int sign = b >= a ? 1 : -1;
    const QDate first = sign > 0 ? a.addDays(1) : b;
    const QDate last = sign > 0 ? b : a.addDays(-1);
    int count = 0;
    for (QDate date = first; date <= last; date = date.addDays(1)) {
        Result<bool> working = isWorkingDay(date);
        if (!working)
            return failWith(working.error());
        if (*working)
            ++count;
    }
    return sign * count;
}

} // namespace ow
