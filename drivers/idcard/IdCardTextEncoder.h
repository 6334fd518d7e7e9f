#pragma once

#include "core/Result.h"
#include "idcard/IdCardData.h"

namespace ow::drivers::idcard {

/// The reverse of IdCardTextDecoder, for the simulator: card fields into the 256-byte text block
/// and the data of a read reply.
class IdCardTextEncoder
{
public:
    /// Fails naming the field when a value does not fit its place on the card.
    static Result<QByteArray> encodeText(const IdCardData &card);
    /// Text length, photo length, [fingerprint length], text, photo, [fingerprint].
    static Result<QByteArray> encodeReadData(const IdCardData &card, bool withFingerprint);
};

} // namespace ow::drivers::idcard
