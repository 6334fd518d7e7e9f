#pragma once

#include "cli/Console.h"

#include <QStringList>

namespace ow::cli {

class SupervisionCommand;

/// `onewindow-cli supervision complaints [--state open|overdue|closed|all] [--json]`: the hall's
/// complaints (投诉) as a table, names first, with the counts the supervisor's desk shows
/// (docs/supervision.md, "Complaints").
class ComplaintCommand
{
public:
    ComplaintCommand(Console &console, SupervisionCommand &connection);

    int run(const QStringList &arguments);

private:
    Console &m_console;
    SupervisionCommand &m_connection;
};

} // namespace ow::cli
