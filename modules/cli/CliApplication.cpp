#include "cli/CliApplication.h"

namespace ow::cli {

int CliApplication::run(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    return 0;
}

} // namespace ow::cli
