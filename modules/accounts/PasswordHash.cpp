#include "accounts/PasswordHash.h"

#include <QCryptographicHash>
#include <QList>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <optional>

namespace ow::accounts {

namespace {

const QString kScheme = QStringLiteral("pbkdf2-sha256");

QByteArray deriveKey(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password.toUtf8(), salt, iterations, PasswordHash::kKeyBytes);
}

} // namespace

QString PasswordHash::create(const QString &password)
{
    QList<quint32> words(kSaltBytes / int(sizeof(quint32)));
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray salt(reinterpret_cast<const char *>(words.constData()), kSaltBytes);
    return create(password, salt, kIterations);
}

QString PasswordHash::create(const QString &password, const QByteArray &salt, int iterations)
{
    return QStringList {kScheme, QString::number(iterations), QString::fromLatin1(salt.toBase64()),
        QString::fromLatin1(deriveKey(password, salt, iterations).toBase64())}
        .join(QLatin1Char('$'));
}

namespace {

struct Decoded
{
    int iterations = 0;
    QByteArray salt;
    QByteArray key;
};

std::optional<Decoded> decode(const QString &encoded)
{
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts.at(0) != kScheme)
        return std::nullopt;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    // A stored text with a lowered work factor is treated as tampered with, not as a weaker password.
    if (!ok || iterations < PasswordHash::kMinimumIterations)
        return std::nullopt;
    const auto salt
        = QByteArray::fromBase64Encoding(parts.at(2).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto key
        = QByteArray::fromBase64Encoding(parts.at(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !key || salt.decoded.isEmpty() || key.decoded.size() != PasswordHash::kKeyBytes)
        return std::nullopt;
    return Decoded {iterations, salt.decoded, key.decoded};
}

} // namespace

bool PasswordHash::isWellFormed(const QString &encoded)
{
    return decode(encoded).has_value();
}

bool PasswordHash::verify(const QString &password, const QString &encoded)
{
    const std::optional<Decoded> decoded = decode(encoded);
    if (!decoded)
        return false;
    return constantTimeEquals(deriveKey(password, decoded->salt, decoded->iterations), decoded->key);
}

bool PasswordHash::constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace ow::accounts
