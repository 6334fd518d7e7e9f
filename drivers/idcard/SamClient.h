#pragma once

#include "core/Clock.h"
#include "idcard/FrameDecoder.h"
#include "idcard/IdCardData.h"
#include "idcard/IdCardTransport.h"
#include "idcard/SamCommand.h"
#include "idcard/SamFrame.h"

#include <optional>

namespace ow::drivers::idcard {

/// Speaks the SAM protocol over a transport: one request, one reply, within a time limit, every
/// failure turned into a sentence a counter clerk can act on. Blocking; use it off the GUI thread.
///
/// Error codes tell callers what to do next: Io — the reader is gone or silent (reconnect);
/// Parse — a damaged reply (try again); Invalid — the reader answered with a failure status.
class SamClient
{
public:
    struct Timeouts
    {
        int commandMs = 1000; ///< SAM and card-presence commands
        int readMs = 3000; ///< reading text and photo off the card
    };

    explicit SamClient(IdCardTransport &transport);
    /// Time limits are measured on `clock` (a test's ManualClock lets a silent reader time out at once).
    SamClient(IdCardTransport &transport, Timeouts timeouts, Clock clock = {});

    /// Sends the command and returns the reply whatever its status.
    Result<SamResponse> exchange(const SamCommand &command, int timeoutMs);
    /// SAM status must answer 90.
    Result<void> checkSam();
    /// The SAM's identity bytes (read SAM ID).
    Result<QByteArray> readSamId();
    /// Whether a card is in the field that has not been read yet (find card answers 9F).
    Result<bool> findCard();
    /// find → select → read; nothing when no card (or only an already-read one) is on the reader.
    Result<std::optional<IdCardData>> readCard(bool withFingerprint = false);

private:
    /// The reply's status must be `expected`, else an Invalid error with the status message.
    Result<SamResponse> expectStatus(const SamCommand &command, int timeoutMs, quint8 expected);
    Result<void> drainInput();

    IdCardTransport &m_transport;
    Timeouts m_timeouts;
    Clock m_clock;
    FrameDecoder m_decoder;
};

} // namespace ow::drivers::idcard
