#include "intake/MaterialCheckList.h"

#include <QCoreApplication>

namespace ow::intake {

using cases::FailedPoint;
using cases::MaterialCheck;
using catalogue::ChecklistLine;
using catalogue::MaterialForm;

namespace {

bool hasPoint(const ChecklistLine &line, const QString &pointId)
{
    for (const catalogue::ReviewPoint &point : line.reviewPoints)
        if (point.id == pointId)
            return true;
    return false;
}

void removeFailure(MaterialCheck &check, const QString &pointId)
{
    check.failedPoints.removeIf([&](const FailedPoint &failed) { return failed.pointId == pointId; });
}

/// Nothing was handed in: whatever the clerk ticked on it no longer applies.
void clearHandling(MaterialCheck &check)
{
    check.originalSeen = false;
    check.copyKept = false;
    check.copies = 0;
    check.pointsTicked.clear();
    check.failedPoints.clear();
    check.shared = {};
}

} // namespace

void MaterialCheckList::setChecklist(
    const catalogue::Checklist &checklist, const QList<MaterialCheck> &earlier)
{
    // `earlier` may be this list's own checks: build the new list before replacing them.
    QList<MaterialCheck> checks;
    for (const ChecklistLine &line : checklist.lines) {
        MaterialCheck check;
        check.materialId = line.materialId;
        for (const MaterialCheck &before : earlier) {
            if (before.materialId == line.materialId) {
                check = before;
                break;
            }
        }
        checks.append(check);
    }
    m_lines = checklist.lines;
    m_checks = std::move(checks);
}

int MaterialCheckList::indexOf(const QString &materialId) const
{
    for (int i = 0; i < size(); ++i)
        if (m_checks.at(i).materialId == materialId)
            return i;
    return -1;
}

int MaterialCheckList::nextPending(int from) const
{
    for (int step = 0; step < size(); ++step) {
        const int i = (std::max(from, 0) + step) % size();
        if (m_checks.at(i).status == Status::Pending)
            return i;
    }
    return -1;
}

MaterialCheck MaterialCheckList::receivedDefaults(const ChecklistLine &line)
{
    MaterialCheck check;
    check.materialId = line.materialId;
    check.status = Status::Received;
    check.originalSeen = line.form != MaterialForm::Copy;
    check.copyKept = line.form != MaterialForm::Original;
    check.copies = std::max(line.copies, 1);
    return check;
}

Result<void> MaterialCheckList::setStatus(int index, Status status, const QDate &supplementDeadline)
{
    if (index < 0 || index >= size())
        return fail(Error::Code::Internal, QStringLiteral("no checklist line %1").arg(index));
    const ChecklistLine &line = m_lines.at(index);
    MaterialCheck &check = m_checks[index];

    switch (status) {
    case Status::Waived:
        if (!line.waivable)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::intake", "%1 cannot be waived: the catalogue requires it at intake.")
                    .arg(line.name));
        if (!supplementDeadline.isValid())
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::intake", "A waived material needs the date it must be supplied by."));
        break;
    case Status::DataShared:
        if (!line.dataShared)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate("ow::intake", "%1 cannot be fetched through data sharing.")
                    .arg(line.name));
        break;
    case Status::Supplemented:
        if (check.status != Status::Missing && check.status != Status::Waived)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::intake", "Only a missing or waived material can be supplemented."));
        break;
    case Status::Pending:
    case Status::Received:
    case Status::Missing:
        break;
    }

    check.status = status;
    check.supplementDeadline = status == Status::Waived ? supplementDeadline : QDate();
    switch (status) {
    case Status::Received:
    case Status::Supplemented:
        // Keep what the clerk already set; only a material that had no handling gets the defaults.
        if (!check.originalSeen && !check.copyKept && check.copies == 0) {
            const MaterialCheck defaults = receivedDefaults(line);
            check.originalSeen = defaults.originalSeen;
            check.copyKept = defaults.copyKept;
            check.copies = defaults.copies;
        }
        break;
    case Status::Missing:
    case Status::Waived:
    case Status::Pending:
        clearHandling(check);
        break;
    case Status::DataShared:
        // The hall fetches it: nothing on paper, but the points can still be checked on the data.
        check.originalSeen = false;
        check.copyKept = false;
        check.copies = 0;
        break;
    }
    return {};
}

Result<void> MaterialCheckList::receiveAllMet(int index)
{
    if (Result<void> received = setStatus(index, Status::Received); !received)
        return received;
    MaterialCheck &check = m_checks[index];
    for (const catalogue::ReviewPoint &point : m_lines.at(index).reviewPoints) {
        const bool failed = std::any_of(check.failedPoints.cbegin(), check.failedPoints.cend(),
            [&](const FailedPoint &f) { return f.pointId == point.id; });
        if (!failed && !check.pointsTicked.contains(point.id))
            check.pointsTicked.append(point.id);
    }
    return {};
}

Result<void> MaterialCheckList::takeShared(int index, const cases::SharedFetch &fetched)
{
    if (Result<void> shared = setStatus(index, Status::DataShared); !shared)
        return shared;
    m_checks[index].shared = fetched;
    m_checks[index].shared.paperReason.clear();
    return {};
}

Result<void> MaterialCheckList::takeOnPaper(int index, const QString &reason)
{
    if (index < 0 || index >= size())
        return fail(Error::Code::Internal, QStringLiteral("no checklist line %1").arg(index));
    if (!m_lines.at(index).dataShared)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::intake", "%1 is not a data-shared material: simply receive it.")
                .arg(m_lines.at(index).name));
    if (reason.trimmed().isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "Say why %1 is taken on paper instead of fetched through data sharing.")
                .arg(m_lines.at(index).name));
    if (Result<void> received = setStatus(index, Status::Received); !received)
        return received;
    m_checks[index].shared = {};
    m_checks[index].shared.paperReason = reason.trimmed();
    return {};
}

void MaterialCheckList::setOriginalSeen(int index, bool seen)
{
    m_checks[index].originalSeen = seen;
}

void MaterialCheckList::setCopyKept(int index, bool kept)
{
    m_checks[index].copyKept = kept;
}

void MaterialCheckList::setCopies(int index, int copies)
{
    m_checks[index].copies = std::max(copies, 0);
}

void MaterialCheckList::setNote(int index, const QString &note)
{
    m_checks[index].note = note;
}

Result<void> MaterialCheckList::checkPointsAllowed(int index, const QString &pointId) const
{
    if (index < 0 || index >= size())
        return fail(Error::Code::Internal, QStringLiteral("no checklist line %1").arg(index));
    if (!hasPoint(m_lines.at(index), pointId))
        return fail(Error::Code::NotFound,
            QStringLiteral("no review point %1 on %2").arg(pointId, m_lines.at(index).materialId));
    const Status status = m_checks.at(index).status;
    if (status == Status::Missing || status == Status::Waived)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "The material was not handed in: there is nothing to check."));
    return {};
}

Result<void> MaterialCheckList::setPointMet(int index, const QString &pointId, bool met)
{
    if (Result<void> allowed = checkPointsAllowed(index, pointId); !allowed)
        return allowed;
    MaterialCheck &check = m_checks[index];
    check.pointsTicked.removeAll(pointId);
    if (met) {
        removeFailure(check, pointId);
        check.pointsTicked.append(pointId);
    }
    return {};
}

Result<void> MaterialCheckList::failPoint(int index, const QString &pointId, const QString &reason)
{
    if (Result<void> allowed = checkPointsAllowed(index, pointId); !allowed)
        return allowed;
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "Say why the point is not met: the applicant is told the reason."));
    MaterialCheck &check = m_checks[index];
    check.pointsTicked.removeAll(pointId);
    for (FailedPoint &failed : check.failedPoints) {
        if (failed.pointId == pointId) {
            failed.reason = trimmed;
            return {};
        }
    }
    check.failedPoints.append({pointId, trimmed});
    return {};
}

void MaterialCheckList::clearPoint(int index, const QString &pointId)
{
    MaterialCheck &check = m_checks[index];
    check.pointsTicked.removeAll(pointId);
    removeFailure(check, pointId);
}

bool MaterialCheckList::isPointMet(int index, const QString &pointId) const
{
    return m_checks.at(index).pointsTicked.contains(pointId);
}

QString MaterialCheckList::failureReason(int index, const QString &pointId) const
{
    for (const FailedPoint &failed : m_checks.at(index).failedPoints)
        if (failed.pointId == pointId)
            return failed.reason;
    return {};
}

int MaterialCheckList::count(Status status) const
{
    return int(std::count_if(m_checks.cbegin(), m_checks.cend(),
        [&](const MaterialCheck &check) { return check.status == status; }));
}

int MaterialCheckList::failedPointCount() const
{
    int n = 0;
    for (const MaterialCheck &check : m_checks)
        n += int(check.failedPoints.size());
    return n;
}

} // namespace ow::intake
