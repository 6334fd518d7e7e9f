#include "server/CaseDocumentApi.h"

#include "cases/CaseJson.h"
#include "core/Sha256.h"
#include "server/Api.h"
#include "server/CaseDocuments.h"
#include "server/DepartmentLogChain.h"
#include "storage/Transaction.h"
#include "sync/SyncProtocol.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace ow::server {

using namespace Qt::StringLiterals;
namespace code = ow::sync::protocol::error;

namespace {

QJsonObject describe(const CaseDocuments::Document &document)
{
    return {{u"sha256"_s, document.sha256}, {u"size"_s, double(document.size)}, {u"name"_s, document.name}};
}

} // namespace

CaseDocumentApi::CaseDocumentApi(
    const storage::Database &db, CaseRepository &cases, UploadStore &uploads, Clock clock)
    : m_db(db)
    , m_cases(cases)
    , m_uploads(uploads)
    , m_clock(std::move(clock))
{
}

ApiReply CaseDocumentApi::upload(
    const ApiRequest &request, const QString &number, const QString &sha256, const Credential &department)
{
    Result<std::optional<std::pair<QString, QString>>> owner = m_cases.owner(number);
    if (!owner)
        return Api::internalError(owner.error());
    if (!*owner)
        return ApiReply::error(
            404, code::kNotFound, QCoreApplication::translate("ow::server", "There is nothing here."));
    if ((*owner)->second != department.department)
        return ApiReply::error(403, code::kOtherDepartment,
            QCoreApplication::translate("ow::server", "The case belongs to another department."));
    const QString name = request.query.queryItemValue(u"name"_s, QUrl::FullyDecoded).trimmed();
    if (!CaseDocuments::isAcceptableName(name))
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate("ow::server",
                "The document needs its file name (?name=…, at most %1 characters, without a folder).")
                .arg(CaseDocuments::kMaxNameLength));
    if (!request.body.startsWith("%PDF-"))
        return ApiReply::error(422, code::kInvalid,
            QCoreApplication::translate("ow::server", "A result document must be a PDF file."));
    if (Sha256::hex(request.body) != sha256)
        return ApiReply::error(422, code::kHashMismatch,
            QCoreApplication::translate("ow::server",
                "The file received does not have the SHA-256 it was sent under; it was dropped."));
    // The bytes go with the scans, held by the case's hall: its workstations fetch the document as
    // they fetch a scan (GET /attachments/<sha256>).
    if (Result<void> stored = m_uploads.storeWhole(sha256, request.body, (*owner)->first); !stored)
        return Api::internalError(stored.error());
    CaseDocuments documents(m_db, m_clock);
    storage::Transaction transaction(m_db);
    if (Result<void> begun = transaction.begin(); !begun)
        return Api::internalError(begun.error());
    Result<bool> recorded = documents.record(
        {number, sha256, name, request.body.size(), department.department, m_clock.nowUtc()});
    if (!recorded)
        return Api::internalError(recorded.error());
    // In the departments' log with the upload itself, once: what was handed back and under which name.
    if (*recorded) {
        DepartmentAction action;
        action.time = cases::CaseJson::timeText(m_clock.nowUtc());
        action.hall = (*owner)->first;
        action.department = department.department;
        action.keyId = department.id;
        action.action = DepartmentAction::kResultDocument;
        action.kind = u"uploaded"_s;
        action.subject = number;
        action.detail = name;
        action.ref = sha256;
        if (Result<DepartmentAction> logged = DepartmentLogChain(m_db).append(action); !logged)
            return Api::internalError(logged.error());
    }
    if (Result<void> done = transaction.commit(); !done)
        return Api::internalError(done.error());
    Result<std::optional<CaseDocuments::Document>> kept = documents.find(number, sha256);
    if (!kept || !*kept)
        return Api::internalError(kept ? Error(Error::Code::Io, u"case_documents"_s) : kept.error());
    return ApiReply::json(*recorded ? 201 : 200, describe(**kept));
}

Result<std::optional<ApiReply>> CaseDocumentApi::refuseEventDocument(
    const QString &number, const DepartmentEventRequest &request, const Credential &department)
{
    const QJsonObject named = request.payload.value(u"document"_s).toObject();
    if (named.isEmpty())
        return std::optional<ApiReply>();
    Result<std::optional<std::pair<QString, QString>>> owner = m_cases.owner(number);
    if (!owner)
        return failWith(owner.error());
    if (!*owner || (*owner)->second != department.department)
        return std::optional<ApiReply>();
    const QString sha256 = named.value(u"sha256"_s).toString();
    Result<std::optional<CaseDocuments::Document>> kept = CaseDocuments(m_db, m_clock).find(number, sha256);
    if (!kept)
        return failWith(kept.error());
    if (*kept && (*kept)->size == named.value(u"size"_s).toInteger())
        return std::optional<ApiReply>();
    return std::optional(ApiReply::error(422, code::kInvalid,
        QCoreApplication::translate("ow::server",
            "payload.document: %1 was not uploaded for case %2 (or has another size); upload the "
            "document first (PUT …/documents/<sha256>).")
            .arg(sha256, number)));
}

} // namespace ow::server
