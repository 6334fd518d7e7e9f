#pragma once

#include "core/Clock.h"
#include "server/ApiMessage.h"
#include "server/CaseRepository.h"
#include "server/CredentialStore.h"
#include "server/RequestParser.h"
#include "server/UploadStore.h"

#include <optional>

namespace ow::server {

/// A department's result documents through the API (docs/sync-protocol.md "Result documents"):
///
///     PUT /api/v1/department/cases/<number>/documents/<sha256>?name=<file name>   (the PDF)
///
/// and the check of an approved, denied or result-ready event's payload.document against them.
class CaseDocumentApi
{
public:
    CaseDocumentApi(const storage::Database &db, CaseRepository &cases, UploadStore &uploads, Clock clock);

    /// The upload of a case's result document by the department of the case: 201 when new, 200
    /// when the case had it already; 404, 403, 422 (invalid, hash-mismatch) otherwise.
    ApiReply upload(const ApiRequest &request, const QString &number, const QString &sha256,
        const Credential &department);
    /// The refusal of a department event whose payload names a document not uploaded for the case
    /// (or of another size); nullopt when it may go on (no document, or one the case has). An unknown
    /// case or another department's is left for the event's own answer.
    Result<std::optional<ApiReply>> refuseEventDocument(
        const QString &number, const DepartmentEventRequest &request, const Credential &department);

private:
    const storage::Database &m_db;
    CaseRepository &m_cases;
    UploadStore &m_uploads;
    Clock m_clock;
};

} // namespace ow::server
