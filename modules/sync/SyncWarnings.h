#pragma once

#include "cases/CaseStore.h"

#include <QStringList>

namespace ow::sync {

/// What the clerk should know although the sync works: scans set aside because they cannot be
/// read, and this computer's clock off from the server's. Shown by `onewindow-cli sync status` and,
/// through SyncWorker::statusChanged, by the status bar.
class SyncWarnings
{
public:
    /// A clock off by more than this is worth a warning (network delay is far less).
    static constexpr qint64 kClockToleranceMs = 2 * 60 * 1000;

    /// The warnings for the store, translated; empty when all is well.
    static Result<QStringList> of(const cases::CaseStore &store);
    /// The warning for a measured offset (the server's clock minus this one), or an empty string.
    static QString clockWarning(qint64 serverOffsetMs);
};

} // namespace ow::sync
