#pragma once

#include "cases/CaseStore.h"
#include "cases/ResultDocuments.h"
#include "sync/SyncClient.h"

namespace ow::sync {

/// The result documents of the workstation's cases brought from the server, after a round pulled
/// the events that name them (docs/sync-protocol.md "The workstation's side"): each waiting or
/// failed document is read with `GET /attachments/<sha256>`, checked against what its event
/// announced (size, SHA-256, a PDF) and stored in the attachment store beside the scans, through a
/// temporary file and a rename. A document the server does not hold yet stays waiting; content that
/// does not match is refused and kept as failed with the reason; both are tried again next round.
class ResultDocumentFetch
{
public:
    struct Report
    {
        int fetched = 0;
        int waiting = 0; ///< still waiting after this run
        int failed = 0; ///< refused in this run
    };

    /// Documents read per run at most; the rest wait for the next round.
    static constexpr int kBatch = 50;

    ResultDocumentFetch(cases::CaseStore &store, SyncClient &client)
        : m_store(store)
        , m_client(client)
    {
    }

    /// Stops at a failure of the connection (the server went away mid-way: the round fails and the
    /// worker backs off); what was fetched until then stays fetched.
    Result<Report> run();

    /// Whether `bytes` are the document its event announced; the reason otherwise.
    static Result<void> check(const cases::ResultDocument &document, const QByteArray &bytes);

private:
    Result<void> fetch(const cases::ResultDocument &document, Report &report);

    cases::CaseStore &m_store;
    SyncClient &m_client;
};

} // namespace ow::sync
