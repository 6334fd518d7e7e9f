#include "ui/CatalogueLocation.h"

#include <QDir>
#include <QFileInfo>

namespace ow::ui {

QStringList CatalogueLocation::candidates(
    const QString &explicitDirectory, const QString &environment, const QString &executableDirectory)
{
    if (!explicitDirectory.isEmpty())
        return {explicitDirectory};
    QStringList result;
    if (!environment.isEmpty())
        result.append(environment);
    const QDir exe(executableDirectory);
    result.append(QDir::cleanPath(exe.filePath(QStringLiteral("../share/onewindow/catalogue/demo"))));
    result.append(QDir::cleanPath(exe.filePath(QStringLiteral("../../resources/catalogue/demo"))));
    return result;
}

QString CatalogueLocation::choose(const QStringList &candidates)
{
    for (const QString &candidate : candidates)
        if (QFileInfo(candidate).isDir())
            return candidate;
    return candidates.isEmpty() ? QString() : candidates.constFirst();
}

QString CatalogueLocation::atStartup(
    const QString &configured, const QString &environment, const QString &synced)
{
    if (!configured.isEmpty())
        return configured;
    if (!environment.isEmpty())
        return environment;
    return synced;
}

QString CatalogueLocation::demoCatalogue(const QString &executableDirectory)
{
    const QStringList demos = candidates(QString(), QString(), executableDirectory);
    for (const QString &demo : demos)
        if (QFileInfo(demo).isDir())
            return demo;
    return {};
}

} // namespace ow::ui
