#include "ui/EventSummary.h"

#include "cases/Withdrawal.h"
#include "core/Masking.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace ow::ui {

using namespace ow::cases;

namespace {

/// A string, or the strings of an array (of strings or of objects with a "reason" or "name").
QString joined(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    QStringList parts;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        QString text
            = item.isObject() ? item.toObject().value(QStringLiteral("reason")).toString() : item.toString();
        if (text.isEmpty() && item.isObject())
            text = item.toObject().value(QStringLiteral("name")).toString();
        if (!text.trimmed().isEmpty())
            parts.append(text.trimmed());
    }
    return QLocale().createSeparatedList(parts);
}

QString text(const QJsonObject &payload, const char *key)
{
    return joined(payload.value(QLatin1StringView(key)));
}

} // namespace

QString EventSummary::of(const CaseEvent &event, bool personalDataVisible)
{
    const QJsonObject &p = event.payload;
    QStringList parts;
    switch (event.kind) {
    case EventKind::Refused:
    case EventKind::Denied:
        if (const QString reasons = text(p, "reasons"); !reasons.isEmpty())
            parts.append(QCoreApplication::translate("ow::ui", "Reasons: %1").arg(reasons));
        break;
    case EventKind::CorrectionNotice:
    case EventKind::SupplementRequested:
        if (const QString items = text(p, "items"); !items.isEmpty())
            parts.append(QCoreApplication::translate("ow::ui", "Asked for: %1").arg(items));
        break;
    case EventKind::PickedUp: {
        const bool agent = p.value(QStringLiteral("collector")).toString() == QStringLiteral("agent");
        QString name = p.value(QStringLiteral("collectorName")).toString();
        QString id = p.value(QStringLiteral("collectorIdNumber")).toString();
        if (!personalDataVisible) {
            name = Masking::name(name);
            id = Masking::idNumber(id);
        }
        parts.append(agent
                ? QCoreApplication::translate("ow::ui", "Collected by an agent: %1 %2").arg(name, id)
                : QCoreApplication::translate("ow::ui", "Collected by the applicant: %1 %2").arg(name, id));
        break;
    }
    case EventKind::Mailed:
        parts.append(QCoreApplication::translate("ow::ui", "EMS tracking number %1")
                         .arg(p.value(QStringLiteral("trackingNumber")).toString()));
        break;
    case EventKind::Withdrawn:
        if (Result<Withdrawal> w = Withdrawal::fromPayload(p); w) {
            const QString name = personalDataVisible ? w->requester : Masking::name(w->requester);
            parts.append(w->requestedBy == Withdrawal::RequestedBy::Agent
                    ? QCoreApplication::translate("ow::ui", "Asked by an agent, %1: %2").arg(name, w->reason)
                    : QCoreApplication::translate("ow::ui", "Asked by the applicant, %1: %2")
                          .arg(name, w->reason));
        }
        break;
    default:
        break;
    }
    const QString clock = p.value(QStringLiteral("clock")).toString();
    if (clock == QStringLiteral("pause"))
        parts.append(QCoreApplication::translate("ow::ui", "Clock paused: %1").arg(text(p, "reason")));
    else if (clock == QStringLiteral("resume"))
        parts.append(QCoreApplication::translate("ow::ui", "Clock resumed"));
    if (const QString note = text(p, "text"); !note.isEmpty())
        parts.append(note);
    return parts.join(QStringLiteral(" · "));
}

} // namespace ow::ui
