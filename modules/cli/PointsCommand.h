#pragma once

#include "cli/Console.h"

#include <QStringList>

namespace ow::cli {

class SupervisionCommand;

/// `onewindow-cli supervision points [--month M] [--clerk STAFF]` and `supervision correct-points
/// --clerk STAFF --points N --reason TEXT`: the clerks' points (积分) and grades (考级) of a month,
/// one clerk's items with what earned each, and a supervisor's correction (docs/supervision.md).
class PointsCommand
{
public:
    PointsCommand(Console &console, SupervisionCommand &connection);

    int points(const QStringList &arguments);
    int correct(const QStringList &arguments);

private:
    Console &m_console;
    SupervisionCommand &m_connection;
};

} // namespace ow::cli
