#pragma once

#include "core/Clock.h"
#include "storage/Database.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ow::cases {

/// One audit row: who did what to which record, from which counter, and when.
struct AuditEntry
{
    qint64 seq = 0; ///< 1, 2, 3… without gaps
    QDateTime time; ///< UTC
    QString clerk;
    QString counter;
    QString action; ///< stable keyword, e.g. "case.accepted", "applicant.viewed"
    QString target; ///< what it was done to, e.g. a case number
    QString detail; ///< never personal data in clear
    QString prevHash; ///< hex SHA-256 of the previous row (64 zeros for the first)
    QString hash; ///< hex SHA-256 of prevHash + this row's canonical content
};

/// The tamper-evident audit trail of every action on personal data and every decision, in the
/// case database. Rows are hash-chained: each stores SHA-256(previous hash ‖ its canonical content),
/// and `audit_head` keeps the newest row, so editing, inserting or deleting a row (also the last
/// one) is detected by verify(). Anchoring the head outside the machine (sync) is what makes the
/// chain hold against someone who rewrites it whole.
class AuditLog
{
public:
    /// The result of checking the chain; `brokenSeq` is the first row that does not verify.
    struct Verification
    {
        bool intact = true;
        qint64 rowsChecked = 0;
        qint64 brokenSeq = 0;
        QString reason; ///< translated, empty when intact
    };

    explicit AuditLog(const storage::Database &db, Clock clock = {});
    void setClock(Clock clock) { m_clock = std::move(clock); }

    /// Appends a row in a transaction of its own. `time`, `seq` and the hashes are filled in.
    Result<AuditEntry> record(const AuditEntry &entry) const;
    /// Appends a row inside the caller's open transaction (so a case write and its audit row commit
    /// together).
    Result<AuditEntry> recordInTransaction(const AuditEntry &entry) const;

    Result<Verification> verify() const;
    /// Rows from `fromSeq` on, oldest first, at most `limit`.
    Result<QList<AuditEntry>> entries(qint64 fromSeq = 1, int limit = 1000) const;

    /// Length-prefixed UTF-8 fields (seq, time, clerk, counter, action, target, detail): unambiguous
    /// and independent of any JSON writer. Documented so other tools can verify a chain.
    static QByteArray canonicalContent(const AuditEntry &entry);
    static QString chainHash(const QString &prevHash, const AuditEntry &entry);
    /// Each field as its UTF-8 length, ':' and its UTF-8 bytes, in order: the canonical form of
    /// this log's rows and of the server's departments' log.
    static QByteArray canonicalFields(const QStringList &fields);
    /// Hex SHA-256 of `prevHash` (as Latin-1 hex) followed by `content`.
    static QString chainHash(const QString &prevHash, const QByteArray &content);
    static QString genesisHash() { return QString(64, QLatin1Char('0')); }

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::cases
