#pragma once

#include "core/Result.h"
#include "scanner/BarcodeScanner.h"
#include "scanner/KeyboardWedgeFilter.h"
#include "serial/SerialPortSettings.h"

#include <memory>

class QSettings;

namespace ow::drivers::scanner {

/// The scanner as configured under the settings group "scanner" (keys in docs/hardware.md).
struct ScannerSettings
{
    enum class Mode
    {
        Keyboard, ///< a USB keyboard-wedge scanner (the default: how scanners come out of the box)
        Serial, ///< USB-CDC / RS-232 on scanner/port
        None, ///< no scanner; codes are typed or read by the camera
    };

    Mode mode = Mode::Keyboard;
    KeyboardWedgeOptions wedge;
    serial::SerialPortSettings port; ///< 8N1; only the name and baud rate are set

    /// Reads the keys under "scanner/"; missing keys keep their defaults, wrong values are errors
    /// that name the key.
    static Result<ScannerSettings> load(const QSettings &settings);

    /// The configured scanner, nullptr for Mode::None. Not started.
    std::unique_ptr<BarcodeScanner> create(QObject *parent = nullptr) const;
};

} // namespace ow::drivers::scanner
