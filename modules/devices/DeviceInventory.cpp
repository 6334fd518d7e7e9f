#include "devices/DeviceInventory.h"

#include "camera/QtDocumentCamera.h"

#include <QPrinterInfo>
#include <QSerialPortInfo>

namespace ow::devices {

DeviceInventory DeviceInventory::system()
{
    DeviceInventory inventory;
    for (const QSerialPortInfo &port : QSerialPortInfo::availablePorts())
        inventory.serialPorts.append(port.systemLocation());
    inventory.printers = QPrinterInfo::availablePrinterNames();
    inventory.defaultPrinter = QPrinterInfo::defaultPrinterName();
    inventory.cameras = drivers::camera::QtDocumentCamera::availableDevices();
    return inventory;
}

} // namespace ow::devices
