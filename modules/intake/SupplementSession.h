#pragma once

#include "cases/Supplements.h"
#include "core/Result.h"
#include "documents/Document.h"
#include "intake/IntakeEnvironment.h"
#include "intake/MaterialCheckList.h"

#include <QList>
#include <memory>

namespace ow::intake {

/// 补齐补正 at the counter, without widgets: a case that awaits materials (waived at intake, or asked
/// for by the department) gets what the applicant hands in later. The awaited materials are checked
/// like at intake — one MaterialCheckList line each, with the review points of the case's checklist
/// snapshot, Received for what was handed in — and scanned; record() stores the checks, the scans
/// and the event (supplement-received, or supplemented when it completes the department's request,
/// which resumes the paused clock) in one transaction and gives the supplement receipt.
class SupplementSession
{
public:
    static Result<std::unique_ptr<SupplementSession>> open(
        const IntakeEnvironment &environment, const QString &caseNumber);

    const cases::Case &currentCase() const { return m_case; }
    const QList<cases::AwaitedMaterial> &awaited() const { return m_awaited; }
    MaterialCheckList &checkList() { return m_checks; }
    const MaterialCheckList &checkList() const { return m_checks; }
    /// Scans taken during this supplement, not yet recorded.
    const QList<cases::CaseAttachment> &newScans() const { return m_scans; }
    /// The case's scans and this supplement's, for the check page.
    QList<cases::CaseAttachment> allScans() const { return m_case.attachments + m_scans; }

    Result<QList<cases::CaseAttachment>> importFiles(const QString &materialId, const QStringList &paths);
    Result<QList<cases::CaseAttachment>> importScans(
        const QString &materialId, const QList<QByteArray> &jpegPages);

    /// What a record() now would refuse, or nothing.
    Result<void> check() const;
    /// Records what was handed in and returns the supplement receipt.
    Result<documents::Document> record();
    /// The clerk leaves without recording: the scans taken since the last record() go, unless a
    /// case or a draft cites the same file, so nothing is left behind as an orphan.
    Result<void> abandon();
    /// The event recorded by the last record().
    const cases::CaseEvent &recorded() const { return m_recorded; }

private:
    SupplementSession(IntakeEnvironment environment, cases::Case c, QList<cases::CaseEvent> events);
    QList<cases::HandedIn> handedIn() const;

    IntakeEnvironment m_environment;
    cases::Case m_case;
    QList<cases::CaseEvent> m_events;
    QList<cases::AwaitedMaterial> m_awaited;
    MaterialCheckList m_checks;
    QList<cases::CaseAttachment> m_scans;
    cases::CaseEvent m_recorded;
};

} // namespace ow::intake
