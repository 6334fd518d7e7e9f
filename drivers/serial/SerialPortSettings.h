#pragma once

#include "core/Result.h"

#include <QString>

namespace ow::drivers::serial {

/// Where a serial device is and how its port is set up: name, baud rate and frame. 9600 8N1 unless
/// a device says otherwise.
struct SerialPortSettings
{
    QString portName;
    qint32 baudRate = 9600;
    int dataBits = 8; ///< 5–8
    char parity = 'N'; ///< N, E, O, M (mark) or S (space)
    int stopBits = 1; ///< 1 or 2

    /// "8N1" and the like, for settings and messages.
    QString frame() const;
    /// Parses "8N1", "7E2" …; an error names the bad text.
    Result<void> setFrame(const QString &frame);
};

} // namespace ow::drivers::serial
