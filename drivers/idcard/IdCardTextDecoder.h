#pragma once

#include "core/Result.h"
#include "idcard/IdCardData.h"

namespace ow::drivers::idcard {

/// Turns the reader's answer to a read command into IdCardData: the 256-byte UTF-16LE text block
/// into fields by card type, the photo and fingerprint kept as raw bytes.
class IdCardTextDecoder
{
public:
    /// The text block alone. Fields are trimmed of their space padding; an unknown card type mark
    /// is an error, never a guess at the layout, and so is a field IdCardTextCheck refuses.
    static Result<IdCardData> decodeText(QByteArrayView text);
    /// The data of a successful read reply: text length and photo length (two bytes each, big-endian),
    /// for text+photo+fingerprint also the fingerprint length, then the blocks in that order.
    static Result<IdCardData> decodeReadData(QByteArrayView data);
};

} // namespace ow::drivers::idcard
