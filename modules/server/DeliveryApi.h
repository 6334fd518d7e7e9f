#pragma once

#include "server/ApiMessage.h"
#include "server/CredentialStore.h"

namespace ow::server {

/// /api/v1/supervision/dead-letters (docs/sync-protocol.md, "Pushing to department systems"): the
/// pushes of the supervisor's hall that a department's system never took, and their re-sending.
class DeliveryApi
{
public:
    DeliveryApi(const storage::Database &db, Clock clock);

    static bool handles(const QStringList &parts)
    {
        return !parts.isEmpty() && parts.first() == QStringLiteral("dead-letters");
    }
    /// `parts` is the path after /api/v1/supervision: GET dead-letters, POST dead-letters/<id>/resend.
    ApiReply handle(const ApiRequest &request, const QStringList &parts, const Credential &supervisor);

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
