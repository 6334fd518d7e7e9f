#include "scanner/ScannerSettings.h"

#include "core/SettingsReader.h"
#include "scanner/SerialScanner.h"

#include <QCoreApplication>
#include <QSettings>

namespace ow::drivers::scanner {

Result<ScannerSettings> ScannerSettings::load(const QSettings &settings)
{
    ScannerSettings result;
    const QString mode = settings.value(QStringLiteral("scanner/mode")).toString().trimmed().toLower();
    if (mode == QStringLiteral("serial"))
        result.mode = Mode::Serial;
    else if (mode == QStringLiteral("none"))
        result.mode = Mode::None;
    else if (!mode.isEmpty() && mode != QStringLiteral("keyboard"))
        return SettingsReader::invalid(QStringLiteral("scanner/mode"), mode,
            QCoreApplication::translate("ow::drivers::scanner", "use keyboard, serial or none."));

    if (Result<void> read = SettingsReader::number(
            settings, QStringLiteral("scanner/minLength"), 1, 1000, result.wedge.minLength);
        !read)
        return failWith(read.error());
    if (Result<void> read = SettingsReader::number(
            settings, QStringLiteral("scanner/maxIntervalMs"), 5, 500, result.wedge.maxIntervalMs);
        !read)
        return failWith(read.error());
    if (Result<void> read = SettingsReader::number(
            settings, QStringLiteral("scanner/baudRate"), 1, 4000000, result.port.baudRate);
        !read)
        return failWith(read.error());
    result.port.portName = settings.value(QStringLiteral("scanner/port")).toString().trimmed();
    if (result.mode == Mode::Serial && result.port.portName.isEmpty())
        return SettingsReader::invalid(QStringLiteral("scanner/port"), QString(),
            QCoreApplication::translate(
                "ow::drivers::scanner", "a serial scanner needs a port, such as /dev/ttyACM0 or COM4."));
    return result;
}

std::unique_ptr<BarcodeScanner> ScannerSettings::create(QObject *parent) const
{
    switch (mode) {
    case Mode::Keyboard:
        return std::make_unique<KeyboardWedgeFilter>(wedge, Clock(), parent);
    case Mode::Serial:
        return std::make_unique<SerialScanner>(
            serial::SerialPort::factory(port), SerialScanner::kDefaultReconnectMs, parent);
    case Mode::None:
        break;
    }
    return nullptr;
}

} // namespace ow::drivers::scanner
