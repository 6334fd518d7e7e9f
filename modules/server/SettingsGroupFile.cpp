#include "server/SettingsGroupFile.h"

#include "core/InputExcerpt.h"

#include <QFile>
#include <QRegularExpression>

namespace ow::server {

using namespace Qt::StringLiterals;

Result<QHash<QString, int>> SettingsGroupFile::keyLines(const QString &path, const Group &group)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io, group.unreadable.arg(file.errorString()), SourceLocation {path, 0, 0});
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
        if (section != group.name)
            continue;
        const qsizetype equals = line.indexOf(u'=');
        const QString key = (equals < 0 ? line : line.left(equals)).trimmed();
        if (equals < 0 || !group.keys.contains(key))
            return fail(Error::Code::Invalid,
                group.unknownKey.arg(InputExcerpt::excerpt(key), group.keys.join(u", "_s)),
                SourceLocation {path, lineNumber, 0});
        lines.insert(group.name + u'/' + key, lineNumber);
    }
    return lines;
}

Error SettingsGroupFile::located(
    const Error &error, const QString &path, const Group &group, const QHash<QString, int> &lines)
{
    const QRegularExpression named(QRegularExpression::escape(group.name) + u"/[a-z0-9_]+"_s);
    const QString key = named.match(error.message()).captured(0);
    return Error(error.code(), error.message(), SourceLocation {path, lines.value(key), 0});
}

} // namespace ow::server
