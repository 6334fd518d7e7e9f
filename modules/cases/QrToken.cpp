#include "cases/QrToken.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <array>

namespace ow::cases {

namespace {
constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";

int base32Value(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'a' && u <= u'z')
        return u - u'a';
    if (u >= u'2' && u <= u'7')
        return u - u'2' + 26;
    return -1;
}
} // namespace

QString QrToken::generate()
{
    std::array<quint32, 4> words {};
    // QRandomGenerator::system() reads the OS CSPRNG (getrandom / BCryptGenRandom).
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QString token;
    token.reserve(kLength);
    quint64 buffer = 0;
    int bits = 0;
    for (quint32 word : words) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer = (buffer << 8) | ((word >> shift) & 0xFF);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                token.append(QLatin1Char(kAlphabet[(buffer >> bits) & 0x1F]));
            }
        }
    }
    if (bits > 0) // 128 = 25 × 5 + 3: the last character carries 3 bits, padded with zeros
        token.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1F]));
    return token;
}

bool QrToken::isWellFormed(QStringView token)
{
    if (token.size() != kLength)
        return false;
    for (QChar c : token)
        if (base32Value(c) < 0)
            return false;
    // The 2 padding bits of the last character are zero in every token we issue.
    return (base32Value(token.back()) & 0x3) == 0;
}

QUrl QrToken::link(const QUrl &base, const QString &token)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path.append(QLatin1Char('/'));
    url.setPath(path + token);
    return url;
}

Result<QString> QrToken::fromLink(const QUrl &base, const QUrl &link)
{
    const QString prefix = QrToken::link(base, QString()).toString();
    const QString text = link.toString();
    const QString token = text.startsWith(prefix) ? text.mid(prefix.size()) : QString();
    if (!isWellFormed(token))
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::cases", "The scanned code is not a case link of this hall."));
    return token;
}

} // namespace ow::cases
