#include "server/HttpParser.h"

#include <QByteArrayView>

namespace ow::server {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 tchar.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool isFieldValue(QByteArrayView text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

HttpRefusal refusal(int status, const char *reason)
{
    return HttpRefusal {status, QByteArray(reason)};
}

// Reads a CRLF-ended line from the front of `input`; false when the CRLF has not arrived yet.
std::optional<QByteArray> takeLine(QByteArray &input)
{
    const qsizetype end = input.indexOf("\r\n");
    if (end < 0)
        return std::nullopt;
    QByteArray line = input.left(end);
    input.remove(0, end + 2);
    return line;
}

} // namespace

QByteArray HttpHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers)
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

std::variant<HttpHead, HttpRefusal> HttpParser::parseHead(QByteArrayView head)
{
    HttpHead result;
    const QList<QByteArrayView> lines = [&] {
        QList<QByteArrayView> list;
        qsizetype start = 0;
        while (start <= head.size()) {
            const qsizetype end = head.indexOf(QByteArrayView("\r\n"), start);
            if (end < 0) {
                list.append(head.sliced(start));
                break;
            }
            list.append(head.sliced(start, end - start));
            start = end + 2;
        }
        return list;
    }();
    const QByteArrayView requestLine = lines.first();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype lastSpace = requestLine.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return refusal(400, "malformed request line");
    result.method = requestLine.first(firstSpace).toByteArray();
    result.target = requestLine.sliced(firstSpace + 1, lastSpace - firstSpace - 1).toByteArray();
    const QByteArrayView version = requestLine.sliced(lastSpace + 1);
    if (!isToken(result.method))
        return refusal(400, "malformed method");
    if (!result.target.startsWith('/') || result.target.contains(' ') || !isFieldValue(result.target)
        || result.target.contains('\t'))
        return refusal(400, "malformed request target");
    if (version == "HTTP/1.1")
        result.minorVersion = 1;
    else if (version == "HTTP/1.0")
        result.minorVersion = 0;
    else
        return refusal(505, "only HTTP/1.0 and HTTP/1.1 are spoken");

    if (lines.size() - 1 > kMaxHeaders)
        return refusal(431, "too many header fields");
    bool sawLength = false;
    bool sawEncoding = false;
    QByteArray connection;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return refusal(400, "folded header field");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return refusal(400, "malformed header field");
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        if (!isFieldValue(value))
            return refusal(400, "control character in a header field");
        const QByteArray name = line.first(colon).toByteArray();
        result.headers.append(qMakePair(name, value));
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = value.size() <= 15 ? value.toLongLong(&ok) : -1;
            if (!ok || length < 0 || !isToken(value) || value.startsWith('+') || value.startsWith('-'))
                return refusal(400, "malformed Content-Length");
            if (sawLength && length != result.contentLength)
                return refusal(400, "two different Content-Length fields");
            sawLength = true;
            result.contentLength = length;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            if (sawEncoding || value.compare("chunked", Qt::CaseInsensitive) != 0)
                return refusal(501, "only Transfer-Encoding: chunked is understood");
            sawEncoding = true;
            result.chunked = true;
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            connection = value.toLower();
        } else if (name.compare("Expect", Qt::CaseInsensitive) == 0) {
            if (value.compare("100-continue", Qt::CaseInsensitive) != 0)
                return refusal(417, "only Expect: 100-continue is understood");
            result.expectContinue = true;
        }
    }
    if (sawLength && sawEncoding)
        return refusal(400, "Content-Length together with Transfer-Encoding");
    if (result.chunked && result.minorVersion == 0)
        return refusal(400, "chunked body in HTTP/1.0");
    result.keepAlive
        = result.minorVersion == 1 ? !connection.contains("close") : connection.contains("keep-alive");
    return result;
}

ChunkedDecoder::Status ChunkedDecoder::feed(QByteArray &input, QByteArray &body)
{
    while (true) {
        switch (m_state) {
        case State::Size: {
            const std::optional<QByteArray> line = takeLine(input);
            if (!line)
                return input.size() > kMaxLine ? Status::Malformed : Status::NeedMore;
            // chunk-size [; extensions]: the extensions mean nothing to us.
            const qsizetype semicolon = line->indexOf(';');
            const QByteArray digits = (semicolon < 0 ? *line : line->left(semicolon)).trimmed();
            bool ok = false;
            const qint64 size = digits.size() <= 15 && isToken(digits) ? digits.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0 || digits.startsWith('+') || digits.startsWith('-') || digits.startsWith("0x")
                || digits.startsWith("0X"))
                return Status::Malformed;
            if (size > m_limit - m_decoded)
                return Status::TooLarge;
            m_chunkLeft = size;
            m_state = size == 0 ? State::Trailer : State::Data;
            break;
        }
        case State::Data: {
            if (input.isEmpty())
                return Status::NeedMore;
            const qsizetype take = qsizetype(std::min<qint64>(m_chunkLeft, input.size()));
            body.append(input.constData(), take);
            input.remove(0, take);
            m_chunkLeft -= take;
            m_decoded += take;
            if (m_chunkLeft == 0)
                m_state = State::DataEnd;
            break;
        }
        case State::DataEnd: {
            if (input.size() < 2)
                return Status::NeedMore;
            if (!input.startsWith("\r\n"))
                return Status::Malformed;
            input.remove(0, 2);
            m_state = State::Size;
            break;
        }
        case State::Trailer: {
            const std::optional<QByteArray> line = takeLine(input);
            if (!line)
                return input.size() > kMaxLine ? Status::Malformed : Status::NeedMore;
            if (line->isEmpty()) {
                m_state = State::Done;
                return Status::Done;
            }
            // Trailer fields are read and ignored, a bounded number of them.
            if (++m_trailers > HttpParser::kMaxHeaders)
                return Status::Malformed;
            break;
        }
        case State::Done:
            return Status::Done;
        }
    }
}

} // namespace ow::server
