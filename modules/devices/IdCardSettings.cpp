#include "devices/IdCardSettings.h"

#include "core/SettingsReader.h"
#include "idcard/UsbBulkTransport.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace ow::devices {

using drivers::idcard::UsbDeviceId;

namespace {

QString connectionName(IdCardSettings::Connection connection)
{
    switch (connection) {
    case IdCardSettings::Connection::Serial:
        return QStringLiteral("serial");
    case IdCardSettings::Connection::Usb:
        return QStringLiteral("usb");
    case IdCardSettings::Connection::Simulator:
        return QStringLiteral("simulator");
    case IdCardSettings::Connection::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace

IdCardSettings::IdCardSettings()
    : usbIds(drivers::idcard::UsbBulkTransport::defaultDeviceIds())
{
}

Result<IdCardSettings> IdCardSettings::load(const QSettings &settings)
{
    IdCardSettings result;
    const auto text
        = [&settings](const char *key) { return settings.value(QLatin1String(key)).toString().trimmed(); };

    if (const QString connection = text("idcard/connection").toLower(); !connection.isEmpty()) {
        if (connection == QStringLiteral("none"))
            result.connection = Connection::None;
        else if (connection == QStringLiteral("serial"))
            result.connection = Connection::Serial;
        else if (connection == QStringLiteral("usb"))
            result.connection = Connection::Usb;
        else if (connection == QStringLiteral("simulator"))
            result.connection = Connection::Simulator;
        else
            return SettingsReader::invalid(QStringLiteral("idcard/connection"), connection,
                QCoreApplication::translate("ow::devices", "use none, serial, usb or simulator."));
    }
    result.port = text("idcard/port");
    if (const QString baud = text("idcard/baudRate"); !baud.isEmpty()) {
        bool ok = false;
        result.baudRate = baud.toInt(&ok);
        if (!ok || result.baudRate <= 0)
            return SettingsReader::invalid(QStringLiteral("idcard/baudRate"), baud,
                QCoreApplication::translate("ow::devices", "use a positive whole number such as 115200."));
    }
    if (const QString ids = text("idcard/usbIds"); !ids.isEmpty()) {
        Result<QList<UsbDeviceId>> parsed = parseUsbIds(ids);
        if (!parsed)
            return SettingsReader::invalid(QStringLiteral("idcard/usbIds"), ids, parsed.error().message());
        result.usbIds = *parsed;
    }
    if (const QString fingerprint = text("idcard/fingerprint").toLower(); !fingerprint.isEmpty()) {
        if (fingerprint != QStringLiteral("true") && fingerprint != QStringLiteral("false"))
            return SettingsReader::invalid(QStringLiteral("idcard/fingerprint"), fingerprint,
                QCoreApplication::translate("ow::devices", "use true or false."));
        result.withFingerprint = fingerprint == QStringLiteral("true");
    }
    if (const QString delay = text("idcard/powerUpDelayMs"); !delay.isEmpty()) {
        bool ok = false;
        result.powerUpDelayMs = delay.toInt(&ok);
        if (!ok || result.powerUpDelayMs < 0 || result.powerUpDelayMs > 10000)
            return SettingsReader::invalid(QStringLiteral("idcard/powerUpDelayMs"), delay,
                QCoreApplication::translate("ow::devices", "use a number of milliseconds from 0 to 10000."));
    }
    if (result.connection == Connection::Serial && result.port.isEmpty())
        return SettingsReader::invalid(QStringLiteral("idcard/port"), QString(),
            QCoreApplication::translate(
                "ow::devices", "a serial reader needs a port, such as /dev/ttyUSB0 or COM3."));
    if (result.connection == Connection::Usb && result.usbIds.isEmpty())
        return SettingsReader::invalid(QStringLiteral("idcard/usbIds"), QString(),
            QCoreApplication::translate("ow::devices", "a USB reader needs at least one VID:PID."));
    return result;
}

void IdCardSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("idcard/connection"), connectionName(connection));
    settings.setValue(QStringLiteral("idcard/port"), port);
    settings.setValue(QStringLiteral("idcard/baudRate"), QString::number(baudRate));
    settings.setValue(QStringLiteral("idcard/usbIds"), usbIdsText(usbIds));
    settings.setValue(QStringLiteral("idcard/fingerprint"),
        withFingerprint ? QStringLiteral("true") : QStringLiteral("false"));
    settings.setValue(QStringLiteral("idcard/powerUpDelayMs"), QString::number(powerUpDelayMs));
}

QString IdCardSettings::usbIdsText(const QList<UsbDeviceId> &ids)
{
    QStringList parts;
    for (const UsbDeviceId &id : ids)
        parts.append(id.toString());
    return parts.join(QLatin1Char(' '));
}

Result<QList<UsbDeviceId>> IdCardSettings::parseUsbIds(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QList<UsbDeviceId> ids;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const std::optional<UsbDeviceId> id = UsbDeviceId::parse(part);
        if (!id)
            return fail(Error::Code::Invalid,
                QCoreApplication::translate(
                    "ow::devices", "'%1' is not a USB id; write VID:PID such as 0400:C35A.")
                    .arg(part));
        if (!ids.contains(*id))
            ids.append(*id);
    }
    return ids;
}

drivers::idcard::IdCardReaderOptions IdCardSettings::readerOptions() const
{
    drivers::idcard::IdCardReaderOptions options;
    options.withFingerprint = withFingerprint;
    // The simulator has no SAM to power up and answers at once; polling it fast keeps demos brisk.
    options.powerUpDelayMs = connection == Connection::Simulator ? 0 : powerUpDelayMs;
    if (connection == Connection::Simulator) {
        options.pollIntervalMs = 100;
        options.reconnectIntervalMs = 200;
    }
    return options;
}

} // namespace ow::devices
