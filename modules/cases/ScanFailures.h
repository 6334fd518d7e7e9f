#pragma once

#include "core/Result.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <optional>

namespace ow::cases {

/// A scan of the attachment store that could not be read for sending (a read error, or content that
/// no longer matches its hash), with what the clerk decided.
struct ScanFailure
{
    QString sha256;
    QString reason;
    QDateTime detected;
    QDateTime discarded; ///< null while the scan is set aside; set when the clerk gave it up
    QStringList cases; ///< numbers of the cases that cite it
};

/// Scans the sync set aside because they cannot be read (docs/sync-protocol.md, "A scan that cannot
/// be read"). The outbox rows of the cases citing one wait while it is set aside, the rest of the
/// outbox flows; the clerk re-scans the material and retries (the scan is read again) or discards it
/// (the waiting rows are sent without it). Single statements; no transaction of its own.
class ScanFailures
{
public:
    explicit ScanFailures(const storage::Database &db)
        : m_db(db)
    {
    }

    /// Sets the scan aside with its reason (again after a retry that failed).
    Result<void> record(const QString &sha256, const QString &reason, const QDateTime &now) const;
    Result<std::optional<ScanFailure>> find(const QString &sha256) const;
    /// Every scan set aside or discarded, newest first.
    Result<QList<ScanFailure>> list() const;
    /// Scans set aside and not discarded.
    Result<qint64> openCount() const;
    /// Forgets the failure, so the next round reads the file again; false when there was none.
    Result<bool> retry(const QString &sha256) const;
    /// Gives the scan up: the waiting rows go without it; false when it was not set aside.
    Result<bool> discard(const QString &sha256, const QDateTime &now) const;

private:
    const storage::Database &m_db;
};

} // namespace ow::cases
