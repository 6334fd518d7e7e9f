#pragma once

#include "core/Result.h"
#include "idcard/IdCardReaderOptions.h"
#include "idcard/UsbDevice.h"

#include <QList>
#include <QString>

class QSettings;

namespace ow::devices {

/// The ID card reader as configured under the settings group "idcard" (keys in docs/hardware.md).
/// The reader driver has no settings of its own; this is the one place that knows its keys.
struct IdCardSettings
{
    enum class Connection
    {
        None, ///< no reader at this counter
        Serial, ///< serial or USB-serial on idcard/port
        Usb, ///< USB vendor bulk, the first of idcard/usbIds that is plugged in
        Simulator, ///< in-process, with an obviously fictional card, for demos
    };

    Connection connection = Connection::None;
    QString port;
    qint32 baudRate = 115200;
    QList<drivers::idcard::UsbDeviceId> usbIds;
    bool withFingerprint = false;
    int powerUpDelayMs = 2000;

    IdCardSettings();

    /// Reads the keys under "idcard/"; missing keys keep their defaults, wrong values are errors that
    /// name the key.
    static Result<IdCardSettings> load(const QSettings &settings);
    void save(QSettings &settings) const;

    /// "0400:C35A 0316:5020".
    static QString usbIdsText(const QList<drivers::idcard::UsbDeviceId> &ids);
    /// Ids separated by spaces, commas or semicolons; an error names the first bad one.
    static Result<QList<drivers::idcard::UsbDeviceId>> parseUsbIds(const QString &text);

    /// The reader loop's options for these settings.
    drivers::idcard::IdCardReaderOptions readerOptions() const;

    friend bool operator==(const IdCardSettings &, const IdCardSettings &) = default;
};

} // namespace ow::devices
