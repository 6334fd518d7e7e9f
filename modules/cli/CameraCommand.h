#pragma once

#include "cli/Console.h"

#include <QStringList>

namespace ow::cli {

/// `onewindow-cli camera list|process`: document camera diagnostics for IT staff: which cameras Qt
/// sees and the format each would run at; what the page processing makes of a photo.
class CameraCommand
{
public:
    explicit CameraCommand(Console &console)
        : m_console(console)
    {
    }

    int run(QStringList arguments);

private:
    int list(const QStringList &arguments);
    int process(const QStringList &arguments);

    Console &m_console;
};

} // namespace ow::cli
