#include "cases/PersonalDataAudit.h"

#include "cases/AuditLog.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ow::cases {

Result<void> PersonalDataAudit::recordApplicantViewed(
    const CaseStore &store, const QString &clerk, const QString &roleKey, const QString &caseNumber)
{
    const QJsonObject detail {
        {QStringLiteral("what"), QStringLiteral("applicant")}, {QStringLiteral("role"), roleKey}};
    Result<AuditEntry> recorded = store.auditLog().record(
        AuditEntry {0, {}, clerk, store.workstation().counter, QStringLiteral("applicant.viewed"), caseNumber,
            QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)), {}, {}});
    if (!recorded)
        return failWith(recorded.error());
    return {};
}

} // namespace ow::cases
