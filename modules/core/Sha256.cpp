#include "core/Sha256.h"

#include <QCryptographicHash>
#include <QIODevice>

namespace ow {

QString Sha256::hex(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString Sha256::hex(const QCryptographicHash &running)
{
    return QString::fromLatin1(running.result().toHex());
}

std::optional<QString> Sha256::hexOf(QIODevice &device)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&device))
        return std::nullopt;
    return hex(hash);
}

} // namespace ow
