#pragma once

#include "cli/Console.h"

#include <QStringList>

namespace ow::cli {

class SupervisionCommand;

/// `onewindow-cli supervision department-log [--from D] [--to D] [--department ID] [--kind K]
/// [--case NUMBER] [--json] [--csv FILE]`: what departments did through the server with their keys
/// (docs/supervision.md, "The departments' log"); the server records every such look.
class DepartmentLogCommand
{
public:
    DepartmentLogCommand(Console &console, SupervisionCommand &connection);

    int run(const QStringList &arguments);

private:
    Console &m_console;
    SupervisionCommand &m_connection;
};

} // namespace ow::cli
