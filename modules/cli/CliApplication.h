#pragma once

#include "cli/Console.h"

#include <QStringList>

namespace ow::cli {

/// onewindow-cli: catalogue, case and device tools for IT and catalogue staff.
/// `run` takes the whole argument list (program name first) and returns the process exit code:
/// 0 success, 1 the thing checked is not valid (lint errors, an invalid number), 2 usage or I/O error.
class CliApplication
{
public:
    int run(const QStringList &arguments);
    int run(const QStringList &arguments, Console &console);

    static QString usage();
};

} // namespace ow::cli
