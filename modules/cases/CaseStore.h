#pragma once

#include "cases/AttachmentStore.h"
#include "cases/AuditLog.h"
#include "cases/Case.h"
#include "cases/CaseEvent.h"
#include "cases/SyncTables.h"
#include "core/Clock.h"
#include "storage/Database.h"

#include <QDate>
#include <QList>
#include <memory>
#include <optional>

namespace ow::cases {

/// Where a store runs: the hall and the counter its new cases are numbered for.
struct Workstation
{
    QString hall; ///< hall code, see CaseNumber::checkHallCode
    QString counter; ///< counter id as clerks and receipts name it, e.g. "W07"
    int counterNumber = 0; ///< 0–99: the first two digits of the daily sequence
};

/// What `list` should return: all filters optional, newest first.
struct CaseFilter
{
    std::optional<CaseState> state;
    QDate from; ///< created on or after this local date
    QDate to; ///< created on or before this local date
    QString text; ///< part of the number, the matter code or name, or the masked applicant
    QString firstHandler; ///< only the cases this clerk (login) accepted; empty: every clerk's
    /// Deadline watch: when either is valid, only cases whose decision clock runs (accepted up to
    /// the department's decision, not paused for a supplement) with the promised deadline on or
    /// after dueFrom and on or before dueTo.
    QDate dueFrom;
    QDate dueTo;
    int offset = 0;
    int limit = 50; ///< 1–1000
};

/// A line of a case list: no personal data in clear.
struct CaseSummary
{
    qint64 id = 0;
    QString number;
    QString matterCode;
    QString matterName;
    CaseState state = CaseState::Draft;
    QString applicantMasked;
    QString counter;
    QString firstHandler;
    QDateTime created;
    QDate promisedDeadline;
};

struct CasePage
{
    QList<CaseSummary> items;
    qint64 total = 0; ///< matching cases, all pages
};

/// The local case repository: cases, their event logs, the sync outbox, attachments and the
/// audit trail, in one SQLite database (WAL, synchronous=FULL) under a data folder.
///
/// Every write is one transaction holding the case row, its event, the outbox row that will carry
/// the event to the server, and the audit row: after a crash a case is wholly there or absent.
/// The case's state column is a cache of the state derived from its events, rewritten in the
/// same transaction as each event.
class CaseStore
{
public:
    enum class OpenMode
    {
        CreateIfMissing,
        MustExist ///< a missing database is an error (NotFound), e.g. for the command line
    };

    /// Opens (creating if needed, unless MustExist) the database in `dataDirectory` and migrates it.
    static Result<std::unique_ptr<CaseStore>> open(const QString &dataDirectory,
        const Workstation &workstation = {}, OpenMode mode = OpenMode::CreateIfMissing);

    /// The workstation's (application "onewindow") QStandardPaths::AppDataLocation, whichever
    /// program asks; `--data-dir` overrides it. Call from the main thread.
    static QString defaultDataDirectory();
    static QString databasePath(const QString &dataDirectory);
    static QString attachmentsPath(const QString &dataDirectory);

    const storage::Database &database() const { return *m_db; }
    const AuditLog &auditLog() const { return m_audit; }
    const AttachmentStore &attachments() const { return m_attachments; }
    const Workstation &workstation() const { return m_workstation; }
    /// Replaces the time source (tests); the audit log follows it.
    void setClock(Clock clock);

    /// Numbers and stores a new draft with its Created event. Hall, counter, first handler (the
    /// clerk), number, QR token, state and times are set by the store.
    Result<Case> createDraft(Case draft, const QString &clerk);
    /// Saves the case data with the event that explains the change (kind Updated, or a transition
    /// such as Accepted together with the final material checks). The event is validated against
    /// the state derived from the log. Returns the event as stored.
    Result<CaseEvent> save(const Case &c, CaseEvent event);
    /// Records an event alone (a department's decision, a pickup). Validated like save(). An event
    /// that comes with an id (e.g. from the server) keeps it, so recording it twice fails.
    Result<CaseEvent> appendEvent(const QString &caseNumber, CaseEvent event);
    /// Records several events (each naming its case in `caseNumber`) in one transaction: all of
    /// them, or none when one is refused (e.g. the confirmation of a transfer list).
    Result<QList<CaseEvent>> appendEvents(const QList<CaseEvent> &events);

    Result<Case> findByNumber(const QString &caseNumber) const;
    Result<Case> findByToken(const QString &qrToken) const;
    Result<QList<CaseEvent>> events(const QString &caseNumber) const;
    Result<CasePage> list(const CaseFilter &filter) const;
    /// SQLite's plan for the statements list() runs (EXPLAIN QUERY PLAN lines), for diagnostics and
    /// for the test that keeps listing on indexes.
    Result<QStringList> explainList(const CaseFilter &filter) const;

    // Sync (modules/sync, docs/sync-protocol.md): the outbox, the worker's state and what comes
    // from the server.

    /// The oldest undelivered outbox rows after `afterId`, at most `limit`; rows marked failed are
    /// not among them.
    Result<QList<OutboxEntry>> pendingOutbox(int limit, qint64 afterId = 0) const;
    /// The server stored these rows (or had them): they are never sent again.
    Result<void> markOutboxSent(const QList<qint64> &ids);
    /// The server rejected the row for good: it stays, with the message, for IT; it is not resent.
    Result<void> markOutboxFailed(qint64 id, const QString &message);
    Result<OutboxCounts> outboxCount() const;

    /// A key of the sync state (token, server, cursor…); empty when never set.
    Result<QString> syncValue(const QString &key) const;
    /// Sets several keys in one transaction (an enrolment is wholly stored or not at all).
    Result<void> setSyncValues(const QList<QPair<QString, QString>> &values);
    Result<bool> isAttachmentUploaded(const QString &sha256) const;
    /// The server holds these scans complete; recorded in one transaction.
    Result<void> markAttachmentsUploaded(const QStringList &sha256s);
    /// Bytes of scans the server does not hold yet.
    Result<qint64> pendingUploadBytes() const;

    Result<bool> hasCase(const QString &caseNumber) const;
    /// Records events that come from the server, without outbox rows (they must not be sent back),
    /// keeping their ids and skipping those already here, and stores `cursor` under `cursorKey` in
    /// the same transaction. A late event is kept but never moves a case backwards. Returns how many
    /// events were new; NotFound (nothing stored) when one belongs to a case not in the store.
    Result<int> recordRemoteEvents(
        const QList<CaseEvent> &events, const QString &cursorKey = {}, const QString &cursor = {});
    /// Stores a case accepted at another counter (snapshot and log from the server), for pickup.
    Result<void> importCase(const Case &snapshot, const QList<CaseEvent> &events);

private:
    CaseStore(std::unique_ptr<storage::Database> db, QString dataDirectory, Workstation workstation);

    /// Fills what the store decides: id (unless given), case number, time (unless given), counter.
    void completeEvent(CaseEvent &event, const QString &caseNumber) const;
    /// The state after `kind`, from the state derived from the stored log; the refusal otherwise.
    /// appendEvent() inside the caller's transaction.
    Result<CaseEvent> appendInTransaction(const QString &caseNumber, CaseEvent event);
    Result<CaseState> nextState(qint64 caseId, const QString &caseNumber, EventKind kind) const;
    /// Writes one checked event with its outbox and audit rows (and the state, when there is no
    /// snapshot of the whole case); the caller holds the transaction.
    Result<CaseEvent> writeEvent(qint64 caseId, const CaseEvent &event, CaseState next, const Case *snapshot);
    Result<void> checkAttachments(const QList<CaseAttachment> &attachments) const;

    std::unique_ptr<storage::Database> m_db;
    Workstation m_workstation;
    Clock m_clock;
    AuditLog m_audit;
    AttachmentStore m_attachments;
};

} // namespace ow::cases
