#pragma once

#include "cases/Applicant.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ow::server {

/// Where an online pre-application (网上预申报) stands: the applicant fills a draft and submits it;
/// the hall or the department accepts it for the counter or returns it with reasons (the applicant
/// may fix and submit again); a counter takes it into a case. Drafts and submissions nobody
/// touches expire.
enum class PreApplicationState
{
    Draft,
    Submitted,
    Accepted,
    Returned,
    Taken,
    Expired,
};

QString keyword(PreApplicationState state);
std::optional<PreApplicationState> preApplicationStateFromKeyword(QStringView text);

/// One scan the applicant uploads for a material of the checklist; complete once every byte is in
/// and its type and SHA-256 were checked.
struct PreApplicationScan
{
    qint64 id = 0;
    QString material;
    QString fileName;
    QString mime;
    qint64 size = 0;
    qint64 received = 0;
    QString sha256; ///< empty until complete

    bool complete() const { return !sha256.isEmpty(); }
};

/// A pre-application as stored (table pre_applications, docs/sync-protocol.md "Pre-applications").
struct PreApplication
{
    QString code; ///< catalogue::PreApplicationCode
    QString hall;
    QString matter;
    QString matterName;
    QString department;
    QJsonObject answers; ///< cases::CaseJson::answers()
    QStringList answerTexts; ///< the guide's "QUESTION=VALUE" texts, in asking order
    std::optional<cases::Applicant> applicant;
    QString mobile; ///< verified by SMS
    PreApplicationState state = PreApplicationState::Draft;
    QDateTime created;
    QDateTime updated;
    QDateTime submitted;
    QDateTime expires;
    QString reviewDecision; ///< "accept" or "return"; empty until reviewed
    QStringList reviewReasons;
    QString reviewer;
    QDateTime reviewed;
    QString caseNumber; ///< once taken
    QString takenBy;
    QList<PreApplicationScan> scans;

    /// Open: counts against the limit per ID number and may still reach a counter.
    bool isOpen() const
    {
        return state == PreApplicationState::Submitted || state == PreApplicationState::Accepted
            || state == PreApplicationState::Returned;
    }
    bool isEditable() const
    {
        return state == PreApplicationState::Draft || state == PreApplicationState::Returned;
    }
    qint64 scanBytes() const;
};

/// The limits of online pre-applications, from the server's command line (docs/applicant-pages.md).
struct PreApplicationRules
{
    static constexpr qint64 kMiB = 1024 * 1024;

    QString hall; ///< the hall pre-applications go to; empty: the guide offers none
    qint64 maxScanBytes = 10 * kMiB; ///< per file
    qint64 quotaBytes = 50 * kMiB; ///< all scans of one pre-application
    int maxScans = 20; ///< files per pre-application
    int draftDays = 7; ///< a draft untouched this long expires, its scans deleted
    int submittedDays = 30; ///< a submission not taken this long expires
    int openPerId = 3; ///< open pre-applications per ID number (or credit code)
};

} // namespace ow::server
