#pragma once

#include "cases/ClerkActivityLog.h"
#include "sync/SyncClient.h"

namespace ow::sync {

/// The clerk activities' part of a sync round (docs/sync-protocol.md): the activity outbox of the
/// case store sent in batches to POST /activities, each row marked sent once the server stored it
/// or had it, or set aside with the server's reason when refused for good (an activity it does not
/// take, an id another hall holds), so one bad row never holds back the others.
class ActivitySync
{
public:
    struct Report
    {
        int sent = 0; ///< stored or already held by the server
        int refused = 0; ///< set aside with the server's reason
    };

    ActivitySync(const cases::CaseStore &store, SyncClient &client);

    Result<Report> send();

private:
    cases::ClerkActivityLog m_log;
    SyncClient &m_client;
};

} // namespace ow::sync
