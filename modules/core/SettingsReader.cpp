#include "core/SettingsReader.h"

#include <QCoreApplication>
#include <QSettings>

namespace ow {

Failure SettingsReader::invalid(const QString &key, const QString &value, const QString &why)
{
    return fail(Error::Code::Invalid,
        QCoreApplication::translate("ow::core", "The setting %1 is '%2': %3").arg(key, value, why));
}

Result<void> SettingsReader::number(
    const QSettings &settings, const QString &key, int low, int high, int &target)
{
    const QString text = settings.value(key).toString().trimmed();
    if (text.isEmpty())
        return {};
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < low || value > high)
        return invalid(key, text,
            QCoreApplication::translate("ow::core", "use a whole number from %1 to %2.").arg(low).arg(high));
    target = value;
    return {};
}

Result<void> SettingsReader::onOff(const QSettings &settings, const QString &key, bool &target)
{
    const QString text = settings.value(key).toString().trimmed().toLower();
    if (text.isEmpty())
        return {};
    if (text == QStringLiteral("true") || text == QStringLiteral("on") || text == QStringLiteral("1"))
        target = true;
    else if (text == QStringLiteral("false") || text == QStringLiteral("off") || text == QStringLiteral("0"))
        target = false;
    else
        return invalid(key, text, QCoreApplication::translate("ow::core", "use true or false."));
    return {};
}

} // namespace ow
