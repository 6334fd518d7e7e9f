#pragma once

#include "cases/AuditLog.h"
#include "core/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace ow::cases {

/// What a supervisor asks of the audit log: a period of the hall's days (either end may be open), a
/// clerk (login; empty for all), a kind of action and part of a case number.
struct AuditFilter
{
    enum class Kind
    {
        All,
        PersonalData, ///< applicant, attachment and document views and prints
        Cases, ///< case events: acceptances, corrections, refusals, imports
        Accounts, ///< logins, account changes
        AuditLog, ///< the log's own viewings and exports
    };

    QDate from; ///< first day, at the workstation; null: from the start
    QDate to; ///< last day, included; null: up to now
    QString clerk;
    Kind kind = Kind::All;
    QString caseNumber; ///< any part of the target
};

/// The supervisor's reading of the hash-chained audit log: the rows a filter selects, how each row
/// stands against the chain's verification, the CSV of a period, and the audit rows that record
/// that the log itself was viewed or exported (a look at who looked is a look too).
class AuditReview
{
    Q_DECLARE_TR_FUNCTIONS(AuditReview)

public:
    /// How far the chain vouches for a row: rows before the first broken one verify; the broken
    /// one is where it was tampered with; rows after it link to a broken chain and prove nothing.
    enum class Mark
    {
        Verified,
        Broken,
        Unverified,
    };

    /// `log` writes the viewing rows; `db` is the database it lives in.
    AuditReview(const AuditLog &log, const storage::Database &db);

    /// Checks the whole chain; marks follow the result until the next verify().
    Result<AuditLog::Verification> verify();
    const AuditLog::Verification &verification() const { return m_verification; }
    Mark markOf(qint64 seq) const;

    /// The rows the filter selects, newest first, at most `limit` (0: all); with `beforeSeq`, only
    /// the rows older than that row (the next page after a page ending at it).
    Result<QList<AuditEntry>> find(const AuditFilter &filter, int limit = 0, qint64 beforeSeq = 0) const;
    /// How many rows the filter selects.
    Result<qint64> count(const AuditFilter &filter) const;
    /// Every clerk who appears in the log (logins), for the clerk filter.
    Result<QStringList> clerks() const;

    /// The kind an action keyword belongs to (never All).
    static AuditFilter::Kind kindOf(const QString &action);
    static QString kindName(AuditFilter::Kind kind);
    static QString markName(Mark mark);

    /// The rows as CSV for a spreadsheet (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting),
    /// oldest first, clerks by name, each with its chain mark. A cell that a spreadsheet would read
    /// as a formula starts with an apostrophe.
    QByteArray csv(
        const QList<AuditEntry> &newestFirst, const std::function<QString(const QString &)> &nameOf) const;

    /// Records "audit.viewed" by `clerk` at `counter`, naming the filter and the chain's state.
    Result<void> recordViewed(const QString &clerk, const QString &counter, const AuditFilter &filter) const;
    /// Records "audit.exported": the filter, how many rows went out and the chain's state.
    Result<void> recordExported(
        const QString &clerk, const QString &counter, const AuditFilter &filter, qsizetype rows) const;

private:
    Result<void> recordAction(const QString &action, const QString &clerk, const QString &counter,
        const AuditFilter &filter, qsizetype rows) const;

    const AuditLog &m_log;
    const storage::Database &m_db;
    AuditLog::Verification m_verification;
};

} // namespace ow::cases
