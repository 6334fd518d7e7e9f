#pragma once

#include <QByteArray>
#include <QString>

namespace ow::accounts {

/// Salted PBKDF2-HMAC-SHA256 password hashes in one self-describing text,
/// "pbkdf2-sha256$<iterations>$<salt base64>$<key base64>", so the iteration count can grow later
/// without invalidating stored passwords.
class PasswordHash
{
public:
    /// The work factor for new hashes (OWASP's 2021 figure for PBKDF2-HMAC-SHA256 was 310,000;
    /// the workstation's floor is 200,000, what a counter PC derives in well under a second).
    static constexpr int kIterations = 210'000;
    static constexpr int kMinimumIterations = 200'000;
    static constexpr int kSaltBytes = 16;
    static constexpr int kKeyBytes = 32;

    /// A new hash of `password` with a random salt from the system's generator.
    static QString create(const QString &password);
    /// The same with a given salt and work factor (tests, and verify()).
    static QString create(const QString &password, const QByteArray &salt, int iterations);
    /// Whether `password` matches `encoded`; false for a malformed text or too low a work factor.
    static bool verify(const QString &password, const QString &encoded);
    /// Whether `encoded` is a hash text verify() would accept (scheme, work factor, salt, key length),
    /// for hashes that arrive from elsewhere (the server's account changes, the accounts pull).
    static bool isWellFormed(const QString &encoded);
    /// Compares in time that depends only on the lengths, so a guess learns nothing from timing.
    static bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
};

} // namespace ow::accounts
