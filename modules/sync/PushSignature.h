#pragma once

#include <QByteArray>
#include <QLatin1StringView>

namespace ow::sync {

/// The signature of a push to a department's system (docs/sync-protocol.md, "Pushing to department
/// systems"): `sha256=` and the hex HMAC-SHA256, keyed with the endpoint's signing secret, of the
/// Unix timestamp in decimal, a full stop and the body's bytes exactly as sent. The server signs with
/// it; the department simulator (and any receiver) checks with verify().
class PushSignature
{
public:
    static constexpr char kDeliveryHeader[] = "X-OneWindow-Delivery";
    static constexpr char kTimestampHeader[] = "X-OneWindow-Timestamp";
    static constexpr char kSignatureHeader[] = "X-OneWindow-Signature";
    /// How far a push's timestamp may be from the receiver's clock, either way.
    static constexpr qint64 kToleranceSeconds = 5 * 60;

    enum class Verdict
    {
        Valid,
        Malformed, ///< no timestamp, or no `sha256=` signature
        Stale, ///< the timestamp is further than the tolerance from now (a replay, or a clock far off)
        Mismatch, ///< signed with another secret, or the body or timestamp was changed on the way
    };

    /// "sha256=<64 hex digits>" over `timestamp + "." + body`.
    static QByteArray sign(const QByteArray &secret, qint64 timestamp, const QByteArray &body);
    /// Checks the two headers as received against the body and the receiver's clock (Unix seconds),
    /// comparing in constant time.
    static Verdict verify(const QByteArray &secret, const QByteArray &timestampHeader,
        const QByteArray &signatureHeader, const QByteArray &body, qint64 nowSeconds,
        qint64 toleranceSeconds = kToleranceSeconds);
    /// Compares every byte whatever the first difference, so the time taken tells nothing.
    static bool sameInConstantTime(const QByteArray &a, const QByteArray &b);
};

} // namespace ow::sync
