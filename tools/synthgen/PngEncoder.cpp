#include "PngEncoder.h"

#include <QtEndian>
#include <array>

namespace ow::synthgen {

namespace {

quint32 crc32(const QByteArray &bytes)
{
    // The CRC of ISO 3309 that PNG chunks carry (PNG specification, section 5.5).
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char byte : bytes)
        c = table[(c ^ quint8(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

void appendUInt32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendChunk(QByteArray &out, const char *type, const QByteArray &data)
{
    appendUInt32(out, quint32(data.size()));
    const QByteArray typed = QByteArray(type, 4) + data;
    out.append(typed);
    appendUInt32(out, crc32(typed));
}

} // namespace

PngEncoder::PngEncoder(int width, int height)
    : m_width(width)
    , m_height(height)
    , m_pixels(qsizetype(width) * height, char(255))
{
}

void PngEncoder::fill(const QRect &rect, quint8 grey)
{
    const QRect r = rect.intersected(QRect(0, 0, m_width, m_height));
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            m_pixels[qsizetype(y) * m_width + x] = char(grey);
}

void PngEncoder::outline(const QRect &rect, quint8 grey)
{
    fill(QRect(rect.left(), rect.top(), rect.width(), 1), grey);
    fill(QRect(rect.left(), rect.bottom(), rect.width(), 1), grey);
    fill(QRect(rect.left(), rect.top(), 1, rect.height()), grey);
    fill(QRect(rect.right(), rect.top(), 1, rect.height()), grey);
}

QByteArray PngEncoder::encode() const
{
    QByteArray out("\x89PNG\r\n\x1a\n", 8);

    QByteArray header;
    appendUInt32(header, quint32(m_width));
    appendUInt32(header, quint32(m_height));
    header.append(char(8)); // bit depth
    header.append(char(0)); // colour type: greyscale
    header.append(char(0)); // compression: deflate
    header.append(char(0)); // filter method
    header.append(char(0)); // no interlace
    appendChunk(out, "IHDR", header);

    QByteArray raw;
    raw.reserve(qsizetype(m_width + 1) * m_height);
    for (int y = 0; y < m_height; ++y) {
        raw.append(char(0)); // filter type None
        raw.append(m_pixels.constData() + qsizetype(y) * m_width, m_width);
    }
    // qCompress gives a zlib stream behind a 4-byte length of its own, which PNG does not want.
    appendChunk(out, "IDAT", qCompress(raw, 9).mid(4));
    appendChunk(out, "IEND", {});
    return out;
}

} // namespace ow::synthgen
