#include "intake/IntakeDraft.h"

#include "cases/CaseJson.h"
#include "cases/DraftStore.h"
#include "intake/IntakeSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ow::intake {

using cases::CaseJson;

namespace {

QString str(const char *text)
{
    return QString::fromLatin1(text);
}

Failure damaged(const QString &what)
{
    return fail(Error::Code::Invalid,
        QCoreApplication::translate("ow::intake", "The draft cannot be read back: %1").arg(what));
}

} // namespace

QJsonObject IntakeDraft::content(const IntakeSession &session)
{
    QJsonObject object;
    const InterviewSession *live = session.liveInterview();
    if (!live)
        return object;
    if (live->bundle())
        object.insert(str("bundle"), live->bundle()->id);
    else
        object.insert(str("matter"), live->parts().constFirst().matter->code);
    QJsonArray parts;
    for (const InterviewSession::Part &part : live->parts())
        parts.append(QJsonObject {{str("matter"), part.matter->code},
            {str("answers"), CaseJson::answers(part.evaluation.effectiveAnswers)}});
    object.insert(str("parts"), parts);
    object.insert(str("agent"), session.m_agent);
    const cases::Case &c = session.currentCase();
    object.insert(str("caseNumber"), c.number);
    object.insert(str("applicant"), c.applicant.toJson());
    object.insert(str("checks"), CaseJson::materialChecks(c.materialChecks));
    QJsonArray attachments;
    for (const cases::CaseAttachment &a : c.attachments)
        attachments.append(CaseJson::attachment(a));
    object.insert(str("attachments"), attachments);
    object.insert(str("step"), session.m_draftStep);
    if (!session.m_preApplication.isEmpty())
        object.insert(str("preApplication"),
            QJsonObject {{str("code"), session.m_preApplication},
                {str("scans"), QJsonArray::fromStringList(session.m_preApplicationScans)},
                {str("recorded"), session.m_preApplicationRecorded}});
    return object;
}

Result<void> IntakeDraft::restore(IntakeSession &session, const QJsonObject &content)
{
    const catalogue::Catalogue &catalogue = session.catalogue();
    const QString bundleId = content.value(str("bundle")).toString();
    const QString matterCode = content.value(str("matter")).toString();
    if (!bundleId.isEmpty()) {
        const catalogue::Bundle *bundle = catalogue.bundle(bundleId);
        if (!bundle)
            return damaged(QCoreApplication::translate("ow::intake", "the catalogue in use has no bundle %1.")
                               .arg(bundleId));
        session.openBundle(*bundle);
    } else {
        const catalogue::Matter *matter = catalogue.matter(matterCode);
        if (!matter)
            return damaged(QCoreApplication::translate("ow::intake", "the catalogue in use has no matter %1.")
                               .arg(matterCode));
        session.openMatter(*matter);
    }
    InterviewSession &live = *session.m_live;
    for (const QJsonValue &value : content.value(str("parts")).toArray()) {
        const QJsonObject part = value.toObject();
        const int index = live.partIndex(part.value(str("matter")).toString());
        Result<catalogue::Answers> answers = CaseJson::answersFrom(part.value(str("answers")).toObject());
        if (index < 0 || !answers)
            continue; // a matter no longer in the bundle: its answers have nowhere to go
        // A question shows only once the answers before it are given, so an answer set too early is
        // dropped again: give them until nothing more takes.
        for (int pass = 0; pass <= answers->size(); ++pass) {
            bool changed = false;
            for (const QString &questionId : answers->questionIds()) {
                const catalogue::Answer *wanted = answers->find(questionId);
                const catalogue::Answer *given = live.answer(index, questionId);
                if (!wanted || (given && *given == *wanted))
                    continue;
                live.setAnswer(index, questionId, *wanted);
                const catalogue::Answer *now = live.answer(index, questionId);
                changed = changed || (now && *now == *wanted);
            }
            if (!changed)
                break;
        }
    }
    session.m_agent = content.value(str("agent")).toBool();
    session.takeLiveInterview();

    const QString number = content.value(str("caseNumber")).toString();
    if (!number.isEmpty() && session.m_environment.store) {
        Result<cases::Case> stored = session.m_environment.store->findByNumber(number);
        if (!stored)
            return failWith(stored.error());
        if (stored->state != cases::CaseState::Draft)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::intake", "The case %1 was decided meanwhile; its draft is no longer needed.")
                    .arg(number));
        // The stored case gives what identifies it; the draft, written later, gives the rest.
        session.m_case.id = stored->id;
        session.m_case.number = stored->number;
        session.m_case.qrToken = stored->qrToken;
        session.m_case.hall = stored->hall;
        session.m_case.counter = stored->counter;
        session.m_case.firstHandler = stored->firstHandler;
        session.m_case.created = stored->created;
        session.m_case.updated = stored->updated;
        session.m_case.state = stored->state;
    }
    session.m_case.applicant
        = cases::Applicant::fromJson(content.value(str("applicant")).toObject()).value_or(cases::Applicant());
    Result<QList<cases::MaterialCheck>> checks
        = CaseJson::materialChecksFrom(content.value(str("checks")).toArray());
    if (checks)
        session.setChecks(*checks);
    session.m_case.attachments.clear();
    for (const QJsonValue &value : content.value(str("attachments")).toArray()) {
        Result<cases::CaseAttachment> attachment = CaseJson::attachmentFrom(value.toObject());
        if (attachment)
            session.m_case.attachments.append(*attachment);
    }
    session.m_draftStep = content.value(str("step")).toString();
    const QJsonObject preApplication = content.value(str("preApplication")).toObject();
    session.m_preApplication = preApplication.value(str("code")).toString();
    session.m_preApplicationScans.clear();
    for (const QJsonValue &value : preApplication.value(str("scans")).toArray())
        session.m_preApplicationScans.append(value.toString());
    session.m_preApplicationRecorded = preApplication.value(str("recorded")).toBool();
    return {};
}

// IntakeSession's draft members live here, beside the form they write and read.

Result<bool> IntakeSession::keepDraft()
{
    if (!canStore() || !m_live || isDecided())
        return false;
    const QJsonObject content = IntakeDraft::content(*this);
    const QByteArray bytes = QJsonDocument(content).toJson(QJsonDocument::Compact);
    if (m_draftId != 0 && bytes == m_lastKept)
        return false;
    cases::Draft draft;
    draft.summary.id = m_draftId;
    draft.summary.clerk = m_environment.clerkId;
    draft.summary.caseNumber = m_case.number;
    draft.summary.title = m_interview.name();
    draft.summary.applicantMasked = m_case.applicant.maskedSummary();
    const QDateTime now = m_environment.clock.nowUtc();
    draft.summary.created = now;
    draft.summary.updated = now;
    draft.content = content;
    for (const cases::CaseAttachment &a : std::as_const(m_case.attachments))
        draft.scans.append(a.sha256);
    cases::DraftStore drafts(*m_environment.store);
    Result<qint64> id = drafts.keep(draft);
    if (!id)
        return failWith(id.error());
    m_draftId = *id;
    m_lastKept = bytes;
    return true;
}

Result<void> IntakeSession::discardDraft()
{
    if (!m_environment.store || m_draftId == 0)
        return {};
    cases::DraftStore drafts(*m_environment.store);
    Result<QStringList> removed = drafts.discard(m_draftId);
    if (!removed)
        return failWith(removed.error());
    m_draftId = 0;
    m_lastKept.clear();
    return {};
}

void IntakeSession::settleDraft()
{
    if (!m_environment.store || m_draftId == 0)
        return;
    if (cases::DraftStore(*m_environment.store).settle(m_draftId))
        m_draftId = 0;
}

Result<std::unique_ptr<IntakeSession>> IntakeSession::resume(
    IntakeEnvironment environment, catalogue::CataloguePtr catalogue, qint64 draftId)
{
    if (!environment.store)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "This workstation has no case store: no draft can be resumed."));
    cases::DraftStore drafts(*environment.store);
    Result<cases::Draft> draft = drafts.load(draftId);
    if (!draft)
        return failWith(draft.error());
    const QString number = draft->summary.caseNumber;
    if (!number.isEmpty()) {
        Result<cases::Case> stored = environment.store->findByNumber(number);
        if (stored && stored->state != cases::CaseState::Draft) {
            (void)drafts.settle(draftId); // decided meanwhile: the case holds it all
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::intake", "The case %1 was decided meanwhile; its draft is no longer needed.")
                    .arg(number));
        }
    }
    auto session = std::make_unique<IntakeSession>(std::move(environment), std::move(catalogue));
    Result<void> restored = IntakeDraft::restore(*session, draft->content);
    if (!restored)
        return failWith(restored.error());
    session->m_draftId = draftId;
    session->m_lastKept = QJsonDocument(IntakeDraft::content(*session)).toJson(QJsonDocument::Compact);
    return session;
}

} // namespace ow::intake
