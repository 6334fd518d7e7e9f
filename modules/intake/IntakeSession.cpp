#include "intake/IntakeSession.h"

#include "cases/CaseLifecycle.h"
#include "cases/DecisionRules.h"
#include "documents/CaseDocuments.h"
#include "documents/ChecklistSheet.h"
#include "documents/OutcomeNotice.h"
#include "intake/AgentQuestion.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <algorithm>

namespace ow::intake {

using cases::Case;
using cases::CaseEvent;
using cases::EventKind;
using cases::MaterialCheck;

namespace {

Failure refuse(const QString &message)
{
    return fail(Error::Code::Invalid, message);
}

bool isAcceptance(EventKind kind)
{
    return kind == EventKind::Accepted || kind == EventKind::AcceptedWithWaiver;
}

} // namespace

QString IntakeSession::auditAction(Output output)
{
    switch (output) {
    case Output::Previewed:
        return QStringLiteral("document.viewed");
    case Output::Printed:
        return QStringLiteral("document.printed");
    case Output::Pdf:
        return QStringLiteral("document.pdf");
    case Output::Receipt:
        return QStringLiteral("document.receipt");
    }
    return {};
}

IntakeSession::IntakeSession(IntakeEnvironment environment, catalogue::CataloguePtr catalogue)
    : m_environment(std::move(environment))
    , m_catalogue(std::move(catalogue))
    , m_engine(std::make_unique<catalogue::SituationEngine>(m_catalogue))
{
}

IntakeSession::IntakeSession(IntakeSession &&) noexcept = default;
IntakeSession &IntakeSession::operator=(IntakeSession &&) noexcept = default;
IntakeSession::~IntakeSession() = default;

void IntakeSession::openMatter(const catalogue::Matter &matter)
{
    m_live = std::make_unique<InterviewSession>(*m_engine, matter);
    takeLiveInterview();
}

void IntakeSession::openBundle(const catalogue::Bundle &bundle)
{
    m_live = std::make_unique<InterviewSession>(*m_engine, bundle);
    takeLiveInterview();
}

bool IntakeSession::followReferral()
{
    int part = -1;
    const catalogue::ScreeningOutcome *outcome = m_live ? m_live->outcome(&part) : nullptr;
    const catalogue::Matter *target = outcome && outcome->kind == catalogue::OutcomeKind::Refer
        ? m_catalogue->matter(outcome->targetCode)
        : nullptr;
    if (!target || isDecided())
        return false;
    const InterviewSession::Part &from = m_live->parts().at(part);
    const catalogue::Answers carried
        = catalogue::SituationEngine::sharedAnswers(*from.matter, from.evaluation.effectiveAnswers, *target);
    m_live = std::make_unique<InterviewSession>(*m_engine, *target, carried);
    takeLiveInterview();
    announceChange();
    return true;
}

catalogue::ChangePreview IntakeSession::previewAnswer(
    int part, const QString &questionId, const catalogue::Answer &answer) const
{
    if (!m_live || part < 0 || part >= m_live->parts().size())
        return {};
    return m_live->preview(part, questionId, answer);
}

void IntakeSession::setAnswer(int part, const QString &questionId, const catalogue::Answer &answer)
{
    if (!m_live)
        return;
    m_live->setAnswer(part, questionId, answer);
    takeLiveInterview();
    announceChange();
}

void IntakeSession::clearAnswers()
{
    if (!m_live)
        return;
    m_live->clear();
    takeLiveInterview();
    announceChange();
}

bool IntakeSession::setAgent(bool agent)
{
    if (!m_live)
        return false;
    m_agent = agent;
    bool changed = false;
    for (qsizetype i = 0; i < m_live->parts().size(); ++i) {
        const InterviewSession::Part &part = m_live->parts().at(i);
        const std::optional<AgentQuestion::Change> change
            = AgentQuestion::answerFor(*part.matter, part.evaluation.effectiveAnswers, agent);
        if (!change)
            continue;
        m_live->setAnswer(int(i), change->questionId, change->answer);
        changed = true;
    }
    if (changed)
        takeLiveInterview();
    announceChange();
    return changed;
}

void IntakeSession::takeLiveInterview()
{
    if (!m_live || isDecided())
        return; // the decided case is what it is
    InterviewOutcome outcome;
    outcome.bundle = m_live->bundle();
    for (const InterviewSession::Part &part : m_live->parts())
        outcome.parts.append({part.matter, part.evaluation});
    outcome.checklist = m_live->checklist();
    // Refused only once decided, which was ruled out above.
    (void)setInterview(outcome);
}

const Case &IntakeSession::currentCase() const
{
    m_case.materialChecks = m_checks.checks();
    return m_case;
}

QDate IntakeSession::today() const
{
    // Deadlines run on the hall's calendar day, like the date in the case number.
    return m_environment.clock.today();
}

Result<void> IntakeSession::setInterview(const InterviewOutcome &outcome)
{
    if (isDecided())
        return refuse(QCoreApplication::translate(
            "ow::intake", "The case %1 is decided; its situation can no longer change.")
                          .arg(m_case.number));
    m_interview = outcome;
    outcome.fillCase(*m_catalogue, m_case);
    // Keep what the clerk already recorded for materials that stay on the checklist.
    m_checks.setChecklist(outcome.checklist, m_checks.checks());
    return {};
}

void IntakeSession::setApplicant(const cases::Applicant &applicant)
{
    if (!isDecided() && !(m_case.applicant == applicant)) {
        m_case.applicant = applicant;
        announceChange();
    }
}

void IntakeSession::setTicket(const QString &ticket)
{
    if (!isDecided() && m_case.ticket != ticket) {
        m_case.ticket = ticket;
        announceChange();
    }
}

void IntakeSession::setChecks(const QList<MaterialCheck> &checks)
{
    // A check of a material no longer on the checklist has nothing to say about this case.
    m_checks.setChecklist(m_interview.checklist, checks);
    announceChange();
}

Result<void> IntakeSession::checkReadyToStore() const
{
    if (!canStore())
        return refuse(QCoreApplication::translate("ow::intake",
            "This workstation has no case store or no logged-in clerk: cases cannot be saved here."));
    if (m_interview.parts.isEmpty())
        return refuse(QCoreApplication::translate("ow::intake", "No matter is open: find the matter first."));
    return {};
}

CaseEvent IntakeSession::event(EventKind kind, QJsonObject payload) const
{
    CaseEvent e;
    e.kind = kind;
    e.clerk = m_environment.clerkId;
    e.payload = std::move(payload);
    return e;
}

Result<void> IntakeSession::save()
{
    Result<void> ready = checkReadyToStore();
    if (!ready)
        return ready;
    if (!isStored()) {
        Result<Case> created = m_environment.store->createDraft(currentCase(), m_environment.clerkId);
        if (!created)
            return failWith(created.error());
        m_case = *created;
        return recordPreApplication();
    }
    Result<CaseEvent> saved = m_environment.store->save(currentCase(), event(EventKind::Updated));
    if (!saved)
        return failWith(saved.error());
    m_case.updated = saved->time;
    return recordPreApplication();
}

Result<QList<cases::CaseAttachment>> IntakeSession::importFiles(
    const QString &materialId, const QStringList &paths)
{
    Result<void> ready = checkReadyToStore();
    if (!ready)
        return failWith(ready.error());
    const QMimeDatabase mimes;
    QList<cases::CaseAttachment> added;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile())
            return fail(Error::Code::NotFound,
                QCoreApplication::translate("ow::intake", "The file %1 does not exist or is not a file.")
                    .arg(path));
        Result<QString> sha256 = m_environment.store->attachments().putFile(path);
        if (!sha256)
            return failWith(sha256.error());
        const bool known = std::any_of(
            m_case.attachments.cbegin(), m_case.attachments.cend(), [&](const cases::CaseAttachment &a) {
                return a.sha256 == *sha256 && a.materialId == materialId;
            });
        if (known)
            continue;
        cases::CaseAttachment attachment;
        attachment.sha256 = *sha256;
        attachment.materialId = materialId;
        attachment.fileName = info.fileName();
        attachment.mimeType = mimes.mimeTypeForFile(info).name();
        attachment.size = info.size();
        attachment.added = m_environment.clock.nowUtc();
        m_case.attachments.append(attachment);
        added.append(attachment);
    }
    if (isStored() && !added.isEmpty()) {
        Result<void> saved = save();
        if (!saved)
            return failWith(saved.error());
    }
    // The files are in the store now; until a draft cites them they would be orphans after a crash.
    if (!added.isEmpty()) {
        Result<bool> kept = keepDraft();
        if (!kept)
            return failWith(kept.error());
    }
    return added;
}

Result<cases::CaseAttachment> IntakeSession::attachData(
    const QString &materialId, const QString &fileName, const QString &mimeType, const QByteArray &bytes)
{
    Result<void> ready = checkReadyToStore();
    if (!ready)
        return failWith(ready.error());
    Result<QString> sha256 = m_environment.store->attachments().put(bytes);
    if (!sha256)
        return failWith(sha256.error());
    for (const cases::CaseAttachment &known : std::as_const(m_case.attachments))
        if (known.sha256 == *sha256 && known.materialId == materialId)
            return known;
    cases::CaseAttachment attachment;
    attachment.sha256 = *sha256;
    attachment.materialId = materialId;
    attachment.fileName = fileName;
    attachment.mimeType = mimeType;
    attachment.size = bytes.size();
    attachment.added = m_environment.clock.nowUtc();
    m_case.attachments.append(attachment);
    return attachment;
}

Result<QList<cases::CaseAttachment>> IntakeSession::importScans(
    const QString &materialId, const QList<QByteArray> &jpegPages)
{
    const QTemporaryDir folder;
    if (!folder.isValid())
        return fail(Error::Code::Io,
            QCoreApplication::translate("ow::intake", "The scanned pages could not be written: %1")
                .arg(folder.errorString()));
    // The attachment store names files by their content; these names only carry the page order.
    const QString stamp = m_environment.clock.nowLocal().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QStringList paths;
    for (qsizetype i = 0; i < jpegPages.size(); ++i) {
        const QString path
            = QDir(folder.path()).filePath(QStringLiteral("scan-%1-%2.jpg").arg(stamp).arg(i + 1));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(jpegPages.at(i)) != jpegPages.at(i).size())
            return fail(Error::Code::Io,
                QCoreApplication::translate("ow::intake", "The scanned pages could not be written: %1")
                    .arg(file.errorString()));
        paths.append(path);
    }
    // The folder and the pages in it go when it does: none stay behind once the store has its copies.
    return importFiles(materialId, paths);
}

Result<QDate> IntakeSession::promisedDeadline() const
{
    if (!m_environment.calendar)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "No holiday calendar is loaded: no deadline can be computed."));
    if (m_case.caseType == catalogue::MatterKind::Immediate)
        return today();
    return m_environment.calendar->addWorkingDays(today(), m_case.promisedDays);
}

Result<QDate> IntakeSession::defaultSupplementDeadline() const
{
    if (!m_environment.calendar)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "No holiday calendar is loaded: no deadline can be computed."));
    return m_environment.calendar->addWorkingDays(today(), kSupplementWorkingDays);
}

Result<Case> IntakeSession::decided(const IntakeDecision &decision) const
{
    Case c = currentCase();
    if (!isAcceptance(decision.kind)) {
        c.promisedDeadline = QDate();
        c.calendarVersion.clear();
        return c;
    }
    Result<QDate> deadline = promisedDeadline();
    if (!deadline)
        return fail(deadline.error().code(),
            QCoreApplication::translate("ow::intake", "The promised deadline cannot be computed: %1")
                .arg(deadline.error().message()));
    c.promisedDeadline = *deadline;
    c.calendarVersion = m_environment.calendar->version();
    return c;
}

Result<void> IntakeSession::check(const IntakeDecision &decision) const
{
    Result<void> ready = checkReadyToStore();
    if (!ready)
        return ready;
    if (!IntakeDecision::isCounterDecision(decision.kind))
        return fail(Error::Code::Internal, QStringLiteral("not a decision the counter makes"));
    if (m_decision)
        return refuse(
            QCoreApplication::translate("ow::intake", "The case %1 is already decided.").arg(m_case.number));
    Result<void> complete = m_interview.checkComplete();
    if (!complete)
        return complete;
    Result<cases::CaseState> next = cases::CaseLifecycle::apply(m_case.state, decision.kind);
    if (!next)
        return failWith(next.error());
    if (isAcceptance(decision.kind)) {
        const int pending = m_checks.count(MaterialCheck::Status::Pending);
        if (pending > 0)
            return refuse(QCoreApplication::translate("ow::intake",
                "%n material(s) not checked yet: check every material before accepting.", nullptr,
                int(pending)));
    }
    Result<Case> c = decided(decision);
    if (!c)
        return failWith(c.error());
    return cases::DecisionRules::check(*c, event(decision.kind, decision.payload()));
}

Result<documents::Document> IntakeSession::decide(const IntakeDecision &decision)
{
    Result<void> ready = check(decision);
    if (!ready)
        return failWith(ready.error());
    Result<Case> c = decided(decision);
    if (!c)
        return failWith(c.error());
    if (!isStored()) {
        Result<void> saved = save();
        if (!saved)
            return failWith(saved.error());
        c->id = m_case.id;
        c->number = m_case.number;
        c->qrToken = m_case.qrToken;
        c->hall = m_case.hall;
        c->counter = m_case.counter;
        c->firstHandler = m_case.firstHandler;
        c->created = m_case.created;
    }
    Result<CaseEvent> recorded = m_environment.store->save(*c, event(decision.kind, decision.payload()));
    if (!recorded)
        return failWith(recorded.error());
    m_decision = decision;
    if (decision.kind == EventKind::Accepted && c->caseType == catalogue::MatterKind::Immediate) {
        Result<void> onTheSpot = decideOnTheSpot();
        if (!onTheSpot)
            return failWith(onTheSpot.error());
    }
    Result<Case> stored = m_environment.store->findByNumber(m_case.number);
    if (!stored)
        return failWith(stored.error());
    m_case = *stored;
    settleDraft();
    return decisionDocument();
}

Result<void> IntakeSession::decideOnTheSpot()
{
    // 即办件: the counter reviews and approves at once (前台一人通办), so the log says so.
    const QJsonObject payload {{QStringLiteral("onTheSpot"), true}};
    for (EventKind kind : {EventKind::InReview, EventKind::Approved}) {
        Result<CaseEvent> recorded = m_environment.store->appendEvent(m_case.number, event(kind, payload));
        if (!recorded)
            return failWith(recorded.error());
    }
    return {};
}

documents::DocumentContext IntakeSession::documentContext() const
{
    const QString counter = m_environment.store ? m_environment.store->workstation().counter : QString();
    return documents::DocumentContext(
        m_environment.settings, m_environment.clock.nowLocal(), m_environment.clerkName, counter);
}

Result<documents::Document> IntakeSession::decisionDocument() const
{
    std::optional<documents::DocumentKind> kind = m_decision
        ? std::optional<documents::DocumentKind>(m_decision->documentKind())
        : IntakeDecision::documentKindFor(m_case.state);
    if (!kind || !isStored())
        return refuse(QCoreApplication::translate(
            "ow::intake", "Nothing is decided yet: there is no document to issue."));
    const documents::DecisionDetails details
        = documents::DecisionDetails::fromPayload(m_decision ? m_decision->payload() : QJsonObject());
    return documents::CaseDocuments::make(
        *kind, currentCase(), details, documentContext(), m_catalogue.get());
}

Result<documents::Document> IntakeSession::checklistDocument() const
{
    if (isStored())
        return documents::CaseDocuments::make(
            documents::DocumentKind::Checklist, currentCase(), {}, documentContext(), m_catalogue.get());
    if (m_interview.parts.isEmpty())
        return refuse(QCoreApplication::translate("ow::intake", "No matter is open: find the matter first."));
    return documents::ChecklistSheet::build(m_interview.checklistSubject(*m_catalogue), documentContext());
}

Result<documents::Document> IntakeSession::outcomeNotice() const
{
    int part = 0;
    const catalogue::ScreeningOutcome *outcome = m_live ? m_live->outcome(&part) : nullptr;
    if (!outcome)
        return refuse(QCoreApplication::translate(
            "ow::intake", "The answers reached no screening outcome: there is no one-time notice to print."));
    const InterviewSession::Part &reached = m_live->parts().at(part);
    const std::optional<documents::OutcomeSubject> subject
        = documents::OutcomeSubject::fromEvaluation(*m_catalogue, *reached.matter, reached.evaluation);
    return documents::OutcomeNotice::build(*subject, documentContext());
}

Result<void> IntakeSession::recordOutput(const documents::Document &document, Output output) const
{
    if (!m_environment.store || !isStored())
        return {};
    const QJsonObject detail {{QStringLiteral("document"), documents::keyword(document.kind)}};
    cases::AuditEntry entry;
    entry.clerk = m_environment.clerkId;
    entry.counter = m_environment.store->workstation().counter;
    entry.action = auditAction(output);
    entry.target = m_case.number;
    entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
    Result<cases::AuditEntry> recorded = m_environment.store->auditLog().record(entry);
    if (!recorded)
        return failWith(recorded.error());
    return {};
}

Result<QString> IntakeSession::openAttachment(const QString &sha256) const
{
    Result<void> ready = checkReadyToStore();
    if (!ready)
        return failWith(ready.error());
    const auto attachment = std::find_if(m_case.attachments.cbegin(), m_case.attachments.cend(),
        [&](const cases::CaseAttachment &a) { return a.sha256 == sha256; });
    if (attachment == m_case.attachments.cend())
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::intake", "The case has no attachment %1.").arg(sha256));
    Result<void> intact = m_environment.store->attachments().verify(sha256);
    if (!intact)
        return failWith(intact.error());
    if (isStored()) {
        const QJsonObject detail {
            {QStringLiteral("attachment"), sha256}, {QStringLiteral("material"), attachment->materialId}};
        cases::AuditEntry entry;
        entry.clerk = m_environment.clerkId;
        entry.counter = m_environment.store->workstation().counter;
        entry.action = QStringLiteral("attachment.viewed");
        entry.target = m_case.number;
        entry.detail = QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact));
        Result<cases::AuditEntry> recorded = m_environment.store->auditLog().record(entry);
        if (!recorded)
            return failWith(recorded.error());
    }
    return m_environment.store->attachments().pathFor(sha256);
}

} // namespace ow::intake
