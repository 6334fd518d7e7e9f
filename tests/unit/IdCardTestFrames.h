#pragma once
// Test-side construction of ID card reader frames and text blocks, written from the public layout in
// docs/hardware.md independently of the driver's own encoder, so a shared mistake cannot hide.

#include <QByteArray>
#include <QString>

namespace idcardtest {

/// Frame around a body: preamble, LEN (body + checksum, big-endian), body, XOR of LEN_H..body.
inline QByteArray frame(const QByteArray &body)
{
    QByteArray out = QByteArray::fromHex("AAAAAA9669");
    const int length = int(body.size()) + 1;
    out.append(char(length >> 8));
    out.append(char(length & 0xFF));
    out.append(body);
    unsigned char x = 0;
    for (qsizetype i = 5; i < out.size(); ++i)
        x ^= static_cast<unsigned char>(out[i]);
    out.append(char(x));
    return out;
}

/// 256 bytes of UTF-16LE spaces, the padding of an empty text block.
inline QByteArray blankText()
{
    QByteArray block;
    for (int i = 0; i < 128; ++i)
        block.append(' ').append('\0');
    return block;
}

/// Writes `text` as UTF-16LE at `offset`; a value longer than `size` bytes is a mistake in the test.
inline void put(QByteArray &block, int offset, int size, const QString &text)
{
    Q_ASSERT(text.size() * 2 <= size);
    for (qsizetype i = 0; i < text.size(); ++i) {
        block[offset + 2 * i] = char(text.at(i).unicode() & 0xFF);
        block[offset + 2 * i + 1] = char(text.at(i).unicode() >> 8);
    }
}

inline QByteArray mainlandText()
{
    QByteArray b = blankText();
    put(b, 0, 30, QStringLiteral("张三"));
    put(b, 30, 2, QStringLiteral("2"));
    put(b, 32, 4, QStringLiteral("01"));
    put(b, 36, 16, QStringLiteral("19491231"));
    put(b, 52, 70, QStringLiteral("北京市朝阳区示例路1号"));
    put(b, 122, 36, QStringLiteral("11010519491231002X"));
    put(b, 158, 30, QStringLiteral("北京市公安局朝阳分局"));
    put(b, 188, 16, QStringLiteral("20100101"));
    put(b, 204, 16, QStringLiteral("长期"));
    return b;
}

inline QByteArray hkMacaoTaiwanText()
{
    QByteArray b = blankText();
    put(b, 0, 30, QStringLiteral("陈大文"));
    put(b, 30, 2, QStringLiteral("1"));
    put(b, 36, 16, QStringLiteral("19800101"));
    put(b, 52, 70, QStringLiteral("香港特别行政区"));
    put(b, 122, 36, QStringLiteral("810000198001010014"));
    put(b, 158, 30, QStringLiteral("深圳市公安局"));
    put(b, 188, 16, QStringLiteral("20200101"));
    put(b, 204, 16, QStringLiteral("20250101"));
    put(b, 220, 18, QStringLiteral("H12345678"));
    put(b, 238, 4, QStringLiteral("01"));
    put(b, 248, 2, QStringLiteral("J"));
    return b;
}

inline QByteArray foreignPermanentText()
{
    QByteArray b = blankText();
    put(b, 0, 120, QStringLiteral("SMITH, JOHN"));
    put(b, 120, 2, QStringLiteral("1"));
    put(b, 122, 30, QStringLiteral("USA110049123101"));
    put(b, 152, 6, QStringLiteral("USA"));
    put(b, 158, 30, QStringLiteral("约翰"));
    put(b, 188, 16, QStringLiteral("20170601"));
    put(b, 204, 16, QStringLiteral("20270601"));
    put(b, 220, 16, QStringLiteral("19491231"));
    put(b, 236, 4, QStringLiteral("01"));
    put(b, 240, 8, QStringLiteral("1500"));
    put(b, 248, 2, QStringLiteral("I"));
    return b;
}

/// The English name is longer than its first part (35 characters) so it runs on at byte 220.
inline QString foreign2023EnglishName()
{
    return QStringLiteral("MARY ELIZABETH ALEXANDRA WINDSOR-SMITH");
}

inline QByteArray foreignPermanent2023Text()
{
    QByteArray b = blankText();
    const QString english = foreign2023EnglishName();
    put(b, 0, 30, QStringLiteral("玛丽"));
    put(b, 30, 2, QStringLiteral("2"));
    put(b, 32, 4, QStringLiteral("00"));
    put(b, 36, 16, QStringLiteral("19900101"));
    put(b, 52, 70, english.left(35));
    put(b, 122, 36, QStringLiteral("911156199001010029"));
    put(b, 188, 16, QStringLiteral("20230101"));
    put(b, 204, 16, QStringLiteral("20330101"));
    put(b, 220, 22, english.mid(35));
    put(b, 242, 6, QStringLiteral("GBR"));
    put(b, 248, 2, QStringLiteral("Y"));
    put(b, 250, 6, QStringLiteral("A01"));
    return b;
}

/// Stand-in photo bytes: the driver keeps them as they are, so any pattern shows whether it did.
inline QByteArray photo()
{
    QByteArray p(1024, '\0');
    for (int i = 0; i < p.size(); ++i)
        p[i] = char((i * 7 + 3) & 0xFF);
    return p;
}

inline QByteArray bigEndian16(qsizetype value)
{
    QByteArray b;
    b.append(char((value >> 8) & 0xFF));
    b.append(char(value & 0xFF));
    return b;
}

/// The reply to read text+photo: SW 00 00 90, text length, photo length, text, photo.
inline QByteArray readReply(const QByteArray &text, const QByteArray &photoBytes = photo())
{
    return frame(QByteArray::fromHex("000090") + bigEndian16(text.size()) + bigEndian16(photoBytes.size())
        + text + photoBytes);
}

/// The reply to read text+photo+fingerprint: the fingerprint length comes third.
inline QByteArray readReplyWithFingerprint(const QByteArray &text, const QByteArray &fingerprint)
{
    const QByteArray p = photo();
    return frame(QByteArray::fromHex("000090") + bigEndian16(text.size()) + bigEndian16(p.size())
        + bigEndian16(fingerprint.size()) + text + p + fingerprint);
}

} // namespace idcardtest
