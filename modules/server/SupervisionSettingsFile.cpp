#include "server/SupervisionSettingsFile.h"

#include "core/InputExcerpt.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSettings>

namespace ow::server {

using namespace Qt::StringLiterals;

const QStringList &SupervisionSettingsFile::keys()
{
    static const QStringList list {u"yellow_days"_s, u"transfer_days"_s, u"result_days"_s, u"pickup_days"_s,
        u"department_silent_days"_s, u"followup_contact_days"_s, u"followup_fix_days"_s};
    return list;
}

Result<supervision::SupervisionRules> SupervisionSettingsFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::server", "The supervision settings file could not be read: %1")
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
        if (section != u"supervision"_s)
            continue;
        const qsizetype equals = line.indexOf(u'=');
        const QString key = (equals < 0 ? line : line.left(equals)).trimmed();
        if (equals < 0 || !keys().contains(key))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::server",
                    "There is no supervision setting “%1”; the [supervision] group takes %2 "
                    "(docs/supervision.md).")
                    .arg(InputExcerpt::excerpt(key), keys().join(u", "_s)),
                SourceLocation {path, lineNumber, 0});
        lines.insert(u"supervision/"_s + key, lineNumber);
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::server", "The supervision settings file is not an INI file."),
            SourceLocation {path, 0, 0});
    Result<supervision::SupervisionRules> rules = supervision::SupervisionRules::load(settings);
    if (rules)
        return rules;
    // The rules' message starts with the key ("supervision/yellow_days = …"): point at its line.
    const QString key = rules.error().message().section(u' ', 0, 0);
    return fail(rules.error().code(), rules.error().message(), SourceLocation {path, lines.value(key), 0});
}

} // namespace ow::server
