#include "server/QueueSettingsFile.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSettings>

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
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The queue settings file could not be read: %1")
                .arg(file.errorString()),
            SourceLocation {path, 0, 0});
    // QSettings reads the values; the lines are read here only to say where each key stands.
    QHash<QString, int> lines;
    QString section;
    int lineNumber = 0;
    const QStringList text = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &raw : text) {
        ++lineNumber;
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed();
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        const QString key = (equals < 0 ? line : line.left(equals)).trimmed();
        if (section != u"queue"_s)
            continue;
        if (equals < 0 || !keys().contains(key))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::server",
                    "There is no queue setting “%1”; the [queue] group takes %2 (docs/queue.md).")
                    .arg(InputExcerpt::excerpt(key), keys().join(u", "_s)),
                SourceLocation {path, lineNumber, 0});
        lines.insert(u"queue/"_s + key, lineNumber);
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::server", "The queue settings file is not an INI file."),
            SourceLocation {path, 0, 0});
    Result<queue::QueueRules> rules = queue::QueueRules::load(settings);
    if (rules)
        return rules;
    // The rules' message names the key ("queue/max_calls"): point at its line.
    static const QRegularExpression named(u"queue/[a-z_]+"_s);
    const QString key = named.match(rules.error().message()).captured(0);
    return fail(rules.error().code(), rules.error().message(), SourceLocation {path, lines.value(key), 0});
}

} // namespace ow::server
