#pragma once

#include "cases/CaseStore.h"
#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QList>
#include <QString>

namespace ow::sync {

/// Tells the hall's server which case took which online pre-application, from the notes the
/// counter's intake wrote on its cases (intake::PreApplicationNote: {"preapplication": code, …}).
///
/// The note is written with the case, in the store's transaction, so nothing is lost when the server
/// is away: every sync round sends the marks of the notes after the last one sent, oldest first,
/// and keeps its place in the store's sync state. A server out of reach stops the marks there, to go
/// on at the next round; a refusal (the pre-application taken by another case, or unknown) is final
/// for that note and skipped, its reason kept for `sync status`.
class PreApplicationMarks
{
public:
    /// The sync-state key holding the event sequence of the last note sent.
    static constexpr QLatin1StringView kCursor {"preApplicationMarked"};
    /// The sync-state key holding the last refusal, as "code case: message".
    static constexpr QLatin1StringView kLastRefusal {"preApplicationRefused"};

    struct Mark
    {
        qint64 sequence = 0;
        QString code;
        QString caseNumber;
        QString clerk;
    };

    struct Report
    {
        int marked = 0;
        int refused = 0;
    };

    PreApplicationMarks(cases::CaseStore &store, SyncClient &client)
        : m_store(store)
        , m_client(client)
    {
    }

    /// The marks not sent yet, oldest first, at most `limit`: notes this counter wrote.
    static Result<QList<Mark>> pending(const cases::CaseStore &store, int limit = 50);
    /// Sends what is pending. Fails (with what was sent kept) when the server cannot be reached.
    Result<Report> send();

private:
    cases::CaseStore &m_store;
    SyncClient &m_client;
};

} // namespace ow::sync
