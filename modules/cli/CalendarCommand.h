#pragma once

#include "cli/Console.h"
#include "core/WorkingCalendar.h"

#include <QCommandLineParser>
#include <optional>

namespace ow::cli {

/// `onewindow-cli calendar add-workdays|is-workday|list`: the working-day calendar deadlines are
/// computed with, for IT staff checking a deadline or a new year's holiday file.
class CalendarCommand
{
public:
    explicit CalendarCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int addWorkdays(const QStringList &arguments);
    int isWorkday(const QStringList &arguments);
    int list(const QStringList &arguments);

    /// Sets up --json, --calendar and --help; prints help or a usage error and returns false when
    /// the command should stop (with `*exitCode` set).
    bool parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments,
        int positionalCount, int *exitCode);
    /// The built-in calendar, or the one in --calendar DIR; prints the error and gives nothing on failure.
    std::optional<WorkingCalendar> load(const QCommandLineParser &parser);
    /// A date written YYYY-MM-DD; prints the error and gives an invalid date otherwise.
    QDate date(const QString &text);

    Console &m_console;
};

} // namespace ow::cli
