#include "documents/IniFile.h"

#include "core/InputExcerpt.h"
#include "core/TextFile.h"

#include <QCoreApplication>

namespace ow::documents {

namespace {

bool isName(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        if (!alnum && (i == 0 || (c != u'.' && c != u'-' && c != u'_')))
            return false;
    }
    return true;
}

} // namespace

Result<QList<IniFile::Entry>> IniFile::parse(const QString &text, const QString &fileName)
{
    QList<Entry> entries;
    QString section;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i) + 1;
        const QString line = lines.at(i).trimmed();
        const SourceLocation where {fileName, lineNumber, 0};
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']')) || !isName(QStringView(line).sliced(1, line.size() - 2)))
                return fail(Error::Code::Parse,
                    QCoreApplication::translate(
                        "ow::documents", "A section header must be a name in brackets, such as [hall]."),
                    where);
            section = line.sliced(1, line.size() - 2);
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::documents", "Expected a line of the form key = value."),
                where);
        const QString key = line.first(equals).trimmed();
        if (!isName(key))
            return fail(Error::Code::Parse,
                QCoreApplication::translate("ow::documents",
                    "The key “%1” may only contain letters, digits, dots, hyphens and underscores.")
                    .arg(InputExcerpt::excerpt(key)),
                where);
        if (section.isEmpty())
            return fail(Error::Code::Parse,
                QCoreApplication::translate(
                    "ow::documents", "The key “%1” comes before any [section] header.")
                    .arg(key),
                where);
        for (const Entry &entry : std::as_const(entries))
            if (entry.section == section && entry.key == key)
                return fail(Error::Code::Invalid,
                    QCoreApplication::translate(
                        "ow::documents", "The key “%1” of [%2] was already set on line %3.")
                        .arg(InputExcerpt::excerpt(key), InputExcerpt::excerpt(section))
                        .arg(entry.line),
                    where);
        QString value = line.sliced(equals + 1).trimmed();
        value.replace(QStringLiteral("\\n"), QStringLiteral("\n"));
        entries.append(Entry {section, key, value, lineNumber});
    }
    return entries;
}

Result<QList<IniFile::Entry>> IniFile::read(const QString &path)
{
    Result<QString> text = TextFile::readUtf8(path);
    if (!text)
        return failWith(text.error());
    return parse(*text, path);
}

} // namespace ow::documents
