#pragma once

#include "camera/DocumentCamera.h"

#include <QList>
#include <QStringList>

namespace ow::devices {

/// What can be chosen in the device settings: serial ports, installed printers, cameras. Looked up
/// once when the panel opens (system()), or given by a test so the panel looks the same everywhere.
struct DeviceInventory
{
    QStringList serialPorts; ///< system locations, e.g. /dev/ttyUSB0, COM3
    QStringList printers; ///< QPrinterInfo names (on Linux, the CUPS queues)
    QString defaultPrinter;
    QList<drivers::camera::CameraDevice> cameras;

    static DeviceInventory system();
};

} // namespace ow::devices
