#pragma once

#include "idcard/SamClient.h"

namespace ow::drivers::idcard {

/// How often and how patiently IdCardReader talks to the reader.
struct IdCardReaderOptions
{
    int pollIntervalMs = 300; ///< between find-card attempts
    int reconnectIntervalMs = 1000; ///< between attempts to open a missing or failed reader
    int powerUpDelayMs = 2000; ///< after opening, before the first command: the SAM powers up
    bool withFingerprint = false; ///< read text+photo+fingerprint instead of text+photo
    SamClient::Timeouts timeouts;
};

} // namespace ow::drivers::idcard
