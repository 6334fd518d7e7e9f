#include "cases/DecisionRules.h"

#include "cases/Withdrawal.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ow::cases {

namespace {

bool hasText(const QJsonValue &value)
{
    if (value.isString())
        return !value.toString().trimmed().isEmpty();
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            if (hasText(item))
                return true;
    }
    return false;
}

bool snapshotAllowsWaiver(const Case &c, const QString &materialId)
{
    for (const QJsonValue &line : c.checklist) {
        const QJsonObject object = line.toObject();
        if (object.value(QStringLiteral("material")).toString() == materialId)
            return object.value(QStringLiteral("waivable")).toBool();
    }
    return true; // not in the snapshot (no checklist recorded): the clerk's word stands
}

Failure refuse(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

Result<void> checkAcceptance(const Case &c, bool withWaiver)
{
    Result<void> applicant = c.applicant.validate();
    if (!applicant)
        return applicant;
    int waived = 0;
    for (const MaterialCheck &check : c.materialChecks) {
        if (!check.failedPoints.isEmpty())
            return refuse(QCoreApplication::translate("ow::cases",
                "The material %1 fails a review point: issue a correction notice instead of accepting.")
                              .arg(c.materialName(check.materialId)));
        switch (check.status) {
        case MaterialCheck::Status::Missing:
            return refuse(QCoreApplication::translate("ow::cases",
                "The material %1 is missing: issue a correction notice, or waive it if it may be waived.")
                              .arg(c.materialName(check.materialId)));
        case MaterialCheck::Status::Waived:
            if (!withWaiver)
                return refuse(QCoreApplication::translate(
                    "ow::cases", "The material %1 is waived: the case must be accepted with waiver.")
                                  .arg(c.materialName(check.materialId)));
            if (!snapshotAllowsWaiver(c, check.materialId))
                return refuse(QCoreApplication::translate(
                    "ow::cases", "The material %1 may not be waived for this matter.")
                                  .arg(c.materialName(check.materialId)));
            if (!check.supplementDeadline.isValid())
                return refuse(QCoreApplication::translate(
                    "ow::cases", "The waived material %1 needs the date by which it must be supplied.")
                                  .arg(c.materialName(check.materialId)));
            ++waived;
            break;
        default:
            break;
        }
    }
    if (withWaiver && waived == 0)
        return refuse(QCoreApplication::translate("ow::cases",
            "Acceptance with waiver needs at least one waived material with its supplement deadline."));
    return {};
}

} // namespace

Result<void> DecisionRules::check(const Case &c, const CaseEvent &event)
{
    switch (event.kind) {
    case EventKind::Accepted:
        return checkAcceptance(c, false);
    case EventKind::AcceptedWithWaiver:
        return checkAcceptance(c, true);
    case EventKind::CorrectionNotice: {
        if (hasText(event.payload.value(QStringLiteral("items"))))
            return {};
        for (const MaterialCheck &check : c.materialChecks)
            if (check.status == MaterialCheck::Status::Missing || !check.failedPoints.isEmpty())
                return {};
        return refuse(QCoreApplication::translate("ow::cases",
            "A correction notice must tell the applicant what is missing or wrong; nothing is recorded."));
    }
    case EventKind::Refused:
    case EventKind::Denied:
        if (!hasText(event.payload.value(QStringLiteral("reasons"))))
            return refuse(QCoreApplication::translate(
                "ow::cases", "A refusal or denial must state its reasons in writing (payload “reasons”)."));
        return {};
    case EventKind::Withdrawn:
        if (Result<Withdrawal> withdrawal = Withdrawal::fromPayload(event.payload); !withdrawal)
            return failWith(withdrawal.error());
        return {};
    default:
        return {};
    }
}

} // namespace ow::cases
