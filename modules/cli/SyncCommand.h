#pragma once

#include "cli/Console.h"

#include <QCommandLineParser>

namespace ow::cli {

/// `onewindow-cli sync enrol|status|run`: enrol a workstation's store with the central server,
/// show how far its outbox is, and run sync rounds (once, for IT and tests, or until killed).
class SyncCommand
{
public:
    explicit SyncCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int enrol(const QStringList &arguments);
    int status(const QStringList &arguments);
    int runRounds(const QStringList &arguments);

    Console &m_console;
};

} // namespace ow::cli
