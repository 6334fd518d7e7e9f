#pragma once

#include "core/Result.h"
#include "sharing/SharedDocument.h"
#include "sharing/SharedKey.h"

#include <functional>

namespace ow::sharing {

/// One question to the platform: a material of a case, found by the applicant's key.
struct SharedRequest
{
    QString materialId; ///< the catalogue's material id, e.g. business-licence
    QString materialName; ///< its standard name, for messages
    SharedKey key;
    QString caseNumber; ///< empty while the case is not numbered yet
};

/// The data-sharing platform (公共数据共享平台) the hall fetches data-shared materials from. A fetch
/// never blocks: `done` is called later on the caller's thread with the document or the failure
/// naming its cause (not found, refused credentials, timeout, malformed answer, too large,
/// unavailable).
class DataSharingPlatform
{
public:
    using Done = std::function<void(Result<SharedDocument>)>;

    virtual ~DataSharingPlatform() = default;

    /// Whether an endpoint is set: without one, fetching is refused at once and the paper path stays.
    virtual bool isConfigured() const = 0;
    virtual void fetch(const SharedRequest &request, Done done) = 0;
};

} // namespace ow::sharing
