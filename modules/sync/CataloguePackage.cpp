#include "sync/CataloguePackage.h"

#include "core/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QUuid>

namespace ow::sync {

using namespace Qt::StringLiterals;

bool CataloguePackage::isSafePath(const QString &path)
{
    // A package never writes outside its folder, nor a file a folder listing would not show.
    if (path.isEmpty() || path.size() > 512 || path.contains(u'\\') || path.contains(u':')
        || path.contains(QChar(0)))
        return false;
    const QStringList parts = path.split(u'/');
    return std::none_of(parts.cbegin(), parts.cend(),
        [](const QString &part) { return part.isEmpty() || part.startsWith(u'.'); });
}

Result<CataloguePackage> CataloguePackage::fromDirectory(
    const QString &directory, const QString &id, const QString &version)
{
    CataloguePackage package;
    package.id = id;
    package.version = version;
    // Absolute, so that every file's path relative to it is right whether the folder was given as
    // "demo", "./demo" or "/srv/demo".
    const QDir root(QFileInfo(directory).absoluteFilePath());
    const QString canonicalRoot = QFileInfo(root.path()).canonicalFilePath();
    QDirIterator it(root.path(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        if (!isSafePath(relative))
            continue;
        // A link in the folder must never publish a file from elsewhere on the publisher's machine.
        const QString target = QFileInfo(path).canonicalFilePath();
        if (canonicalRoot.isEmpty() || !target.startsWith(canonicalRoot + u'/'))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::sync",
                    "%1 is a link to a file outside the catalogue folder; copy the file into the folder")
                    .arg(relative));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::sync", "Cannot read %1: %2").arg(path, file.errorString()));
        package.files.append(File {relative, file.readAll()});
    }
    std::sort(package.files.begin(), package.files.end(),
        [](const File &a, const File &b) { return a.path < b.path; });
    return package;
}

Result<CataloguePackage> CataloguePackage::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError)
        return fail(Error::Code::Parse,
            QCoreApplication::translate("ow::sync", "The catalogue package is not JSON: %1")
                .arg(error.errorString()));
    return fromJson(root);
}

Result<CataloguePackage> CataloguePackage::fromJson(const QJsonObject &root)
{
    CataloguePackage package;
    package.id = root.value("id"_L1).toString();
    package.version = root.value("version"_L1).toString();
    if (package.id.isEmpty() || !isSafePath(package.version) || package.version.contains(u'/'))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::sync", "The catalogue package has no id or no usable version."));
    QSet<QString> seen;
    for (const QJsonValue &value : root.value("files"_L1).toArray()) {
        const QJsonObject o = value.toObject();
        File file;
        file.path = o.value("path"_L1).toString();
        if (!isSafePath(file.path))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::sync", "The catalogue package names an unsafe path: %1")
                    .arg(file.path.left(200)));
        const QString folded = file.path.toLower();
        if (seen.contains(folded))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::sync", "The package names %1 twice.").arg(file.path));
        seen.insert(folded);
        QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
            o.value("data"_L1).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || Sha256::hex(*decoded) != o.value("sha256"_L1).toString())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::sync", "The file %1 of the catalogue package is damaged (SHA-256).")
                    .arg(file.path));
        file.data = std::move(*decoded);
        package.files.append(std::move(file));
    }
    if (package.files.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::sync", "The catalogue package has no files."));
    std::sort(package.files.begin(), package.files.end(),
        [](const File &a, const File &b) { return a.path < b.path; });
    return package;
}

QJsonObject CataloguePackage::toJson() const
{
    QJsonArray list;
    for (const File &file : files)
        list.append(QJsonObject {{"path"_L1, file.path}, {"sha256"_L1, Sha256::hex(file.data)},
            {"data"_L1, QString::fromLatin1(file.data.toBase64())}});
    return QJsonObject {{"id"_L1, id}, {"version"_L1, version}, {"files"_L1, list}};
}

QString CataloguePackage::sha256() const
{
    QStringList lines;
    for (const File &file : files)
        lines.append(file.path + u' ' + Sha256::hex(file.data));
    lines.sort();
    return Sha256::hex(lines.join(u'\n').toUtf8());
}

Result<void> CataloguePackage::unpack(const QString &target) const
{
    const QFileInfo info(target);
    if (info.exists())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::sync", "The catalogue folder %1 exists already.").arg(target));
    QDir parent = info.absoluteDir();
    if (!parent.mkpath(u"."_s))
        return fail(
            Error::Code::Io, QCoreApplication::translate("ow::sync", "Cannot create %1.").arg(parent.path()));
    // Hidden, so a half-written folder is never taken for a version.
    const QString temporary
        = parent.filePath(u".incoming-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
    const auto failed = [&](const QString &message) {
        QDir(temporary).removeRecursively();
        return fail(Error::Code::Io, message);
    };
    for (const File &file : files) {
        const QString path = QDir(temporary).filePath(file.path);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return failed(
                QCoreApplication::translate("ow::sync", "Cannot create the folder of %1.").arg(path));
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.data) != file.data.size() || !out.commit())
            return failed(
                QCoreApplication::translate("ow::sync", "Cannot write %1: %2").arg(path, out.errorString()));
    }
    if (!parent.rename(QFileInfo(temporary).fileName(), info.fileName()))
        return failed(
            QCoreApplication::translate("ow::sync", "Cannot move the new catalogue into %1.").arg(target));
    return {};
}

} // namespace ow::sync
