// IntakeSession's data-shared materials: fetched documents attached, failures and paper recorded.
#include "intake/IntakeSession.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace ow::intake {

namespace {

/// Records the platform finds by a person's citizen ID number whoever applies: for an organisation
/// the contact's number is asked. The catalogue does not say which key a material is found by, so
/// the personal ones are named here.
bool isPersonalRecord(const QString &materialId)
{
    static const QStringList personal {QStringLiteral("household-register"), QStringLiteral("marriage-cert")};
    return personal.contains(materialId);
}

/// The cause of a failed fetch as the audit row names it.
QString causeKeyword(const Error &error)
{
    switch (error.code()) {
    case Error::Code::NotFound:
        return QStringLiteral("not-found");
    case Error::Code::Invalid:
        return QStringLiteral("refused");
    case Error::Code::Parse:
        return QStringLiteral("malformed");
    case Error::Code::Unsupported:
        return QStringLiteral("too-large-or-not-configured");
    case Error::Code::Io:
        return QStringLiteral("unavailable");
    case Error::Code::Internal:
        break;
    }
    return QStringLiteral("failed");
}

} // namespace

Result<sharing::SharedRequest> IntakeSession::sharedRequest(const QString &materialId) const
{
    const int index = m_checks.indexOf(materialId);
    if (index < 0)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::intake", "%1 is not on this checklist.").arg(materialId));
    const catalogue::ChecklistLine &line = m_checks.line(index);
    if (!line.dataShared)
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::intake", "%1 cannot be fetched through data sharing.")
                .arg(line.name));
    const cases::Applicant &applicant = m_case.applicant;
    sharing::SharedRequest request;
    request.materialId = materialId;
    request.materialName = line.name;
    request.caseNumber = m_case.number;
    if (isPersonalRecord(materialId) || !applicant.isOrganisation()) {
        request.key.kind = sharing::SharedKey::Kind::IdNumber;
        request.key.value = applicant.isOrganisation() ? applicant.contactIdNumber : applicant.idNumber;
    } else {
        request.key.kind = sharing::SharedKey::Kind::CreditCode;
        request.key.value = applicant.idNumber;
    }
    request.key.value = request.key.value.trimmed().toUpper();
    if (request.key.value.isEmpty())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate(
                "ow::intake", "%1 is fetched by the applicant's %2: register it first (F2).")
                .arg(line.name, sharing::SharedKey::displayName(request.key.kind)));
    return request;
}

Result<cases::CaseAttachment> IntakeSession::takeSharedDocument(
    const sharing::SharedRequest &request, const sharing::SharedDocument &document)
{
    Result<void> ready = checkReadyToStore();
    if (!ready)
        return failWith(ready.error());
    const int index = m_checks.indexOf(request.materialId);
    if (index < 0)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::intake", "%1 is no longer on this checklist.")
                .arg(request.materialName));
    Result<cases::CaseAttachment> attachment
        = attachData(request.materialId, document.fileName, document.mimeType(), document.bytes);
    if (!attachment)
        return failWith(attachment.error());
    cases::SharedFetch fetched;
    fetched.source = document.source;
    fetched.fetchedAt = document.fetchedAt.isValid() ? document.fetchedAt : m_environment.clock.nowUtc();
    fetched.reference = document.reference;
    if (Result<void> taken = m_checks.takeShared(index, fetched); !taken)
        return failWith(taken.error());
    if (Result<void> audited = audit(QStringLiteral("shared.fetched"),
            {{QStringLiteral("material"), request.materialId},
                {QStringLiteral("keyKind"), sharing::SharedKey::keyword(request.key.kind)},
                {QStringLiteral("key"), request.key.masked()},
                {QStringLiteral("outcome"), QStringLiteral("fetched")},
                {QStringLiteral("source"), document.source},
                {QStringLiteral("reference"), document.reference},
                {QStringLiteral("attachment"), attachment->sha256}});
        !audited)
        return failWith(audited.error());
    if (Result<void> settled = settleChange(); !settled)
        return failWith(settled.error());
    return *attachment;
}

Result<void> IntakeSession::recordSharedFailure(const sharing::SharedRequest &request, const Error &error)
{
    return audit(QStringLiteral("shared.failed"),
        {{QStringLiteral("material"), request.materialId},
            {QStringLiteral("keyKind"), sharing::SharedKey::keyword(request.key.kind)},
            {QStringLiteral("key"), request.key.masked()}, {QStringLiteral("outcome"), causeKeyword(error)},
            {QStringLiteral("cause"), error.message()}});
}

Result<void> IntakeSession::takeSharedOnPaper(const QString &materialId, const QString &reason)
{
    const int index = m_checks.indexOf(materialId);
    if (index < 0)
        return fail(Error::Code::NotFound,
            QCoreApplication::translate("ow::intake", "%1 is not on this checklist.").arg(materialId));
    if (Result<void> taken = m_checks.takeOnPaper(index, reason); !taken)
        return taken;
    if (canStore()) {
        if (Result<void> audited = audit(QStringLiteral("shared.paper"),
                {{QStringLiteral("material"), materialId}, {QStringLiteral("reason"), reason.trimmed()}});
            !audited)
            return audited;
    }
    return settleChange();
}

Result<void> IntakeSession::audit(const QString &action, const QJsonObject &detail) const
{
    if (!m_environment.store)
        return {};
    cases::AuditEntry entry;
    entry.clerk = m_environment.clerkId;
    entry.counter = m_environment.store->workstation().counter;
    entry.action = action;
    QJsonObject withCase = detail;
    if (isStored()) {
        entry.target = m_case.number;
    } else {
        // Not numbered yet: the draft and the matter say which intake it was.
        entry.target = m_draftId > 0 ? QStringLiteral("draft:%1").arg(m_draftId) : QStringLiteral("draft");
        withCase.insert(QStringLiteral("matter"), m_case.matterCode);
    }
    entry.detail = QString::fromUtf8(QJsonDocument(withCase).toJson(QJsonDocument::Compact));
    Result<cases::AuditEntry> recorded = m_environment.store->auditLog().record(entry);
    if (!recorded)
        return failWith(recorded.error());
    return {};
}

Result<void> IntakeSession::settleChange()
{
    if (isStored()) {
        if (Result<void> saved = save(); !saved)
            return saved;
    } else if (canStore()) {
        if (Result<bool> kept = keepDraft(); !kept)
            return failWith(kept.error());
    }
    announceChange();
    return {};
}

} // namespace ow::intake
