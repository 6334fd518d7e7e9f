#pragma once

#include <QDateTime>
#include <functional>

namespace ow::cases {

/// The time source of the stores: the system clock in production, a fixed or stepping one in tests.
using Clock = std::function<QDateTime()>;

inline Clock systemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

} // namespace ow::cases
