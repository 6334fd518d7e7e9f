#pragma once

#include <QtGlobal>

namespace ow::drivers::scanner {

/// A monotonic millisecond clock. The keyboard wedge tells scans from typing by time, so tests give
/// it a clock they advance by hand instead of sleeping.
class ScanClock
{
public:
    virtual ~ScanClock() = default;
    virtual qint64 nowMs() const = 0;

    /// The real one (QElapsedTimer).
    static const ScanClock &system();
};

} // namespace ow::drivers::scanner
