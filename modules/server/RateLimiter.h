#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace ow::server {

/// A token bucket per client address: `perMinute` requests a minute with bursts of as many. The
/// buckets live in this process only; behind several instances each keeps its own (see
/// docs/deployment.md).
class RateLimiter
{
public:
    explicit RateLimiter(int perMinute);

    /// Takes a token for `client`; returns 0 when allowed, else the seconds until one is free.
    int take(const QString &client, const QDateTime &now);
    /// What take() would answer, without taking: for limits counted only when something fails.
    int peek(const QString &client, const QDateTime &now) const;

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };

    double tokensAt(const Bucket &bucket, qint64 nowMs) const;
    int waitSeconds(double tokens) const;

    int m_perMinute;
    QHash<QString, Bucket> m_buckets;
};

} // namespace ow::server
