#pragma once

#include "cli/Console.h"

#include <QCommandLineParser>
#include <functional>
#include <optional>

namespace ow::cli {

/// Parses one subcommand's arguments after the caller added its own options: adds -h/--help, prints
/// the help or a usage error. Returns the exit code to stop with (0 after help, 2 on a usage error),
/// or nothing when the command should go on. `positionalCount` < 0 accepts any number.
std::optional<int> parseSubcommand(Console &console, QCommandLineParser &parser, const QString &commandLine,
    const QStringList &arguments, int positionalCount);

/// --json, shared by every subcommand that can print machine-readable output.
const QCommandLineOption &jsonOption();

/// Runs a command made of subcommands: `dispatch` gets the first argument and the rest and returns
/// the exit code, or nothing when it does not know the name. Prints `usage` for no argument (exit 2)
/// and for -h/--help (exit 0), and `unknown` (translated, %1 for the name) with it otherwise (exit 2).
int runSubcommand(Console &console, QStringList arguments, const QString &usage, const QString &unknown,
    const std::function<std::optional<int>(const QString &sub, const QStringList &rest)> &dispatch);

} // namespace ow::cli
