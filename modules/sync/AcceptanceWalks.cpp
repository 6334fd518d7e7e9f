#include "sync/AcceptanceWalks.h"

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

Result<void> AcceptanceWalks::record(
    SyncClient &client, const PendingWalk &walk, const QString &clerk, const QString &objection)
{
    QJsonObject body {{u"situation"_s, walk.item}, {u"clerk"_s, clerk}};
    if (!objection.trimmed().isEmpty())
        body.insert(u"objection"_s, objection.trimmed());
    Result<QJsonObject> answer
        = client.call("POST", u"/catalogues/submissions/%1/walks"_s.arg(walk.submission), {},
            QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!answer)
        return failWith(answer.error());
    return {};
}

} // namespace ow::sync
