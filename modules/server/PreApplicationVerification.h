#pragma once

#include "core/Clock.h"
#include "storage/Database.h"

#include <QString>

namespace ow::server {

/// The applicant's mobile number, verified by a 6-digit SMS code, and the session it opens (no
/// applicant account): the code's SMS is queued for the server's SmsSender; only the SHA-256 of a
/// code or a session token is stored. Limits per number are counted in the database, so a restart
/// does not reset them: one code a minute and five an hour, a code valid ten minutes and void after
/// five wrong tries. The online pre-application uses it, and the status page's download of a result
/// document (its codes and sessions apart: a code opens only what it was asked for, a session only
/// its own page).
class PreApplicationVerification
{
public:
    static constexpr int kCodeMinutes = 10;
    static constexpr int kMaxAttempts = 5;
    static constexpr int kCodesPerHour = 5;
    static constexpr int kSecondsBetweenCodes = 60;
    static constexpr int kSessionHours = 12;
    static constexpr int kDocumentSessionMinutes = 15;

    /// What a code is asked for: its SMS text, how long its session lasts.
    enum class Purpose
    {
        PreApplication, ///< a session of kSessionHours for the number's pre-applications
        ResultDocument, ///< a session of kDocumentSessionMinutes for one status page's documents
    };

    struct Sent
    {
        bool sent = false;
        int waitSeconds = 0; ///< when not sent: until the number may have another code
    };

    enum class Checked
    {
        Verified,
        Wrong, ///< wrong code; attemptsLeft more tries
        Void, ///< no valid code: none asked, expired, used or tried too often
    };

    struct Verification
    {
        Checked checked = Checked::Void;
        int attemptsLeft = 0;
        QString sessionToken; ///< when verified: what the applicant's cookie carries
    };

    PreApplicationVerification(const storage::Database &db, Clock clock);

    /// Queues an SMS with a new code for `mobile` (already checked to be a mobile number), unless
    /// the number had one within the minute or five within the hour (whatever they were for).
    Result<Sent> sendCode(const QString &mobile, Purpose purpose = Purpose::PreApplication);
    /// Checks a code typed for `mobile`, asked for `purpose`; a right one opens a session for
    /// `scope` (empty for the pre-application; the status page's token for its documents).
    Result<Verification> verify(const QString &mobile, const QString &code,
        Purpose purpose = Purpose::PreApplication, const QString &scope = {});
    /// The verified mobile number of a session token opened for `scope`; empty when unknown,
    /// expired or opened for another scope.
    Result<QString> sessionMobile(const QString &token, const QString &scope = {}) const;

    /// What an SMS code looks like: six digits.
    static bool isWellFormedCode(QStringView code);

private:
    static QString codeHash(const QString &mobile, const QString &code);

    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
