#pragma once

#include "cli/Console.h"

#include <QCommandLineParser>

namespace ow::cli {

/// `onewindow-cli sync enrol|status|run|retry-scan|discard-scan`: enrol a workstation's store with
/// the central server, show how far its outbox is (rejected events, scans set aside, the clock), run
/// sync rounds (once, for IT and tests, or until killed), and decide about a scan that cannot be read.
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
    /// retry-scan and discard-scan: `discard` gives the scan up, else it is read again next round.
    int decideScan(const QStringList &arguments, bool discard);

    Console &m_console;
};

} // namespace ow::cli
