#include "server/QueueSettingsFile.h"

#include "server/SettingsGroupFile.h"

#include <QCoreApplication>

namespace ow::server {

using namespace Qt::StringLiterals;

const QStringList &QueueSettingsFile::keys()
{
    static const QStringList list {u"max_calls"_s, u"recall_after_minutes"_s, u"walk_in_cap_minutes"_s,
        u"appointment_early_minutes"_s, u"target_wait_minutes"_s, u"stealing"_s, u"default_service_minutes"_s,
        u"history_days"_s, u"minimum_samples"_s, u"areas"_s, u"number_digits"_s, u"sms_issued"_s,
        u"sms_next"_s, u"sms_called"_s, u"display_silent"_s};
    return list;
}

Result<queue::QueueRules> QueueSettingsFile::load(const QString &path)
{
    const SettingsGroupFile::Group group {u"queue"_s, keys(),
        QCoreApplication::translate("ow::server", "The queue settings file could not be read: %1"),
        QCoreApplication::translate(
            "ow::server", "There is no queue setting “%1”; the [queue] group takes %2 (docs/queue.md)."),
        QCoreApplication::translate("ow::server", "The queue settings file is not an INI file.")};
    return SettingsGroupFile::load(path, group, &queue::QueueRules::load);
}

} // namespace ow::server
