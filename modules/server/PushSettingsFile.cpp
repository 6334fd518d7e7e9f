#include "server/PushSettingsFile.h"

#include "server/DepartmentEndpoints.h"
#include "server/SettingsGroupFile.h"

#include <QCoreApplication>
#include <QSettings>

namespace ow::server {

using namespace Qt::StringLiterals;

namespace {

// A whole number in [least, most] from "push/KEY", or the fallback when the key is absent.
Result<qint64> number(
    const QSettings &settings, const QString &key, qint64 fallback, qint64 least, qint64 most)
{
    const QString full = u"push/"_s + key;
    if (!settings.contains(full))
        return fallback;
    bool ok = false;
    const qint64 value = settings.value(full).toString().trimmed().toLongLong(&ok);
    if (!ok || value < least || value > most)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::server", "%1 takes a whole number from %2 to %3, not “%4”.")
                .arg(full)
                .arg(least)
                .arg(most)
                .arg(settings.value(full).toString()));
    return value;
}

} // namespace

QStringList PushSettingsFile::keys()
{
    return {u"first-retry-seconds"_s, u"retry-cap-seconds"_s, u"attempts"_s, u"max-age-hours"_s,
        u"link-minutes"_s, u"public-url"_s};
}

Result<DeliveryPolicy> PushSettingsFile::parse(const QSettings &settings)
{
    DeliveryPolicy policy;
    Result<qint64> first = number(settings, u"first-retry-seconds"_s, policy.firstRetrySeconds, 1, 3600);
    if (!first)
        return failWith(first.error());
    Result<qint64> cap = number(settings, u"retry-cap-seconds"_s, policy.retryCapSeconds, *first, 24 * 3600);
    if (!cap)
        return failWith(cap.error());
    Result<qint64> attempts = number(settings, u"attempts"_s, policy.maxAttempts, 1, 1000);
    if (!attempts)
        return failWith(attempts.error());
    Result<qint64> age = number(settings, u"max-age-hours"_s, policy.maxAgeHours, 1, 24 * 30);
    if (!age)
        return failWith(age.error());
    Result<qint64> link = number(settings, u"link-minutes"_s, policy.linkSeconds / 60, 1, 7 * 24 * 60);
    if (!link)
        return failWith(link.error());
    policy.firstRetrySeconds = *first;
    policy.retryCapSeconds = *cap;
    policy.maxAttempts = int(*attempts);
    policy.maxAgeHours = *age;
    policy.linkSeconds = *link * 60;
    if (settings.contains(u"push/public-url"_s)) {
        policy.publicUrl = settings.value(u"push/public-url"_s).toString().trimmed();
        if (const QString problem = DepartmentEndpoints::urlProblem(QUrl(policy.publicUrl));
            !problem.isEmpty())
            return fail(Error::Code::Invalid, u"push/public-url: "_s + problem);
    }
    return policy;
}

Result<DeliveryPolicy> PushSettingsFile::load(const QString &path)
{
    const SettingsGroupFile::Group group {u"push"_s, keys(),
        QCoreApplication::translate("ow::server", "The push settings file could not be read: %1"),
        QCoreApplication::translate(
            "ow::server", "There is no push setting “%1”; the [push] group takes %2 (docs/deployment.md)."),
        QCoreApplication::translate("ow::server", "The push settings file is not an INI file.")};
    return SettingsGroupFile::load(path, group, &PushSettingsFile::parse);
}

} // namespace ow::server
