#pragma once

#include "cases/ScanFailures.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ow::cases {

class CaseStore;

/// One line of the scans set aside, as the clerk knows them: the case and the material's name
/// (never the scan's hash or the material's id) and why the scan cannot be read.
struct ScanFailureLine
{
    QString sha256; ///< for the decision only; never shown
    QString caseNumber;
    QString materialName; ///< from the case's checklist; the file name for a scan tied to no material
    QString reason;
};

/// The scans the sync set aside and not yet discarded, one line per case citing each, and the
/// clerk's two decisions on one (the same as `onewindow-cli sync retry-scan|discard-scan`).
class ScanFailureList
{
public:
    static Result<QList<ScanFailureLine>> open(const CaseStore &store);
    /// The scan was scanned again: the next sync round reads it afresh.
    static Result<bool> retry(const CaseStore &store, const QString &sha256);
    /// Given up: the cases citing it are sent without it.
    static Result<bool> discard(const CaseStore &store, const QString &sha256, const QDateTime &now);
};

} // namespace ow::cases
