#include "sync/CatalogueUpdater.h"

#include "sync/CataloguePackage.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

// The next version fetched ahead: {"version", "effective", "timeZone"}.
QString schedulePath(const QString &cataloguesDirectory)
{
    return QDir(cataloguesDirectory).filePath(u"next.json"_s);
}

bool usableVersion(const QString &version)
{
    return !version.isEmpty() && !version.contains(u'/') && !version.contains(u'\\')
        && !version.startsWith(u'.');
}

// An empty IANA id would name the system's own zone: the hall's is meant, or the fallback.
QTimeZone zoneNamed(const QString &id, const QTimeZone &fallback)
{
    const QTimeZone zone(id.toUtf8());
    return !id.isEmpty() && zone.isValid() ? zone : fallback;
}

} // namespace

QTimeZone CatalogueUpdater::defaultTimeZone()
{
    const QTimeZone shanghai("Asia/Shanghai");
    // China keeps no summer time: a fixed offset is the same zone where the zone data is missing.
    return shanghai.isValid() ? shanghai : QTimeZone(8 * 3600);
}

std::optional<CatalogueUpdater::Scheduled> CatalogueUpdater::scheduled(const QString &dataDirectory)
{
    QFile file(schedulePath(cataloguesDirectory(dataDirectory)));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    Scheduled next;
    next.version = json.value("version"_L1).toString();
    next.effective = QDate::fromString(json.value("effective"_L1).toString(), Qt::ISODate);
    next.zone = zoneNamed(json.value("timeZone"_L1).toString(), defaultTimeZone());
    if (!usableVersion(next.version) || !next.effective.isValid())
        return std::nullopt;
    return next;
}

QString CatalogueUpdater::cataloguesDirectory(const QString &dataDirectory)
{
    return QDir(dataDirectory).filePath(u"catalogues"_s);
}

QString CatalogueUpdater::latestLocalCatalogue(const QString &dataDirectory)
{
    return latestLocalCatalogue(dataDirectory, Clock());
}

QString CatalogueUpdater::latestLocalCatalogue(const QString &dataDirectory, const Clock &clock)
{
    const QString root = cataloguesDirectory(dataDirectory);
    // The day is the hall's: a counter in Shanghai switches at its midnight, not at UTC's.
    if (const std::optional<Scheduled> next = scheduled(dataDirectory); next
        && clock.nowUtc().toTimeZone(next->zone).date() >= next->effective
        && QDir(QDir(root).filePath(next->version)).exists())
        return QDir(root).filePath(next->version);
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

Result<QString> CatalogueUpdater::install(const QString &version, const QString &sha256)
{
    const QString target = QDir(cataloguesDirectory(m_dataDirectory)).filePath(version);
    if (QDir(target).exists())
        return target;
    Result<QJsonObject> body = m_client.call(
        "GET", protocol::kCatalogues + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(version)));
    if (!body)
        return failWith(body.error());
    Result<CataloguePackage> package
        = CataloguePackage::fromJson(QJsonDocument(*body).toJson(QJsonDocument::Compact));
    if (!package)
        return failWith(package.error());
    if (package->version != version || (!sha256.isEmpty() && package->sha256() != sha256))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::sync", "The catalogue package %1 does not match what the server announced.")
                .arg(version));
    Result<void> unpacked = package->unpack(target);
    if (!unpacked)
        return failWith(unpacked.error());
    return target;
}

Result<void> CatalogueUpdater::prefetch(const QJsonObject &next)
{
    const QString root = cataloguesDirectory(m_dataDirectory);
    const std::optional<Scheduled> before = scheduled(m_dataDirectory);
    const QString version = next.value("version"_L1).toString();
    const QDate effective = QDate::fromString(next.value("effective"_L1).toString(), Qt::ISODate);
    // A next version withdrawn (rolled back, or replaced by another) is not switched to, and its
    // folder goes unless it is installed as a current one.
    if (before && before->version != version && !history(root).contains(before->version))
        QDir(QDir(root).filePath(before->version)).removeRecursively();
    if (!usableVersion(version) || !effective.isValid()) {
        QFile::remove(schedulePath(root));
        return {};
    }
    Result<QString> fetched = install(version, next.value("sha256"_L1).toString());
    if (!fetched) {
        QFile::remove(schedulePath(root));
        return failWith(fetched.error());
    }
    const QTimeZone zone = zoneNamed(next.value("timeZone"_L1).toString(), m_zone);
    const QJsonObject schedule {{u"version"_s, version}, {u"effective"_s, effective.toString(Qt::ISODate)},
        {u"timeZone"_s, QString::fromUtf8(zone.id())}};
    QSaveFile file(schedulePath(root));
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(schedule).toJson()) < 0
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
    if (!usableVersion(version))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::sync", "The server names no usable current catalogue version."));
    Result<QString> target = install(version, current->value("sha256"_L1).toString());
    if (!target)
        return failWith(target.error());
    Result<void> kept = remember(version);
    if (!kept)
        return failWith(kept.error());
    QJsonObject next = current->value("next"_L1).toObject();
    if (!next.contains("timeZone"_L1) && current->contains("timeZone"_L1))
        next.insert(u"timeZone"_s, current->value("timeZone"_L1));
    // The next version is a convenience: the counter keeps working with the current one when it
    // cannot be fetched, and the next check tries again.
    Result<void> ahead = prefetch(next);
    Q_UNUSED(ahead);
    return latestLocalCatalogue(m_dataDirectory, m_clock);
}

} // namespace ow::sync
