#pragma once

#include "core/Result.h"
#include "idcard/SamCommand.h"

#include <QByteArray>
#include <QByteArrayView>

namespace ow::drivers::idcard {

/// The byte framing shared by requests and replies: `AA AA AA 96 69`, big-endian LEN (body plus
/// checksum), body, and an XOR checksum over LEN_H..last body byte (docs/hardware.md, "Frames").
class SamFrame
{
public:
    static constexpr qsizetype kPreambleSize = 5;
    static constexpr qsizetype kHeaderSize = 7; ///< preamble plus the two length bytes
    /// No command of the protocol needs more (text + photo + fingerprint is 2314); anything longer is
    /// a damaged length field, and refusing it keeps a decoder from waiting for bytes that never come.
    static constexpr int kMaxLength = 4096;
    /// The smallest LEN that frames anything: two body bytes (a request's CMD PARA) plus the checksum.
    static constexpr int kMinLength = 3;

    static QByteArray preamble();
    /// XOR of the bytes given (LEN_H, LEN_L and the body).
    static quint8 checksum(QByteArrayView lengthAndBody);
    /// Wraps a body into a whole frame.
    static QByteArray encode(QByteArrayView body);
    static QByteArray request(const SamCommand &command);
    static QByteArray response(quint8 sw3, QByteArrayView data = {}, quint8 sw1 = 0, quint8 sw2 = 0);
    /// Checks exactly one whole frame (preamble, length, checksum) and returns its body.
    static Result<QByteArray> decode(QByteArrayView frame);
    /// A request body back into its command (the simulator's side of the protocol).
    static Result<SamCommand> parseRequest(QByteArrayView body);
};

/// A parsed reply: the three status words and whatever data follows them.
struct SamResponse
{
    quint8 sw1 = 0;
    quint8 sw2 = 0;
    quint8 sw3 = 0;
    QByteArray data;

    bool isSuccess() const { return sw3 == 0x90; }
    static Result<SamResponse> fromBody(QByteArrayView body);
    /// `SamFrame::decode` then `fromBody`.
    static Result<SamResponse> parse(QByteArrayView frame);
};

/// Bytes as "AA AA 0F" for messages and logs.
QString toHex(QByteArrayView bytes);

} // namespace ow::drivers::idcard
