#include "intake/PreApplicationIntake.h"

#include "intake/IntakeSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace ow::intake {

QJsonObject PreApplicationNote::payload(const QString &code, const QStringList &scans, const QString &matter)
{
    return QJsonObject {{kKey, code}, {QStringLiteral("scans"), QJsonArray::fromStringList(scans)},
        {QStringLiteral("matter"), matter}};
}

QString PreApplicationNote::codeOf(const QJsonObject &payload)
{
    return payload.value(kKey).toString();
}

// IntakeSession's pre-application members live here, beside the data they take.

Result<PreApplicationReport> IntakeSession::takePreApplication(
    const catalogue::Matter &matter, const PreApplicationData &data)
{
    if (m_live)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "A pre-application opens a new intake, not one under way."));
    openMatter(matter);
    PreApplicationReport report;
    // A question shows only once the answers before it are given: give them until nothing more
    // takes, so the order the server kept them in does not matter.
    const QStringList questions = data.answers.questionIds();
    for (int pass = 0; pass <= questions.size(); ++pass) {
        bool changed = false;
        for (const QString &questionId : questions) {
            const catalogue::Answer *wanted = data.answers.find(questionId);
            const catalogue::Answer *given = m_live->answer(0, questionId);
            if (!wanted || (given && *given == *wanted))
                continue;
            m_live->setAnswer(0, questionId, *wanted);
            const catalogue::Answer *now = m_live->answer(0, questionId);
            changed = changed || (now && *now == *wanted);
        }
        if (!changed)
            break;
    }
    for (const QString &questionId : questions) {
        const catalogue::Answer *given = m_live->answer(0, questionId);
        if (!given || !(*given == *data.answers.find(questionId)))
            ++report.answersLeft;
    }
    takeLiveInterview();
    cases::Applicant applicant = data.applicant;
    m_case.applicant = applicant;
    m_preApplication = data.code;
    m_preApplicationScans.clear();
    m_preApplicationRecorded = false;
    for (const PreApplicationScanData &scan : data.scans) {
        Result<bool> added = attachBytes(scan);
        if (!added)
            return failWith(added.error());
        if (!m_interview.checklist.find(scan.materialId))
            report.scansWithoutMaterial.append(scan.fileName);
        if (*added)
            ++report.scansAttached;
    }
    // The scans are in the store now; until a draft cites them they would be orphans after a crash.
    if (canStore()) {
        Result<bool> kept = keepDraft();
        if (!kept)
            return failWith(kept.error());
    }
    announceChange();
    return report;
}

Result<bool> IntakeSession::attachBytes(const PreApplicationScanData &scan)
{
    const qsizetype before = m_case.attachments.size();
    Result<cases::CaseAttachment> attached
        = attachData(scan.materialId, scan.fileName, scan.mimeType, scan.bytes);
    if (!attached)
        return failWith(attached.error());
    if (!m_preApplicationScans.contains(attached->sha256))
        m_preApplicationScans.append(attached->sha256);
    return m_case.attachments.size() > before;
}

Result<void> IntakeSession::recordPreApplication()
{
    if (m_preApplication.isEmpty() || m_preApplicationRecorded || !isStored())
        return {};
    Result<cases::CaseEvent> noted = m_environment.store->appendEvent(m_case.number,
        event(cases::EventKind::Note,
            PreApplicationNote::payload(m_preApplication, m_preApplicationScans, m_case.matterCode)));
    if (!noted)
        return failWith(noted.error());
    m_preApplicationRecorded = true;
    return {};
}

} // namespace ow::intake
