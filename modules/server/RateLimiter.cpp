#include "server/RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace ow::server {

namespace {

// Forgetting full buckets keeps the table small when many phones scan once.
constexpr int kPruneAbove = 10000;

} // namespace

RateLimiter::RateLimiter(int perMinute)
    : m_perMinute(std::max(1, perMinute))
{
}

int RateLimiter::take(const QString &client, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const double perMs = m_perMinute / 60000.0;
    if (m_buckets.size() > kPruneAbove) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->tokens + (nowMs - it->lastMs) * perMs >= m_perMinute)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(client);
    if (it == m_buckets.end())
        it = m_buckets.insert(client, Bucket {double(m_perMinute), nowMs});
    Bucket &bucket = *it;
    bucket.tokens = tokensAt(bucket, nowMs);
    bucket.lastMs = nowMs;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return waitSeconds(bucket.tokens);
}

int RateLimiter::peek(const QString &client, const QDateTime &now) const
{
    const auto it = m_buckets.constFind(client);
    if (it == m_buckets.constEnd())
        return 0;
    const double tokens = tokensAt(*it, now.toMSecsSinceEpoch());
    return tokens >= 1.0 ? 0 : waitSeconds(tokens);
}

double RateLimiter::tokensAt(const Bucket &bucket, qint64 nowMs) const
{
    const double perMs = m_perMinute / 60000.0;
    return std::min(double(m_perMinute), bucket.tokens + std::max<qint64>(0, nowMs - bucket.lastMs) * perMs);
}

int RateLimiter::waitSeconds(double tokens) const
{
    const double perMs = m_perMinute / 60000.0;
    return std::max(1, int(std::ceil((1.0 - tokens) / perMs / 1000.0)));
}

} // namespace ow::server
