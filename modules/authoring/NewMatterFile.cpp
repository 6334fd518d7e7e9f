#include "authoring/NewMatterFile.h"

#include "authoring/CatalogueDocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace ow::authoring {

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("ow::authoring::NewMatterFile", text);
}

} // namespace

QList<QPair<QString, QString>> NewMatterFile::departments(const CatalogueDocument &document)
{
    QList<QPair<QString, QString>> found;
    for (const catalogue::TextNode &node : document.nodes(QStringLiteral("departments.txt")))
        if (node.keyword == u"department" && !node.id.isEmpty())
            found.append({node.id, node.value});
    return found;
}

QStringList NewMatterFile::matterCodes(const CatalogueDocument &document)
{
    QStringList codes;
    for (const QString &file : document.files())
        if (file.startsWith(u"matters/"))
            for (const catalogue::TextNode &node : document.nodes(file))
                if (node.keyword == u"matter")
                    codes.append(node.id);
    return codes;
}

QString NewMatterFile::fileFor(const CatalogueDocument &document, const QString &code)
{
    const auto taken = [&](const QString &file) {
        return document.contains(file) || QFileInfo::exists(QDir(document.directory()).filePath(file));
    };
    QString file = QStringLiteral("matters/%1.txt").arg(code);
    for (int n = 2; taken(file); ++n)
        file = QStringLiteral("matters/%1-%2.txt").arg(code).arg(n);
    return file;
}

Result<void> NewMatterFile::check(const CatalogueDocument &document, const Fields &fields)
{
    static const QRegularExpression id(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    const QString code = fields.code.trimmed();
    if (code.isEmpty())
        return fail(Error::Code::Invalid,
            translated(QT_TRANSLATE_NOOP("ow::authoring::NewMatterFile",
                "Write the matter's code from the provincial catalogue, e.g. 330302-WJ-009.")));
    if (!id.match(code).hasMatch())
        return fail(Error::Code::Invalid,
            translated(QT_TRANSLATE_NOOP("ow::authoring::NewMatterFile",
                "A code is ASCII letters, digits, '-', '_' and '.', starting with a letter or a digit.")));
    if (matterCodes(document).contains(code))
        return fail(Error::Code::Invalid,
            translated(QT_TRANSLATE_NOOP(
                "ow::authoring::NewMatterFile", "The catalogue already has a matter with this code.")));
    if (fields.name.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            translated(QT_TRANSLATE_NOOP("ow::authoring::NewMatterFile",
                "Write the matter's name as the catalogue of matters has it.")));
    if (fields.name.contains(QLatin1Char('\n')) || fields.name.contains(QLatin1Char('\r')))
        return fail(Error::Code::Invalid,
            translated(QT_TRANSLATE_NOOP("ow::authoring::NewMatterFile", "The name is one line.")));
    bool known = false;
    for (const auto &[departmentId, name] : departments(document))
        known = known || departmentId == fields.departmentId;
    if (!known)
        return fail(Error::Code::Invalid,
            translated(QT_TRANSLATE_NOOP(
                "ow::authoring::NewMatterFile", "Choose the department the matter belongs to.")));
    if (!fields.immediate && fields.promisedDays < 1)
        return fail(Error::Code::Invalid,
            translated(QT_TRANSLATE_NOOP("ow::authoring::NewMatterFile",
                "A promised case needs its promised working days, 1 or more.")));
    return {};
}

QStringList NewMatterFile::lines(const Fields &fields)
{
    QStringList lines {QStringLiteral("matter %1: %2").arg(fields.code.trimmed(), fields.name.trimmed()),
        QStringLiteral("  department: %1").arg(fields.departmentId)};
    if (fields.immediate) {
        lines.append(QStringLiteral("  kind: immediate"));
    } else {
        lines.append(QStringLiteral("  kind: promised"));
        lines.append(QStringLiteral("  promised-days: %1").arg(fields.promisedDays));
    }
    return lines;
}

Result<Edit> NewMatterFile::edit(const CatalogueDocument &document, const Fields &fields)
{
    if (Result<void> checked = check(document, fields); !checked)
        return failWith(checked.error());
    return document.createFile(fileFor(document, fields.code.trimmed()), lines(fields));
}

} // namespace ow::authoring
