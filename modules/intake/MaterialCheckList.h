#pragma once

#include "cases/Case.h"
#include "catalogue/SituationEngine.h"
#include "core/Result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace ow::intake {

/// The rules of the material check, without widgets: one MaterialCheck per checklist line, and the
/// changes the clerk may make to it. Every change that would break a rule is refused with a reason.
class MaterialCheckList
{
public:
    using Status = cases::MaterialCheck::Status;

    /// Takes the checklist; earlier checks of the same materials are kept, the rest start pending.
    void setChecklist(const catalogue::Checklist &checklist, const QList<cases::MaterialCheck> &earlier);

    int size() const { return int(m_checks.size()); }
    const catalogue::ChecklistLine &line(int index) const { return m_lines.at(index); }
    const cases::MaterialCheck &check(int index) const { return m_checks.at(index); }
    const QList<cases::MaterialCheck> &checks() const { return m_checks; }
    int indexOf(const QString &materialId) const;
    /// The first pending line at or after `from` (wrapping round), or -1 when none is pending.
    int nextPending(int from = 0) const;

    /// Received: handling defaults from the line's form and copies. Missing and Waived: nothing was
    /// handed in, so ticks and failed points go. Waived needs a waivable line and a deadline;
    /// DataShared needs a line the hall can fetch; Supplemented follows Missing or Waived.
    Result<void> setStatus(int index, Status status, const QDate &supplementDeadline = {});
    /// Received, and every point not marked failed is met: the one-key path for a good material.
    /// Failed points stay, because they are what the correction notice lists.
    Result<void> receiveAllMet(int index);

    void setOriginalSeen(int index, bool seen);
    void setCopyKept(int index, bool kept);
    void setCopies(int index, int copies);
    void setNote(int index, const QString &note);

    /// A data-shared material fetched from the platform: data sharing, with its source, time and
    /// reference. Refused for a line the hall cannot fetch.
    Result<void> takeShared(int index, const cases::SharedFetch &fetched);
    /// A data-shared material taken on paper because fetching failed: received, with the reason,
    /// which may not be empty.
    Result<void> takeOnPaper(int index, const QString &reason);

    /// Ticks (met) or unticks a review point; ticking clears a failure of the same point.
    Result<void> setPointMet(int index, const QString &pointId, bool met);
    /// Marks a point not met with the reason told to the applicant; replaces an earlier reason.
    Result<void> failPoint(int index, const QString &pointId, const QString &reason);
    /// Back to unchecked: neither met nor failed.
    void clearPoint(int index, const QString &pointId);
    bool isPointMet(int index, const QString &pointId) const;
    /// The reason a point was marked failed, or an empty string.
    QString failureReason(int index, const QString &pointId) const;

    int count(Status status) const;
    int failedPointCount() const;

    /// What a received material's handling starts as: the original seen for originals, a copy kept
    /// for copies, both for verify-original-keep-copy; the copies the checklist asks for.
    static cases::MaterialCheck receivedDefaults(const catalogue::ChecklistLine &line);

private:
    /// Points can only be checked on something the counter holds or fetched.
    Result<void> checkPointsAllowed(int index, const QString &pointId) const;

    QList<catalogue::ChecklistLine> m_lines;
    QList<cases::MaterialCheck> m_checks;
};

} // namespace ow::intake
