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
};

} // namespace ow::ui
