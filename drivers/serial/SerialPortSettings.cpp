#include "serial/SerialPortSettings.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ow::drivers::serial {

QString SerialPortSettings::frame() const
{
    return QStringLiteral("%1%2%3").arg(dataBits).arg(QLatin1Char(parity)).arg(stopBits);
}

Result<void> SerialPortSettings::setFrame(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([5-8])([NEOMS])([12])$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return fail(Error::Code::Invalid,
            QCoreApplication::translate("ow::drivers::serial",
                "'%1' is not a serial frame: write data bits, parity and stop bits, for example 8N1.")
                .arg(text));
    dataBits = match.captured(1).toInt();
    parity = match.captured(2).toUpper().at(0).toLatin1();
    stopBits = match.captured(3).toInt();
    return {};
}

} // namespace ow::drivers::serial
