#include "sync/SyncWarnings.h"

#include "cases/ResultDocuments.h"
#include "cases/ScanFailures.h"
#include "sync/SyncSettings.h"

#include <QCoreApplication>

namespace ow::sync {

QString SyncWarnings::clockWarning(qint64 serverOffsetMs)
{
    if (qAbs(serverOffsetMs) <= kClockToleranceMs)
        return {};
    const int minutes = int(std::min<qint64>((qAbs(serverOffsetMs) + 30000) / 60000, 1000000));
    // The server is ahead when this clock is behind, and the other way round.
    return serverOffsetMs > 0
        ? QCoreApplication::translate("ow::sync",
            "This computer's clock is %n minute(s) behind the server's; have it set right.", nullptr, minutes)
        : QCoreApplication::translate("ow::sync",
            "This computer's clock is %n minute(s) ahead of the server's; have it set right.", nullptr,
            minutes);
}

Result<QStringList> SyncWarnings::of(const cases::CaseStore &store)
{
    QStringList warnings;
    Result<qint64> setAside = cases::ScanFailures(store.database()).openCount();
    if (!setAside)
        return failWith(setAside.error());
    if (*setAside > 0)
        warnings.append(QCoreApplication::translate("ow::sync",
            "%n scan(s) cannot be read and wait with their cases: scan again or discard (onewindow-cli sync "
            "status).",
            nullptr, int(*setAside)));
    Result<cases::ResultDocumentCounts> documents = cases::ResultDocuments(store.database()).counts();
    if (!documents)
        return failWith(documents.error());
    if (documents->failed > 0)
        warnings.append(QCoreApplication::translate("ow::sync",
            "%n result document(s) from departments were refused as received and are fetched again each "
            "round (onewindow-cli sync status).",
            nullptr, int(documents->failed)));
    Result<QString> offset = store.syncValue(SyncSettings::kClockOffset);
    if (!offset)
        return failWith(offset.error());
    bool ok = false;
    const qint64 ms = offset->toLongLong(&ok);
    if (ok)
        if (const QString clock = clockWarning(ms); !clock.isEmpty())
            warnings.append(clock);
    return warnings;
}

} // namespace ow::sync
