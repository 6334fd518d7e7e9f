#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"
#include "server/UploadStore.h"

#include <memory>
#include <variant>

namespace ow::server {

/// The scan upload endpoints of the API: GET …/upload (how far this workstation got) and PUT
/// …/upload?offset=N&total=T, whose body is streamed into the partial file (UploadStore) by the
/// front end, or written at once when a test or the fuzzer hands over the whole body.
class UploadApi
{
public:
    explicit UploadApi(UploadStore &uploads)
        : m_uploads(uploads)
    {
    }

    ApiReply progress(const QString &sha256, const Credential &workstation);
    /// Decides on a chunk from its request line alone; the sink its body goes to, or the answer.
    std::variant<std::unique_ptr<BodySink>, ApiReply> open(
        const ApiRequest &head, const QString &sha256, const Credential &workstation, qint64 declaredLength);
    /// A chunk whose body is in `request.body`.
    ApiReply upload(const ApiRequest &request, const QString &sha256, const Credential &workstation);

    /// The answer to an upload that ended with `outcome`.
    static ApiReply replyFor(const UploadStore::Outcome &outcome);
    static ApiReply internalError(const Error &error);

private:
    UploadStore &m_uploads;
};

} // namespace ow::server
