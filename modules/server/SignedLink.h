#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QUrl>
#include <QUrlQuery>

namespace ow::storage {
class Database;
}

namespace ow::server {

/// Time-limited links to a scan, for the pushes to department systems: `GET
/// /api/v1/attachments/<sha256>?expires=<Unix seconds>&sig=<hex>`, where sig is the HMAC-SHA256 of
/// `<sha256>.<expires>` keyed with a secret only the server holds (signing_keys). Such a link is
/// served without a credential while it has not expired; a changed hash, time or signature is refused.
class SignedLink
{
public:
    enum class Check
    {
        Valid,
        Expired,
        Invalid, ///< not signed by this server, or altered
    };

    SignedLink(const storage::Database &db, Clock clock);

    /// A link valid for `seconds` from now under `publicUrl` (the server's address as departments
    /// reach it). Makes the server's secret at the first use.
    Result<QUrl> make(const QUrl &publicUrl, const QString &sha256, qint64 seconds) const;
    /// Whether `query` (expires and sig) is a valid link to `sha256` now.
    Result<Check> check(const QString &sha256, const QUrlQuery &query) const;

    static bool isSigned(const QUrlQuery &query) { return query.hasQueryItem(QStringLiteral("sig")); }

private:
    /// The secret, made when `create` and there is none yet; empty when there is none.
    Result<QByteArray> secret(bool create) const;

    const storage::Database &m_db;
    Clock m_clock;
};

} // namespace ow::server
