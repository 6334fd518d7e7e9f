#pragma once

#include "cases/Case.h"
#include "cases/CaseEvent.h"

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace ow::cases {

/// One material a case awaits (补齐补正).
struct AwaitedMaterial
{
    enum class Source
    {
        Waiver, ///< waived at intake (容缺受理), due by the check's supplement deadline
        Request, ///< asked for by the department (a supplement-requested event)
    };

    QString materialId;
    QString name;
    QDate deadline;
    Source source = Source::Waiver;

    bool isOverdue(const QDate &today) const { return deadline.isValid() && deadline < today; }
    friend bool operator==(const AwaitedMaterial &, const AwaitedMaterial &) = default;
};

/// A material handed in later, as the event payload names it.
struct HandedIn
{
    QString materialId;
    QString name;
    QStringList scans; ///< SHA-256 of the pages scanned at the counter
};

/// What a case awaits and how a hand-in is recorded. Waived materials are awaited until their
/// check is Supplemented; a department's request (supplement-requested, payload "materials":
/// [{"id", "name", "deadline"}]) until each material was named by a later supplement-received or
/// supplemented event. A hand-in that brings the last material of an open request is recorded as
/// `supplemented` (the paused clock resumes, CaseDeadline); any other as `supplement-received`.
class Supplements
{
public:
    static QList<AwaitedMaterial> awaited(const Case &c, const QList<CaseEvent> &events);
    /// The earliest deadline among them; null when nothing is awaited.
    static QDate nextDeadline(const QList<AwaitedMaterial> &awaited);
    static bool anyOverdue(const QList<AwaitedMaterial> &awaited, const QDate &today);

    /// The kind of the event that records `handedIn` on a case that is `state` and awaits `awaited`.
    static EventKind kindFor(
        CaseState state, const QList<AwaitedMaterial> &awaited, const QList<HandedIn> &handedIn);
    /// {"materials": [{"id", "name", "scans": [...]}], "outstanding": [ids still awaited]}
    static QJsonObject payload(const QList<AwaitedMaterial> &awaited, const QList<HandedIn> &handedIn);
};

} // namespace ow::cases
