#pragma once

#include "cases/CaseEvent.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QList>
#include <QStringList>
#include <optional>

namespace ow::cases {

/// A result document (the licence or 批文 as a PDF) that a department attached to its decision, as
/// this workstation holds it: named by the event that brought it, fetched from the server by its
/// SHA-256 into the attachment store beside the scans.
struct ResultDocument
{
    enum class State
    {
        Waiting, ///< not fetched yet; `message` says why the last attempt did not get it
        Fetched, ///< in the attachment store, its size, hash and PDF header checked
        Failed, ///< the server's bytes were refused (size, hash, not a PDF); tried again next round
    };

    QString caseNumber;
    QString sha256;
    QString eventId; ///< the department's event that named it
    QString name; ///< the file name the department gave, e.g. "卫生许可证.pdf"
    qint64 size = 0; ///< bytes, as the event announced them
    QString department; ///< the department's id, as the server added it to the event
    QDateTime received; ///< the event's time (UTC)
    State state = State::Waiting;
    QString message;
    int attempts = 0;
    QDateTime fetched; ///< when it was stored here (UTC); null until then

    bool isAvailable() const { return state == State::Fetched; }
};

/// How many documents are in each state, for `onewindow-cli sync status` and the status bar.
struct ResultDocumentCounts
{
    qint64 waiting = 0;
    qint64 failed = 0;
    qint64 fetched = 0;
};

/// The result documents of the store's cases (`result_documents`, case store migration 11;
/// docs/sync-protocol.md "The workstation's side"). An event from the server whose payload carries
/// `"document": {"name", "sha256", "size"}` queues its document, in the transaction that records
/// the event; the sync round fetches what waits (sync::ResultDocumentFetch). Single statements; no
/// transaction of its own.
class ResultDocuments
{
public:
    explicit ResultDocuments(const storage::Database &db)
        : m_db(db)
    {
    }

    /// The largest document taken (the server's limit for any attachment).
    static constexpr qint64 kMaxSize = 64 * 1024 * 1024;

    static QString keyword(ResultDocument::State state);
    static std::optional<ResultDocument::State> stateFromKeyword(QStringView keyword);

    /// The document an event's payload names; nothing when it names none or its hash is not a
    /// SHA-256. A size out of range comes back Failed, with the reason.
    static std::optional<ResultDocument> fromEvent(const CaseEvent &event);
    /// Queues the document `event` names, unless its case has it already (a department may name
    /// the same file in its approval and its result-ready); false when nothing was queued.
    Result<bool> queue(const CaseEvent &event) const;

    /// A case's documents, oldest first.
    Result<QList<ResultDocument>> forCase(const QString &caseNumber) const;
    /// The hashes of a case's fetched documents, for the hand-over's and mailing's payload.
    Result<QStringList> fetchedHashes(const QString &caseNumber) const;
    /// What the next round fetches: waiting and failed documents, those tried least first.
    Result<QList<ResultDocument>> toFetch(int limit) const;
    Result<ResultDocumentCounts> counts() const;

    Result<void> markFetched(const ResultDocument &document, const QDateTime &now) const;
    /// An attempt that did not reach the content (the server does not hold the file yet, or could
    /// not be reached): still waiting, with the reason.
    Result<void> markWaiting(const ResultDocument &document, const QString &reason) const;
    /// The content was refused: kept as failed with the reason, tried again next round.
    Result<void> markFailed(const ResultDocument &document, const QString &reason) const;

private:
    Result<void> update(const ResultDocument &document, ResultDocument::State state, const QString &message,
        const QDateTime &fetched) const;
    Result<QList<ResultDocument>> select(const QString &where, const QVariantList &values) const;

    const storage::Database &m_db;
};

} // namespace ow::cases
