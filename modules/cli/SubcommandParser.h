#pragma once

#include "cli/Console.h"

#include <QCommandLineParser>
#include <optional>

namespace ow::cli {

/// Parses one subcommand's arguments after the caller added its own options: adds -h/--help, prints
/// the help or a usage error. Returns the exit code to stop with (0 after help, 2 on a usage error),
/// or nothing when the command should go on. `positionalCount` < 0 accepts any number.
std::optional<int> parseSubcommand(Console &console, QCommandLineParser &parser, const QString &commandLine,
    const QStringList &arguments, int positionalCount);

} // namespace ow::cli
