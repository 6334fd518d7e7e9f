#include "sync/PushSignature.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace ow::sync {

QByteArray PushSignature::sign(const QByteArray &secret, qint64 timestamp, const QByteArray &body)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(QByteArray::number(timestamp));
    mac.addData(QByteArrayLiteral("."));
    mac.addData(body);
    return QByteArrayLiteral("sha256=") + mac.result().toHex();
}

PushSignature::Verdict PushSignature::verify(const QByteArray &secret, const QByteArray &timestampHeader,
    const QByteArray &signatureHeader, const QByteArray &body, qint64 nowSeconds, qint64 toleranceSeconds)
{
    bool ok = false;
    const qint64 timestamp = timestampHeader.trimmed().toLongLong(&ok);
    if (!ok || !signatureHeader.startsWith("sha256="))
        return Verdict::Malformed;
    if (timestamp > nowSeconds + toleranceSeconds || timestamp < nowSeconds - toleranceSeconds)
        return Verdict::Stale;
    return sameInConstantTime(sign(secret, timestamp, body), signatureHeader.trimmed().toLower())
        ? Verdict::Valid
        : Verdict::Mismatch;
}

bool PushSignature::sameInConstantTime(const QByteArray &a, const QByteArray &b)
{
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

} // namespace ow::sync
