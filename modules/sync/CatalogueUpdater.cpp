#include "sync/CatalogueUpdater.h"

#include "sync/CataloguePackage.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace ow::sync {

using namespace Qt::StringLiterals;

namespace {

// The installed versions, oldest first, one a line: the order they arrived in, since version names
// need not sort.
QString historyPath(const QString &cataloguesDirectory)
{
    return QDir(cataloguesDirectory).filePath(u"installed.txt"_s);
}

QStringList history(const QString &cataloguesDirectory)
{
    QFile file(historyPath(cataloguesDirectory));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList versions;
    for (const QByteArray &line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            versions.append(QString::fromUtf8(line.trimmed()));
    return versions;
}

} // namespace

QString CatalogueUpdater::cataloguesDirectory(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(u"catalogues"_s);
}

QString CatalogueUpdater::latestLocalCatalogue(const QString &dataDirectory)
{
    const QString root = cataloguesDirectory(dataDirectory);
    const QStringList versions = history(root);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it)
        if (QDir(QDir(root).filePath(*it)).exists())
            return QDir(root).filePath(*it);
    return {};
}

Result<void> CatalogueUpdater::remember(const QString &version)
{
    const QString root = cataloguesDirectory(m_dataDirectory);
    QStringList versions = history(root);
    versions.removeAll(version);
    versions.append(version);
    while (versions.size() > 2) {
        QDir(QDir(root).filePath(versions.takeFirst())).removeRecursively();
    }
    QSaveFile file(historyPath(root));
    if (!file.open(QIODevice::WriteOnly) || file.write(versions.join(u'\n').toUtf8() + '\n') < 0
        || !file.commit())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::sync", "Cannot write %1: %2")
                .arg(file.fileName(), file.errorString()));
    return {};
}

Result<QString> CatalogueUpdater::update()
{
    Result<QJsonObject> current = m_client.call("GET", protocol::kCatalogues + "/current"_L1);
    if (!current)
        return failWith(current.error());
    const QString version = current->value("version"_L1).toString();
    if (version.isEmpty() || version.contains(u'/') || version.startsWith(u'.'))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::sync", "The server names no usable current catalogue version."));
    const QString target = QDir(cataloguesDirectory(m_dataDirectory)).filePath(version);
    if (!QDir(target).exists()) {
        Result<QJsonObject> body = m_client.call(
            "GET", protocol::kCatalogues + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(version)));
        if (!body)
            return failWith(body.error());
        Result<CataloguePackage> package
            = CataloguePackage::fromJson(QJsonDocument(*body).toJson(QJsonDocument::Compact));
        if (!package)
            return failWith(package.error());
        const QString expected = current->value("sha256"_L1).toString();
        if (package->version != version || (!expected.isEmpty() && package->sha256() != expected))
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::sync", "The catalogue package %1 does not match what the server announced.")
                    .arg(version));
        Result<void> unpacked = package->unpack(target);
        if (!unpacked)
            return failWith(unpacked.error());
    }
    Result<void> kept = remember(version);
    if (!kept)
        return failWith(kept.error());
    return target;
}

} // namespace ow::sync
