#include "sync/AcceptanceWalks.h"

#include "catalogue/CatalogueLoader.h"
#include "sync/CataloguePackage.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::sync {

using namespace Qt::StringLiterals;

Result<QList<PendingWalk>> AcceptanceWalks::pending(SyncClient &client)
{
    Result<QJsonObject> answer = client.call("GET", u"/catalogues/submissions/pending-walks"_s);
    if (!answer)
        return failWith(answer.error());
    QList<PendingWalk> list;
    for (const QJsonValue &value : answer->value("walks"_L1).toArray()) {
        const QJsonObject w = value.toObject();
        PendingWalk walk;
        walk.submission = w.value("submission"_L1).toInteger();
        walk.version = w.value("version"_L1).toString();
        walk.item = w.value("item"_L1).toString();
        walk.title = w.value("title"_L1).toString();
        walk.matter = w.value("matter"_L1).toString();
        walk.bundle = w.value("bundle"_L1).toString();
        walk.situation = w.value("situation"_L1).toString();
        walk.change = w.value("change"_L1).toString();
        walk.detail = w.value("detail"_L1).toString();
        walk.counters = w.value("counters"_L1).toInt();
        walk.countersNeeded = w.value("countersNeeded"_L1).toInt(3);
        if (walk.submission > 0 && !walk.item.isEmpty())
            list.append(walk);
    }
    return list;
}

Result<void> AcceptanceWalks::record(SyncClient &client, const PendingWalk &walk, const QString &clerk,
    const QString &objection, const QString &answers)
{
    QJsonObject body {{u"situation"_s, walk.item}, {u"clerk"_s, clerk}};
    if (!answers.isEmpty())
        body.insert(u"answers"_s, answers);
    if (!objection.trimmed().isEmpty())
        body.insert(u"objection"_s, objection.trimmed());
    Result<QJsonObject> answer
        = client.call("POST", u"/catalogues/submissions/%1/walks"_s.arg(walk.submission), {},
            QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer)
        return failWith(answer.error());
    return {};
}

Result<catalogue::CataloguePtr> SubmittedCatalogues::open(SyncClient &client, const PendingWalk &walk)
{
    if (const auto loaded = m_loaded.constFind(walk.submission); loaded != m_loaded.constEnd())
        return *loaded;
    if (!m_folder.isValid())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::sync", "No temporary folder for the submitted catalogue: %1")
                .arg(m_folder.errorString()));
    Result<QJsonObject> body
        = client.call("GET", u"/catalogues/submissions/%1/package"_s.arg(walk.submission));
    if (!body)
        return failWith(body.error());
    Result<CataloguePackage> package = CataloguePackage::fromJson(*body);
    if (!package)
        return failWith(package.error());
    if (package->version != walk.version)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::sync", "The server sent catalogue version %1 for submission %2, which is version %3.")
                .arg(package->version)
                .arg(walk.submission)
                .arg(walk.version));
    const QString target = QDir(m_folder.path()).filePath(QString::number(walk.submission));
    if (QDir(target).exists())
        QDir(target).removeRecursively();
    Result<void> unpacked = package->unpack(target);
    if (!unpacked)
        return failWith(unpacked.error());
    Result<catalogue::CataloguePtr> loaded = catalogue::CatalogueLoader::loadOrError(target);
    if (!loaded)
        return failWith(loaded.error());
    m_loaded.insert(walk.submission, *loaded);
    return *loaded;
}

} // namespace ow::sync
