#pragma once

#include <QLatin1StringView>
#include <QtGlobal>

/// The names both ends of the sync protocol agree on (docs/sync-protocol.md): paths, headers,
/// limits and error codes. The server (modules/server) and the workstation's sync worker
/// (modules/sync) use these and nothing else, so the two cannot drift apart.
namespace ow::sync::protocol {

using namespace Qt::Literals::StringLiterals;

inline constexpr QLatin1StringView kApiBase = "/api/v1"_L1;

// Paths under kApiBase; <…> parts are appended by the caller.
inline constexpr QLatin1StringView kHealth = "/health"_L1;
inline constexpr QLatin1StringView kEnrol = "/enrol"_L1;
inline constexpr QLatin1StringView kEvents = "/events"_L1;
inline constexpr QLatin1StringView kChanges = "/changes"_L1;
inline constexpr QLatin1StringView kCases = "/cases"_L1; ///< /cases/<number>
inline constexpr QLatin1StringView kConflicts = "/conflicts"_L1;
inline constexpr QLatin1StringView kAttachments = "/attachments"_L1; ///< /attachments/<sha256>[/upload]
inline constexpr QLatin1StringView kDepartmentCases = "/department/cases"_L1; ///< [/<number>[/events]]
inline constexpr QLatin1StringView kCatalogues
    = "/catalogues"_L1; ///< /catalogues/current, /catalogues/<version>
/// A catalogue editor's sign-in from onewindow-editor: the one /catalogues path without a credential.
inline constexpr QLatin1StringView kCatalogueSession = "/catalogues/session"_L1;
/// GET: the hall's accounts with their password hashes; POST: one change (docs/sync-protocol.md).
inline constexpr QLatin1StringView kAccounts = "/accounts"_L1;
/// POST: a batch of clerk activities (consultations, practice scores), stored once per id.
inline constexpr QLatin1StringView kActivities = "/activities"_L1;
/// The public status page the QR code links to: <server>/s/<token>.
inline constexpr QLatin1StringView kPublicStatus = "/s/"_L1;

inline constexpr QLatin1StringView kAuthorization = "Authorization"_L1;
inline constexpr QLatin1StringView kBearer = "Bearer "_L1;
inline constexpr QLatin1StringView kRetryAfter = "Retry-After"_L1;
/// The workstation's clock when it sent the request (CaseJson::timeText), for the server's record
/// of each counter's clock skew.
inline constexpr QLatin1StringView kSentHeader = "X-OneWindow-Sent"_L1;

inline constexpr qint64 kMaxJsonBody = 8 * 1024 * 1024;
inline constexpr qint64 kMaxEnrolBody = 16 * 1024; ///< POST /enrol: a code and a machine name
inline constexpr qint64 kMaxDepartmentEventBody = 1024 * 1024;
inline constexpr qint64 kMaxOtherBody = 16 * 1024; ///< requests that carry no body (GET, unknown paths)
inline constexpr int kMaxEventsPerBatch = 100;
inline constexpr qint64 kMaxChunk = 4 * 1024 * 1024;
inline constexpr qint64 kMaxAttachment = 64 * 1024 * 1024;
inline constexpr qint64 kMaxCataloguePackage = 64 * 1024 * 1024;
inline constexpr int kDefaultChangesLimit = 200;
inline constexpr int kMaxChangesLimit = 500;
inline constexpr int kPublicRequestsPerMinute = 30;

// Per-event results of POST /events.
inline constexpr QLatin1StringView kStored = "stored"_L1;
inline constexpr QLatin1StringView kDuplicate = "duplicate"_L1;
inline constexpr QLatin1StringView kRejected = "rejected"_L1;

// Error codes: {"error": {"code": …, "message": …}}.
namespace error {
inline constexpr QLatin1StringView kBadJson = "bad-json"_L1;
inline constexpr QLatin1StringView kTooLarge = "too-large"_L1;
inline constexpr QLatin1StringView kUnauthorised = "unauthorised"_L1;
inline constexpr QLatin1StringView kForbidden = "forbidden"_L1;
inline constexpr QLatin1StringView kOtherDepartment = "other-department"_L1;
inline constexpr QLatin1StringView kNotFound = "not-found"_L1;
inline constexpr QLatin1StringView kIllegalTransition = "illegal-transition"_L1;
inline constexpr QLatin1StringView kInvalid = "invalid"_L1;
inline constexpr QLatin1StringView kConflict = "conflict"_L1;
inline constexpr QLatin1StringView kRateLimited = "rate-limited"_L1;
inline constexpr QLatin1StringView kOffsetMismatch = "offset-mismatch"_L1;
inline constexpr QLatin1StringView kHashMismatch = "hash-mismatch"_L1;
inline constexpr QLatin1StringView kLintFailed = "lint-failed"_L1;
inline constexpr QLatin1StringView kInternal = "internal"_L1;
inline constexpr QLatin1StringView kUnavailable = "unavailable"_L1; ///< 503: the database is down for now
} // namespace error

} // namespace ow::sync::protocol
