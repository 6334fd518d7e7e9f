// libFuzzer target for onewindow-server's own HTTP/1.1 reading: request heads and chunked bodies
// fed in arbitrary slices. Any bytes must give a head or a refusal with a status, and a decoded
// body never larger than its limit.

#include "server/HttpParser.h"

#include <QByteArray>
#include <cstdint>
#include <cstdlib>

using namespace ow::server;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));

    // The head: everything up to the first blank line, as the connection hands it over.
    const qsizetype end = input.indexOf("\r\n\r\n");
    const QByteArrayView head = end < 0 ? QByteArrayView(input) : QByteArrayView(input).first(end);
    const std::variant<HttpHead, HttpRefusal> parsed = HttpParser::parseHead(head);
    if (const HttpRefusal *refusal = std::get_if<HttpRefusal>(&parsed)) {
        if (refusal->status < 400 || refusal->status > 599 || refusal->reason.isEmpty())
            std::abort();
    } else {
        const HttpHead &h = std::get<HttpHead>(parsed);
        // One way to read the body: never a length and chunked together, never a negative length.
        if (h.method.isEmpty() || !h.target.startsWith('/') || h.contentLength < 0
            || (h.chunked && h.contentLength != 0) || h.headers.size() > HttpParser::kMaxHeaders)
            std::abort();
    }

    // The rest as a chunked body, in slices whose sizes the first byte decides.
    constexpr qint64 kLimit = 4096;
    ChunkedDecoder decoder(kLimit);
    QByteArray body;
    QByteArray pending;
    const QByteArray rest = end < 0 ? input : input.mid(end + 4);
    const int slice = rest.isEmpty() ? 1 : 1 + (quint8(rest.at(0)) % 64);
    for (qsizetype at = 0; at < rest.size(); at += slice) {
        pending += rest.mid(at, slice);
        const ChunkedDecoder::Status status = decoder.feed(pending, body);
        if (body.size() > kLimit)
            std::abort();
        if (status != ChunkedDecoder::Status::NeedMore)
            break;
        // What the decoder leaves unread while it needs more stays within a line's length.
        if (pending.size() > ChunkedDecoder::kMaxLine + slice)
            std::abort();
    }
    return 0;
}
