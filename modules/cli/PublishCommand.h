#pragma once

#include "cli/Console.h"

#include <QUrl>

namespace ow::cli {

/// `onewindow-cli catalogue publish DIR --server URL --key KEY`: loads and lints the catalogue
/// here first (and refuses with the diagnostics when it has errors), then sends it as a package; or,
/// with `--submission ID`, publishes a submission that passed review and acceptance.
class PublishCommand
{
public:
    explicit PublishCommand(Console &console)
        : m_console(console)
    {
    }

    int run(const QStringList &arguments);

private:
    /// `--submission ID`: POST /catalogues/submissions/ID/publish.
    int publishSubmission(const QUrl &url, const QString &key, const QString &id, const QString &effective);

    Console &m_console;
};

} // namespace ow::cli
