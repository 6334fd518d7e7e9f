#include "server/SupervisionSettingsFile.h"

#include "server/SettingsGroupFile.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;

const QStringList &SupervisionSettingsFile::keys()
{
    static const QStringList list {u"yellow_days"_s, u"transfer_days"_s, u"result_days"_s, u"pickup_days"_s,
        u"department_silent_days"_s, u"followup_contact_days"_s, u"followup_fix_days"_s, u"complaint_days"_s,
        u"session_hours"_s};
    return list;
}

Result<supervision::SupervisionRules> SupervisionSettingsFile::load(const QString &path)
{
    const SettingsGroupFile::Group group {u"supervision"_s, keys(),
        QCoreApplication::translate("ow::server", "The supervision settings file could not be read: %1"),
        QCoreApplication::translate("ow::server",
            "There is no supervision setting “%1”; the [supervision] group takes %2 "
            "(docs/supervision.md)."),
        QCoreApplication::translate("ow::server", "The supervision settings file is not an INI file.")};
    return SettingsGroupFile::load(path, group, &supervision::SupervisionRules::load);
}

} // namespace ow::server
