#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "storage/Database.h"

#include <QByteArray>
#include <optional>

namespace ow::server {

/// The rating (好差评) an applicant gives on the status page when none was given at the counter:
/// recorded on the case as the counter records one — a note {"evaluation": 1…5, "followUp": true for
/// a bad rating} — marked {"channel": "online"}, once per case, and synced to the counters like any
/// server event. The form is "level=N"; the page is PublicRatingPage.
class OnlineRating
{
public:
    enum class Outcome
    {
        Recorded,
        AlreadyRated, ///< a rating is on the case already (at the counter or online)
        NotFound, ///< no case has this token
        NotYet, ///< the case was not submitted yet
    };

    /// The largest form body: "level=5" and a little room.
    static constexpr qint64 kMaxBody = 32;

    OnlineRating(const storage::Database &db, Clock clock);

    /// The level of a form body "level=N" (N 1 to 5), or nothing.
    static std::optional<int> parseForm(QByteArrayView body);
    /// Whether the case of `qrToken` has a rating.
    Result<std::optional<bool>> isRated(const QString &qrToken) const;
    Result<Outcome> record(const QString &qrToken, int level);

private:
    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
