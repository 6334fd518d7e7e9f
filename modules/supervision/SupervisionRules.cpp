#include "supervision/SupervisionRules.h"

#include <QCoreApplication>
#include <QSettings>

namespace ow::supervision {

Result<SupervisionRules> SupervisionRules::load(const QSettings &settings)
{
    SupervisionRules rules;
    struct NumberKey
    {
        const char *key;
        int low;
        int high;
        int *target;
    };
    const NumberKey numbers[] = {{"supervision/yellow_days", 0, 30, &rules.yellowDays},
        {"supervision/transfer_days", 0, 10, &rules.transferDays},
        {"supervision/result_days", 0, 30, &rules.resultDays},
        {"supervision/pickup_days", 0, 365, &rules.pickupDays},
        {"supervision/department_silent_days", 1, 60, &rules.departmentSilentDays},
        {"supervision/followup_contact_days", 0, 30, &rules.followUpContactDays},
        {"supervision/followup_fix_days", 1, 90, &rules.followUpFixDays},
        {"supervision/complaint_days", 1, 60, &rules.complaintDays}};
    for (const NumberKey &n : numbers) {
        const QString key = QString::fromLatin1(n.key);
        if (!settings.contains(key))
            continue;
        bool ok = false;
        const QString text = settings.value(key).toString().trimmed();
        const int value = text.toInt(&ok);
        if (!ok || value < n.low || value > n.high)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::supervision", "%1 = “%2”: a whole number of working days from %3 to %4")
                    .arg(key, text)
                    .arg(n.low)
                    .arg(n.high));
        *n.target = value;
    }
    const QString sessionKey = QStringLiteral("supervision/session_hours");
    if (settings.contains(sessionKey)) {
        bool ok = false;
        const QString text = settings.value(sessionKey).toString().trimmed();
        const int hours = text.toInt(&ok);
        // A working day at most: a stolen token is worth no more than one shift.
        if (!ok || hours < 1 || hours > 24)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::supervision", "%1 = “%2”: a whole number of hours from 1 to 24")
                    .arg(sessionKey, text));
        rules.sessionHours = hours;
    }
    return rules;
}

} // namespace ow::supervision
