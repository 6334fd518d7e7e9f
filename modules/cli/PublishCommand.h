#pragma once

#include "cli/Console.h"

namespace ow::cli {

/// `onewindow-cli catalogue publish DIR --server URL --key KEY`: loads and lints the catalogue
/// here first (and refuses with the diagnostics when it has errors), then sends it as a package.
class PublishCommand
{
public:
    explicit PublishCommand(Console &console)
        : m_console(console)
    {
    }

    int run(const QStringList &arguments);

private:
    Console &m_console;
};

} // namespace ow::cli
