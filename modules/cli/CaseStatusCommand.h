#pragma once

#include "cli/Console.h"

namespace ow::cli {

/// `onewindow-cli case status NUMBER KIND --server URL --key KEY ...`: a department records the
/// stage of one of its cases on the central server by hand (docs/sync-protocol.md, Department status).
class CaseStatusCommand
{
public:
    explicit CaseStatusCommand(Console &console)
        : m_console(console)
    {
    }

    int run(const QStringList &arguments);

private:
    Console &m_console;
};

} // namespace ow::cli
