#pragma once

#include <QStringList>

namespace ow::cli {

/// onewindow-cli: catalogue, case and device tools for IT and catalogue staff.
class CliApplication
{
public:
    int run(const QStringList &arguments);
};

} // namespace ow::cli
