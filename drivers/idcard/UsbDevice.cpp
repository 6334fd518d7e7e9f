#include "idcard/UsbDevice.h"

namespace ow::drivers::idcard {

QString UsbDeviceId::toString() const
{
    return QStringLiteral("%1:%2")
        .arg(vendorId, 4, 16, QLatin1Char('0'))
        .arg(productId, 4, 16, QLatin1Char('0'))
        .toUpper();
}

std::optional<UsbDeviceId> UsbDeviceId::parse(const QString &text)
{
    const QStringList parts = text.trimmed().split(u':');
    if (parts.size() != 2 || parts[0].size() != 4 || parts[1].size() != 4)
        return std::nullopt;
    bool vendorOk = false;
    bool productOk = false;
    const uint vendor = parts[0].toUInt(&vendorOk, 16);
    const uint product = parts[1].toUInt(&productOk, 16);
    if (!vendorOk || !productOk)
        return std::nullopt;
    return UsbDeviceId {quint16(vendor), quint16(product)};
}

} // namespace ow::drivers::idcard
