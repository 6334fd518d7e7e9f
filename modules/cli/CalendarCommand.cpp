#include "cli/CalendarCommand.h"

#include "cli/SubcommandParser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace ow::cli {

namespace {

const QCommandLineOption &calendarOption()
{
    static const QCommandLineOption option(QStringLiteral("calendar"),
        QCoreApplication::translate("ow::cli",
            "Use the year files (2025.txt, …) in this folder instead of the calendar built into the "
            "program."),
        QStringLiteral("DIR"));
    return option;
}

QString kindKey(WorkingCalendar::DayKind kind)
{
    switch (kind) {
    case WorkingCalendar::DayKind::Workday:
        return QStringLiteral("workday");
    case WorkingCalendar::DayKind::Weekend:
        return QStringLiteral("weekend");
    case WorkingCalendar::DayKind::Holiday:
        return QStringLiteral("holiday");
    case WorkingCalendar::DayKind::SwappedWorkday:
        return QStringLiteral("swapped-workday");
    }
    return {};
}

QString kindText(WorkingCalendar::DayKind kind)
{
    switch (kind) {
    case WorkingCalendar::DayKind::Workday:
        return QCoreApplication::translate("ow::cli", "working day");
    case WorkingCalendar::DayKind::Weekend:
        return QCoreApplication::translate("ow::cli", "weekend");
    case WorkingCalendar::DayKind::Holiday:
        return QCoreApplication::translate("ow::cli", "holiday");
    case WorkingCalendar::DayKind::SwappedWorkday:
        return QCoreApplication::translate("ow::cli", "swapped working day");
    }
    return {};
}

QString weekday(QDate date)
{
    static const char *const names[] = {QT_TRANSLATE_NOOP("ow::cli", "Mon"),
        QT_TRANSLATE_NOOP("ow::cli", "Tue"), QT_TRANSLATE_NOOP("ow::cli", "Wed"),
        QT_TRANSLATE_NOOP("ow::cli", "Thu"), QT_TRANSLATE_NOOP("ow::cli", "Fri"),
        QT_TRANSLATE_NOOP("ow::cli", "Sat"), QT_TRANSLATE_NOOP("ow::cli", "Sun")};
    return QCoreApplication::translate("ow::cli", names[date.dayOfWeek() - 1]);
}

QJsonObject dayJson(const WorkingCalendar::Day &day)
{
    return QJsonObject {{QStringLiteral("date"), day.date.toString(Qt::ISODate)},
        {QStringLiteral("kind"), kindKey(day.kind)}, {QStringLiteral("workingDay"), day.isWorkingDay()},
        {QStringLiteral("name"), day.name}};
}

} // namespace

int CalendarCommand::run(QStringList arguments)
{
    const QString usage = QCoreApplication::translate(
        "ow::cli", "Usage: onewindow-cli calendar add-workdays|is-workday|list ... (--help for each)\n");
    return runSubcommand(m_console, std::move(arguments), usage,
        QCoreApplication::translate("ow::cli", "unknown calendar command '%1'"),
        [this](const QString &sub, const QStringList &rest) -> std::optional<int> {
            if (sub == QStringLiteral("add-workdays"))
                return addWorkdays(rest);
            if (sub == QStringLiteral("is-workday"))
                return isWorkday(rest);
            if (sub == QStringLiteral("list"))
                return list(rest);
            return std::nullopt;
        });
}

bool CalendarCommand::parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments,
    int positionalCount, int *exitCode)
{
    parser.addOption(jsonOption());
    parser.addOption(calendarOption());
    // QCommandLineParser takes "-1" for an option; a negative day count ("add-workdays 2025-10-09 -1")
    // is passed through with a leading backslash, which addWorkdays() removes.
    QStringList args = arguments;
    for (QString &arg : args)
        if (arg.size() > 1 && arg.at(0) == u'-' && arg.at(1).isDigit())
            arg.prepend(u'\\');
    if (const std::optional<int> stop = parseSubcommand(
            m_console, parser, QStringLiteral("onewindow-cli calendar ") + name, args, positionalCount)) {
        *exitCode = *stop;
        return false;
    }
    return true;
}

std::optional<WorkingCalendar> CalendarCommand::load(const QCommandLineParser &parser)
{
    Result<WorkingCalendar> calendar = parser.isSet(calendarOption())
        ? WorkingCalendar::load(parser.value(calendarOption()))
        : WorkingCalendar::loadBuiltIn();
    if (!calendar) {
        m_console.err() << calendar.error().toString() << '\n';
        return std::nullopt;
    }
    return std::move(*calendar);
}

QDate CalendarCommand::date(const QString &text)
{
    const QDate result = QDate::fromString(text, Qt::ISODate);
    if (!result.isValid() || text.size() != 10)
        m_console.err() << QCoreApplication::translate("ow::cli", "'%1' is not a date written YYYY-MM-DD")
                               .arg(Console::quote(text))
                        << '\n';
    return text.size() == 10 ? result : QDate();
}

int CalendarCommand::addWorkdays(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The date N working days after DATE: DATE itself is not counted, then only working days count "
        "(Administrative Licensing Law art. 82), holidays and swapped working weekends as the State Council "
        "announced them. A negative N counts backwards. Fails (exit 1) when the count needs a year the "
        "calendar has no data for."));
    parser.addPositionalArgument(
        QStringLiteral("DATE"), QCoreApplication::translate("ow::cli", "the start date, YYYY-MM-DD"));
    parser.addPositionalArgument(QStringLiteral("N"), QCoreApplication::translate("ow::cli", "working days"));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("add-workdays"), arguments, 2, &exitCode))
        return exitCode;
    const QDate start = date(parser.positionalArguments().at(0));
    QString countText = parser.positionalArguments().at(1);
    if (countText.startsWith(u'\\'))
        countText.remove(0, 1);
    bool ok = false;
    const int count = countText.toInt(&ok);
    if (!ok) {
        m_console.err() << QCoreApplication::translate("ow::cli", "'%1' is not a number of days")
                               .arg(Console::quote(countText))
                        << '\n';
        return 2;
    }
    if (!start.isValid())
        return 2;
    const std::optional<WorkingCalendar> calendar = load(parser);
    if (!calendar)
        return 1;
    const Result<QDate> due = calendar->addWorkingDays(start, count);
    if (!due) {
        m_console.err() << due.error().message() << '\n';
        return 1;
    }
    if (parser.isSet(jsonOption())) {
        m_console.printJson(QJsonDocument(QJsonObject {{QStringLiteral("start"), start.toString(Qt::ISODate)},
            {QStringLiteral("workingDays"), count}, {QStringLiteral("date"), due->toString(Qt::ISODate)},
            {QStringLiteral("calendarVersion"), calendar->version()}}));
        return 0;
    }
    m_console.out() << due->toString(Qt::ISODate) << QStringLiteral(" (") << weekday(*due)
                    << QStringLiteral(")\n")
                    << QCoreApplication::translate("ow::cli", "calendar %1").arg(calendar->version()) << '\n';
    return 0;
}

int CalendarCommand::isWorkday(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "Whether DATE is a working day, and why. Exit 0 for a working day, 1 for a day off, 2 when it "
        "cannot be told (bad date, or a year the calendar has no data for)."));
    parser.addPositionalArgument(
        QStringLiteral("DATE"), QCoreApplication::translate("ow::cli", "YYYY-MM-DD"));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("is-workday"), arguments, 1, &exitCode))
        return exitCode;
    const QDate when = date(parser.positionalArguments().at(0));
    if (!when.isValid())
        return 2;
    const std::optional<WorkingCalendar> calendar = load(parser);
    if (!calendar)
        return 2;
    const Result<WorkingCalendar::Day> day = calendar->day(when);
    if (!day) {
        m_console.err() << day.error().message() << '\n';
        return 2;
    }
    if (parser.isSet(jsonOption())) {
        QJsonObject object = dayJson(*day);
        object.insert(QStringLiteral("calendarVersion"), calendar->version());
        m_console.printJson(QJsonDocument(object));
    } else {
        const QString what = day->name.isEmpty()
            ? kindText(day->kind)
            : QStringLiteral("%1 (%2)").arg(kindText(day->kind), day->name);
        m_console.out() << (day->isWorkingDay()
                ? QCoreApplication::translate("ow::cli", "%1 (%2) is a working day: %3")
                : QCoreApplication::translate("ow::cli", "%1 (%2) is not a working day: %3"))
                               .arg(when.toString(Qt::ISODate), weekday(when), what)
                        << '\n';
    }
    return day->isWorkingDay() ? 0 : 1;
}

int CalendarCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("ow::cli",
        "The holidays and swapped working days of YEAR, with the notice they come from and the number of "
        "working days. Fails (exit 1) for a year the calendar has no data for."));
    parser.addPositionalArgument(QStringLiteral("YEAR"), QCoreApplication::translate("ow::cli", "e.g. 2026"));
    int exitCode = 0;
    if (!parse(parser, QStringLiteral("list"), arguments, 1, &exitCode))
        return exitCode;
    bool ok = false;
    const int year = parser.positionalArguments().at(0).toInt(&ok);
    if (!ok) {
        m_console.err() << QCoreApplication::translate("ow::cli", "'%1' is not a year")
                               .arg(Console::quote(parser.positionalArguments().at(0)))
                        << '\n';
        return 2;
    }
    const std::optional<WorkingCalendar> calendar = load(parser);
    if (!calendar)
        return 1;
    const std::optional<WorkingCalendar::Year> info = calendar->yearInfo(year);
    if (!info) {
        QStringList years;
        for (int known : calendar->years())
            years.append(QString::number(known));
        m_console.err() << QCoreApplication::translate(
            "ow::cli", "The calendar has no data for %1; it covers %2.")
                               .arg(year)
                               .arg(years.join(QStringLiteral(", ")))
                        << '\n';
        return 1;
    }
    const QList<WorkingCalendar::Day> days = calendar->specialDays(year);
    const Result<int> working
        = calendar->workingDaysBetween(QDate(year, 1, 1).addDays(-1), QDate(year, 12, 31));
    if (parser.isSet(jsonOption())) {
        QJsonArray list;
        for (const WorkingCalendar::Day &day : days)
            list.append(dayJson(day));
        m_console.printJson(QJsonDocument(
            QJsonObject {{QStringLiteral("year"), year}, {QStringLiteral("version"), info->version},
                {QStringLiteral("source"), info->source}, {QStringLiteral("url"), info->url},
                {QStringLiteral("workingDays"), working.value_or(-1)}, {QStringLiteral("days"), list}}));
        return 0;
    }
    m_console.out()
        << QCoreApplication::translate("ow::cli", "%1, calendar version %2").arg(year).arg(info->version)
        << '\n'
        << QCoreApplication::translate("ow::cli", "source: %1").arg(info->source) << '\n';
    if (!info->url.isEmpty())
        m_console.out() << QStringLiteral("        ") << info->url << '\n';
    for (const WorkingCalendar::Day &day : days)
        m_console.out() << QStringLiteral("%1 %2  %3  %4")
                               .arg(day.date.toString(Qt::ISODate), weekday(day.date),
                                   Console::padded(kindText(day.kind), 20), day.name)
                        << '\n';
    m_console.out()
        << QCoreApplication::translate("ow::cli", "%1 working days in %2").arg(working.value_or(-1)).arg(year)
        << '\n';
    return 0;
}

} // namespace ow::cli
