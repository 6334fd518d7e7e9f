#include "server/PointsSettingsFile.h"

#include "server/SettingsGroupFile.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;

Result<supervision::PointsRules> PointsSettingsFile::load(const QString &path)
{
    const SettingsGroupFile::Group group {u"points"_s, supervision::PointsRules::keys(),
        QCoreApplication::translate("ow::server", "The supervision settings file could not be read: %1"),
        QCoreApplication::translate("ow::server",
            "There is no points setting “%1”; the [points] group takes %2 (docs/supervision.md)."),
        QCoreApplication::translate("ow::server", "The supervision settings file is not an INI file.")};
    return SettingsGroupFile::load(path, group, &supervision::PointsRules::load);
}

} // namespace ow::server
