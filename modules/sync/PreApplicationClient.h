#pragma once

#include "cases/Applicant.h"
#include "catalogue/Answers.h"
#include "core/Result.h"
#include "sync/SyncClient.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace ow::sync {

/// One scan an applicant uploaded with an online pre-application (网上预申报), as the server lists it.
struct PreApplicationScan
{
    QString id;
    QString material; ///< the checklist material it was uploaded for
    QString fileName;
    QString mime;
    qint64 size = 0;
    QString sha256; ///< lower-case hex; the bytes fetched are checked against it
};

/// The hall's pre-review of a pre-application: accepted for the counter or returned with reasons.
struct PreApplicationReview
{
    QString decision; ///< "accept" or "return"
    QStringList reasons;
    QString reviewer;
    QDateTime at; ///< UTC
};

/// A line of the hall's list of pre-applications: the applicant masked, nothing else personal.
struct PreApplicationSummary
{
    QString code;
    QString matter;
    QString matterName;
    QJsonObject applicantMasked; ///< cases::Applicant::toMaskedJson() as the server wrote it
    QString state; ///< submitted, accepted, returned, taken
    QDateTime submitted; ///< UTC
    int scanCount = 0;

    /// "张*丰 1101**********002X": the masked name and number as the list shows them.
    QString applicantText() const;
};

/// One pre-application as the counter picks it up: the matter and the applicant's answers, the
/// registration and the verified mobile, the review and the scans (without their bytes).
struct PreApplication
{
    static constexpr QLatin1StringView kSubmitted {"submitted"};
    static constexpr QLatin1StringView kAccepted {"accepted"};
    static constexpr QLatin1StringView kReturned {"returned"};
    static constexpr QLatin1StringView kTaken {"taken"};

    QString code;
    QString hall;
    QString matter;
    catalogue::Answers answers;
    cases::Applicant applicant;
    QString mobile; ///< the number the applicant verified by SMS code
    QString state;
    QDateTime submitted; ///< UTC
    std::optional<PreApplicationReview> review;
    QList<PreApplicationScan> scans;
    QString caseNumber; ///< the case that took it; empty until taken

    /// Reads the server's JSON; refuses an answer that lacks the code, the matter or the state, or
    /// whose answers, applicant or scans cannot be read.
    static Result<PreApplication> fromJson(const QJsonObject &object);
};

/// A pre-application's scan with its bytes, checked against the hash the server listed.
struct FetchedScan
{
    PreApplicationScan scan;
    QByteArray bytes;
};

/// The workstation's side of the pre-application API (`/api/v1/preapplications`, hall-scoped, with
/// the workstation's token): list and fetch pre-applications, fetch their scans, record the hall's
/// pre-review, and mark one taken by the case the counter made of it. Blocking like SyncClient:
/// for a worker thread (ui::runHallServerRequest, the sync round), never the GUI thread. Every
/// failure names the pre-application and what could not be done, in the workstation's language.
class PreApplicationClient
{
public:
    /// Scans larger than this are refused whatever the server lists (the server's own upload limit
    /// is lower): a broken or hostile answer cannot fill the workstation's memory.
    static constexpr qint64 kMaxScanBytes = 32 * 1024 * 1024;

    explicit PreApplicationClient(SyncClient &client)
        : m_client(client)
    {
    }

    /// The hall's pre-applications in `state` (submitted, accepted, returned or taken), as listed.
    Result<QList<PreApplicationSummary>> list(const QString &state);
    /// One pre-application by its code (as PreApplicationCode reads it); NotFound when the hall has none.
    Result<PreApplication> fetch(const QString &code);
    /// The bytes of one scan, refused unless their size and SHA-256 are those listed.
    Result<QByteArray> fetchScan(const QString &code, const PreApplicationScan &scan);
    /// Every scan of `application`, in its order: all of them or a failure (nothing half fetched).
    Result<QList<FetchedScan>> fetchScans(const PreApplication &application);
    /// The hall's pre-review: accepted for the counter, or returned with at least one reason.
    Result<void> review(
        const QString &code, bool accept, const QStringList &reasons, const QString &reviewer);
    /// The case `caseNumber` took the pre-application at the counter (idempotent for the same case).
    Result<void> markTaken(const QString &code, const QString &caseNumber, const QString &clerk);

    /// The last failure's HTTP status and server code (0: no answer).
    const HttpFailure &lastFailure() const { return m_client.lastFailure(); }

private:
    SyncClient &m_client;
};

} // namespace ow::sync
