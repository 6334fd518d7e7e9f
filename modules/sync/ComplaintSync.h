#pragma once

#include "cases/ComplaintLog.h"
#include "sync/SyncClient.h"

namespace ow::sync {

/// The complaints' part of a sync round (docs/sync-protocol.md, "Complaints"): the complaint outbox
/// of the case store sent in batches of at most 50 to POST /complaints; each row the server stored
/// or had already is marked sent with the number the server gave it (TS…), each row it rejected is
/// set aside with the server's message (counted by `onewindow-cli sync status`), so one bad row never
/// holds back the others and nothing typed is lost.
class ComplaintSync
{
public:
    static constexpr int kBatch = 50; ///< the most the server takes in one request

    struct Report
    {
        int sent = 0; ///< stored or already held by the server
        int refused = 0; ///< rejected, set aside with the message
    };

    ComplaintSync(const cases::CaseStore &store, SyncClient &client);

    Result<Report> send();

private:
    cases::ComplaintLog m_log;
    SyncClient &m_client;
};

} // namespace ow::sync
