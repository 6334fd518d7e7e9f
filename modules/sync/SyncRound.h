#pragma once

#include "accounts/AccountStore.h"
#include "cases/CaseStore.h"
#include "sync/SyncClient.h"

#include <QHash>
#include <QSet>

namespace ow::sync {

/// What one round did, for the worker's status and `onewindow-cli sync run --once`.
struct RoundReport
{
    int eventsSent = 0; ///< stored or duplicate at the server
    int eventsRejected = 0;
    int attachmentsUploaded = 0;
    qint64 bytesUploaded = 0;
    int eventsReceived = 0; ///< new events recorded from the server
    int casesImported = 0;
    int scansSetAside = 0; ///< scans found unreadable in this round
    int eventsHeld = 0; ///< rows waiting for a scan set aside (their case's later rows too)
    int accountsChanged = 0; ///< accounts of the hall's cache the round changed (AccountSync)
    int passwordsSent = 0; ///< clerks' own new passwords the server took
    int passwordsRefused = 0; ///< changes the server refused for good, dropped (AccountSync)
    int activitiesSent = 0; ///< clerk activities the server stored or had (ActivitySync)
    int activitiesRefused = 0; ///< clerk activities the server refused for good, set aside
    int complaintsSent = 0; ///< complaints the server stored or had (ComplaintSync)
    int complaintsRefused = 0; ///< complaints the server rejected, set aside with its message
    int preApplicationsMarked = 0; ///< pre-applications marked taken by their case (PreApplicationMarks)
    int preApplicationsRefused = 0; ///< marks the server refused for good (taken by another case)
    int documentsFetched = 0; ///< result documents stored (ResultDocumentFetch)
    int documentsRefused = 0; ///< result documents whose content was refused in this round
    int documentsWaiting = 0; ///< result documents still waiting or failed after the round
};

/// One push-and-pull round of the sync protocol (docs/sync-protocol.md) between a store and the
/// server: first the hall's accounts (AccountSync: clerks' own new passwords up, the hall's list
/// down into the account store of the same database), then uploads the scans the outbox cites, sends the
/// outbox in batches and marks what the server took, tells the server which cases took online
/// pre-applications (PreApplicationMarks), then pulls the hall's changes by cursor, importing cases
/// it does not hold, and fetches the result documents their events name (ResultDocumentFetch). Stops at the
/// first failure; everything done until then stays done, so the next round goes on from there (uploads resume
/// at the server's offset, rows are marked per batch).
class SyncRound
{
public:
    SyncRound(cases::CaseStore &store, SyncClient &client)
        : m_store(store)
        , m_client(client)
    {
    }

    /// The account store the round brings up to the hall's accounts; without one the round opens
    /// the store's database for the round.
    void setAccountStore(accounts::AccountStore *accounts) { m_accounts = accounts; }
    /// Bytes per PUT (at most protocol::kMaxChunk).
    void setChunkSize(qint64 bytes);

    Result<RoundReport> run();
    Result<void> push(RoundReport &report);
    Result<void> pull(RoundReport &report);
    /// The accounts' part of the round.
    Result<void> syncAccounts(RoundReport &report);
    /// Accounts the round changed, also when a later step failed (the report is then not returned).
    int accountsChanged() const { return m_accountsChanged; }
    /// Sends one attachment from wherever the server stands.
    Result<void> upload(const QString &sha256, RoundReport &report);

private:
    /// Uploads the scans cited by the snapshots in `entries` that the server does not hold. An entry
    /// whose scan is missing locally is marked failed and left out of `*sendable`.
    ///
    /// A scan that cannot be read (a read error, or content that no longer matches its hash) is set
    /// aside with its reason (cases::ScanFailures): the rows of its case wait, in `*held`, and the
    /// rest of the outbox flows. A scan the clerk discarded is left out of the rows that cite it.
    Result<void> uploadCited(const QList<cases::OutboxEntry> &entries, QList<cases::OutboxEntry> *sendable,
        QSet<QString> *held, RoundReport &report);
    Result<void> send(const QString &sha256, const QByteArray &bytes, RoundReport &report);
    /// Keeps the server's clock offset the client measured in this round, for `sync status` and
    /// the status bar.
    Result<void> recordClockOffset();
    /// Records the scans finished since the last call, in one transaction.
    Result<void> recordUploads();
    Result<void> importUnknownCases(
        const QList<cases::CaseEvent> &events, QSet<QString> *unavailable, RoundReport &report);

    cases::CaseStore &m_store;
    SyncClient &m_client;
    accounts::AccountStore *m_accounts = nullptr;
    int m_accountsChanged = 0;
    qint64 m_chunkSize = 1024 * 1024;
    /// Scans the server confirmed complete in this round; written to the store per batch, since one
    /// transaction per scan would cost a disk flush each (a lost mark only costs a question later).
    QSet<QString> m_uploaded;
    QStringList m_unrecorded;
    /// Scans set aside (false) or discarded (true), read at the start of each push.
    QHash<QString, bool> m_setAside;
};

} // namespace ow::sync
