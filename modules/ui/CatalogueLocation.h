#pragma once

#include <QString>
#include <QStringList>

namespace ow::ui {

/// Where the workstation looks for its catalogue when `--catalogue` is not given.
class CatalogueLocation
{
public:
    /// The folders to try, in order: the explicit one alone when given; else $OW_CATALOGUE, the
    /// installed demo (`<exe>/../share/onewindow/catalogue/demo`) and the source tree's demo next to
    /// a build directory (`<exe>/../../resources/catalogue/demo`).
    static QStringList candidates(
        const QString &explicitDirectory, const QString &environment, const QString &executableDirectory);
    /// The first candidate that is an existing folder, or the first candidate when none is.
    static QString choose(const QStringList &candidates);

    /// The catalogue to start on without asking: the configured folder (command line, per-user
    /// settings or machine-wide file), else $OW_CATALOGUE, else the newest one the sync installed.
    /// Empty when there is none: the first-run setup asks, and the demo is used only when picked there.
    static QString atStartup(const QString &configured, const QString &environment, const QString &synced);
    /// The demo catalogue of this installation or build tree, for the setup's "demo" choice; empty
    /// when neither place has it.
    static QString demoCatalogue(const QString &executableDirectory);
};

} // namespace ow::ui
