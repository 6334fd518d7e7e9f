#pragma once

#include "cli/Console.h"

#include <QCommandLineParser>

namespace ow::cli {

/// `onewindow-cli idcard decode|read`: ID card reader diagnostics for IT staff.
class IdCardCommand
{
public:
    explicit IdCardCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int decode(const QStringList &arguments);
    int read(const QStringList &arguments);
    /// Adds --help, parses, and prints help or a usage error; false (with `*exitCode`) to stop.
    bool parse(QCommandLineParser &parser, const QString &name, const QStringList &arguments,
        int positionalCount, int *exitCode);

    Console &m_console;
};

} // namespace ow::cli
