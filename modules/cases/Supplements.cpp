#include "cases/Supplements.h"

#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace ow::cases {

namespace {

QString snapshotName(const Case &c, const QString &materialId)
{
    for (const QJsonValue &line : c.checklist) {
        const QJsonObject object = line.toObject();
        if (object.value(QStringLiteral("material")).toString() == materialId)
            return object.value(QStringLiteral("name")).toString();
    }
    return materialId;
}

QSet<QString> namedMaterials(const CaseEvent &event)
{
    QSet<QString> ids;
    for (const QJsonValue &value : event.payload.value(QStringLiteral("materials")).toArray())
        ids.insert(value.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

QList<AwaitedMaterial> Supplements::awaited(const Case &c, const QList<CaseEvent> &events)
{
    QList<AwaitedMaterial> result;
    for (const MaterialCheck &check : c.materialChecks)
        if (check.status == MaterialCheck::Status::Waived)
            result.append({check.materialId, snapshotName(c, check.materialId), check.supplementDeadline,
                AwaitedMaterial::Source::Waiver});
    // The department's latest request counts; what was handed in after it is no longer awaited.
    qsizetype request = -1;
    for (qsizetype i = events.size() - 1; i >= 0 && request < 0; --i)
        if (events.at(i).kind == EventKind::SupplementRequested)
            request = i;
    if (request < 0)
        return result;
    QSet<QString> handed;
    for (qsizetype i = request + 1; i < events.size(); ++i)
        if (events.at(i).kind == EventKind::SupplementReceived
            || events.at(i).kind == EventKind::Supplemented)
            handed.unite(namedMaterials(events.at(i)));
    for (const QJsonValue &value : events.at(request).payload.value(QStringLiteral("materials")).toArray()) {
        const QJsonObject material = value.toObject();
        const QString id = material.value(QStringLiteral("id")).toString();
        if (id.isEmpty() || handed.contains(id))
            continue;
        const auto same = std::find_if(
            result.begin(), result.end(), [&](const AwaitedMaterial &a) { return a.materialId == id; });
        AwaitedMaterial awaitedMaterial {id, material.value(QStringLiteral("name")).toString(),
            QDate::fromString(material.value(QStringLiteral("deadline")).toString(), Qt::ISODate),
            AwaitedMaterial::Source::Request};
        if (same != result.end())
            *same = awaitedMaterial; // the department's date replaces the waiver's
        else
            result.append(awaitedMaterial);
    }
    return result;
}

QDate Supplements::nextDeadline(const QList<AwaitedMaterial> &awaited)
{
    QDate next;
    for (const AwaitedMaterial &a : awaited)
        if (a.deadline.isValid() && (!next.isValid() || a.deadline < next))
            next = a.deadline;
    return next;
}

bool Supplements::anyOverdue(const QList<AwaitedMaterial> &awaited, const QDate &today)
{
    return std::any_of(
        awaited.cbegin(), awaited.cend(), [&](const AwaitedMaterial &a) { return a.isOverdue(today); });
}

EventKind Supplements::kindFor(
    CaseState state, const QList<AwaitedMaterial> &awaited, const QList<HandedIn> &handedIn)
{
    if (state != CaseState::SupplementRequested)
        return EventKind::SupplementReceived;
    QSet<QString> handed;
    for (const HandedIn &h : handedIn)
        handed.insert(h.materialId);
    for (const AwaitedMaterial &a : awaited)
        if (a.source == AwaitedMaterial::Source::Request && !handed.contains(a.materialId))
            return EventKind::SupplementReceived; // the request is still open: the clock stays paused
    return EventKind::Supplemented;
}

QJsonObject Supplements::payload(const QList<AwaitedMaterial> &awaited, const QList<HandedIn> &handedIn)
{
    QJsonArray materials;
    QSet<QString> handed;
    for (const HandedIn &h : handedIn) {
        handed.insert(h.materialId);
        materials.append(QJsonObject {{QStringLiteral("id"), h.materialId}, {QStringLiteral("name"), h.name},
            {QStringLiteral("scans"), QJsonArray::fromStringList(h.scans)}});
    }
    QJsonArray outstanding;
    for (const AwaitedMaterial &a : awaited)
        if (!handed.contains(a.materialId))
            outstanding.append(a.materialId);
    return {{QStringLiteral("materials"), materials}, {QStringLiteral("outstanding"), outstanding}};
}

} // namespace ow::cases
