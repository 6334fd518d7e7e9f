#include "cases/ScanFailureList.h"

#include "cases/CaseStore.h"

#include <QJsonObject>

namespace ow::cases {

namespace {

QString materialNameOf(const Case &c, const QString &sha256)
{
    for (const CaseAttachment &attachment : c.attachments) {
        if (attachment.sha256 != sha256)
            continue;
        for (const QJsonValue &line : c.checklist) {
            const QJsonObject object = line.toObject();
            if (!attachment.materialId.isEmpty()
                && object.value(QStringLiteral("material")).toString() == attachment.materialId)
                return object.value(QStringLiteral("name")).toString();
        }
        return attachment.fileName;
    }
    return QString();
}

} // namespace

Result<QList<ScanFailureLine>> ScanFailureList::open(const CaseStore &store)
{
    Result<QList<ScanFailure>> failures = ScanFailures(store.database()).list();
    if (!failures)
        return failWith(failures.error());
    QList<ScanFailureLine> lines;
    for (const ScanFailure &failure : std::as_const(*failures)) {
        if (failure.discarded.isValid())
            continue;
        for (const QString &number : failure.cases) {
            Result<Case> cited = store.findByNumber(number);
            if (!cited)
                return failWith(cited.error());
            lines.append({failure.sha256, number, materialNameOf(*cited, failure.sha256), failure.reason});
        }
        if (failure.cases.isEmpty())
            lines.append({failure.sha256, QString(), QString(), failure.reason});
    }
    return lines;
}

Result<bool> ScanFailureList::retry(const CaseStore &store, const QString &sha256)
{
    return ScanFailures(store.database()).retry(sha256);
}

Result<bool> ScanFailureList::discard(const CaseStore &store, const QString &sha256, const QDateTime &now)
{
    return ScanFailures(store.database()).discard(sha256, now);
}

} // namespace ow::cases
