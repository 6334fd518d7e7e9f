#pragma once

#include "core/Clock.h"
#include "server/CredentialStore.h"
#include "server/PreApplication.h"
#include "storage/Database.h"

#include <QByteArray>

namespace ow::server {

/// Online pre-applications and their scans in the server's database; the scans' bytes in a folder
/// of the data directory, one file per scan, written chunk by chunk as the applicant's browser
/// sends them (resumable at the stored offset). Every state change checks the state it comes from
/// inside its transaction, so two counters or a counter and a reviewer cannot both win.
class PreApplicationRepository
{
public:
    /// The result of an action that may meet a pre-application in the wrong state.
    enum class Outcome
    {
        Done,
        Repeated, ///< the same action again (taken by the same case): nothing changed
        NotFound,
        Conflict, ///< not in a state that allows it
        LimitReached, ///< too many open pre-applications for the ID number, or the scan quota
    };

    PreApplicationRepository(
        const storage::Database &db, QString scanDirectory, PreApplicationRules rules, Clock clock);

    const PreApplicationRules &rules() const { return m_rules; }

    /// A new draft with a fresh code; `answers` is a CaseJson::answers() object.
    Result<PreApplication> create(const QString &matter, const QString &matterName, const QString &department,
        const QJsonObject &answers, const QStringList &answerTexts, const QString &mobile);
    /// The pre-application with its scans; expired ones are reported expired even before the sweep.
    Result<std::optional<PreApplication>> find(const QString &code) const;
    /// Of a hall (empty: every hall) and a department (empty: every one), in a state (nullopt: every
    /// state but draft and expired), oldest submission first; at most 500.
    Result<QList<PreApplication>> list(
        const QString &hall, const QString &department, std::optional<PreApplicationState> state) const;

    /// The applicant's fields (already validated), on a draft or a returned pre-application.
    Result<Outcome> setApplicant(const QString &code, const cases::Applicant &applicant);
    /// Draft or returned → submitted; LimitReached when the applicant's ID number already has
    /// PreApplicationRules::openPerId open pre-applications.
    Result<Outcome> submit(const QString &code);
    /// submitted → accepted | returned, keeping the key that reviewed; a department's review is a
    /// row of the departments' log, in the same transaction.
    Result<Outcome> review(const QString &code, bool accept, const QStringList &reasons,
        const QString &reviewer, const Credential &by);
    /// submitted | accepted → taken by `caseNumber`; Repeated for the same case again.
    Result<Outcome> take(const QString &code, const QString &caseNumber, const QString &clerk);

    /// A new scan of `size` bytes for a material; LimitReached past the size, count or quota.
    Result<std::pair<Outcome, qint64>> addScan(const QString &code, const QString &material,
        const QString &fileName, const QString &mime, qint64 size);
    /// Writes a chunk at `offset` (which must be the bytes received so far); when the last byte is
    /// in, checks the file's type against its declared one and records its SHA-256. The scan after
    /// the chunk, or a message why the chunk was refused.
    Result<std::pair<std::optional<PreApplicationScan>, QString>> appendScan(
        const QString &code, qint64 scanId, qint64 offset, QByteArrayView chunk);
    Result<Outcome> removeScan(const QString &code, qint64 scanId);
    /// The file of a complete scan.
    QString scanPath(qint64 scanId) const;

    /// Marks drafts untouched for PreApplicationRules::draftDays and submissions untaken for
    /// submittedDays expired and deletes their scans; gives how many expired.
    Result<int> expire();

    /// Whether a file's first bytes are of the declared type (PDF, JPEG or PNG).
    static bool looksLike(const QByteArray &head, const QString &mime);
    static bool isAllowedMime(const QString &mime);

private:
    Result<std::optional<PreApplication>> load(const QString &code) const;
    Result<QList<PreApplicationScan>> scansOf(const QString &code) const;
    Result<void> touch(const QString &code, PreApplicationState state);
    QString partPath(qint64 scanId) const;

    const storage::Database &m_db;
    QString m_directory;
    PreApplicationRules m_rules;
    Clock m_clock;
};

} // namespace ow::server
