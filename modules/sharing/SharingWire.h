#pragma once

#include "core/Result.h"
#include "sharing/DataSharingPlatform.h"

#include <QByteArray>
#include <QString>

namespace ow::sharing {

/// The wire between the workstation and the data-sharing platform (docs/data-sharing.md), in one
/// place for the HTTP adapter and the simulator: the path, the headers, the request's and the
/// answer's JSON. Requests are signed like the server's pushes (sync::PushSignature): HMAC-SHA256 with
/// the app's secret over the timestamp, a full stop and the body.
class SharingWire
{
public:
    static constexpr char kPath[] = "/v1/shared-materials/fetch";
    static constexpr char kAppHeader[] = "X-OneWindow-App";
    static constexpr char kRequestHeader[] = "X-OneWindow-Request";

    /// {"material", "materialName", "keyKind", "key", "case"}.
    static QByteArray requestBody(const SharedRequest &request);
    /// The simulator's reading of a request body; a missing field or an unknown key kind is refused.
    static Result<SharedRequest> requestFrom(const QByteArray &body);

    /// {"reference", "source", "fileName", "content": base64 of the document's bytes}.
    static QByteArray answerBody(
        const QString &reference, const QString &source, const QString &fileName, const QByteArray &bytes);
    /// {"error": keyword, "message": text}: how every refusal is answered.
    static QByteArray errorBody(const QString &keyword, const QString &message);
    /// The workstation's reading of a 200 answer: JSON with a source, a reference and content that is
    /// base64 of a PDF, JPEG or PNG; anything else is a malformed answer, named. `fetchedAt` is not
    /// set here.
    static Result<SharedDocument> documentFrom(const QByteArray &body);
};

} // namespace ow::sharing
