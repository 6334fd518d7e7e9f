#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <optional>
#include <variant>

namespace ow::server {

/// The request line and headers of one HTTP/1.x request, as HttpParser::parseHead read them.
struct HttpHead
{
    QByteArray method;
    QByteArray target; ///< as sent: origin-form path and query
    int minorVersion = 1; ///< HTTP/1.0 or HTTP/1.1
    QList<QPair<QByteArray, QByteArray>> headers;
    bool chunked = false; ///< Transfer-Encoding: chunked; contentLength is then 0
    qint64 contentLength = 0;
    bool keepAlive = true;
    bool expectContinue = false;

    /// The value of a header (case-insensitive name); empty when absent.
    QByteArray header(QByteArrayView name) const;
};

/// Why a request could not be read, with the status to answer before closing the connection.
struct HttpRefusal
{
    int status = 400;
    QByteArray reason; ///< English, for the log and the error body
};

/// The server's own HTTP/1.1 request reader: pure functions of the bytes, so the fuzzer calls them.
/// It is strict where leniency lets a request be read two ways (request smuggling): one
/// Content-Length, never together with Transfer-Encoding, only the "chunked" coding, no folded
/// headers, no control characters.
class HttpParser
{
public:
    static constexpr int kMaxHeaders = 100;

    /// `head` is everything before the blank line that ends the headers (without the CRLFCRLF).
    static std::variant<HttpHead, HttpRefusal> parseHead(QByteArrayView head);
};

/// Decodes a chunked body as its bytes arrive, refusing it as soon as it grows over `limit`.
class ChunkedDecoder
{
public:
    enum class Status
    {
        NeedMore,
        Done,
        TooLarge,
        Malformed
    };

    explicit ChunkedDecoder(qint64 limit)
        : m_limit(limit)
    {
    }

    /// Takes what it can from the front of `input` (removing it) and appends decoded data to `body`.
    /// The limit counts every byte decoded so far, so `body` may be emptied between calls (a body
    /// streamed to disk).
    Status feed(QByteArray &input, QByteArray &body);
    /// How much of `input` it may need at most before it can decide something: callers read no more.
    static constexpr qsizetype kMaxLine = 4096;

private:
    enum class State
    {
        Size,
        Data,
        DataEnd,
        Trailer,
        Done
    };

    qint64 m_limit;
    qint64 m_decoded = 0;
    qint64 m_chunkLeft = 0;
    int m_trailers = 0;
    State m_state = State::Size;
};

} // namespace ow::server
