#pragma once

#include "core/Result.h"
#include "receipt/ReceiptOptions.h"
#include "receipt/ReceiptSink.h"

class QSettings;

namespace ow::drivers::receipt {

class ReceiptSimulator;

/// The receipt printer as configured under the settings group "receipt" (keys in
/// docs/hardware.md): which sink, where it is, and how jobs are laid out.
struct ReceiptSettings
{
    enum class Connection
    {
        None, ///< no receipt printer at this counter
        Device, ///< receipt/device, e.g. /dev/usb/lp0
        Cups, ///< receipt/queue, a raw CUPS queue
        Spooler, ///< receipt/printer, a Windows printer name
        Simulator, ///< in-process, for demos
    };

    Connection connection = Connection::None;
    QString device = QStringLiteral("/dev/usb/lp0");
    QString queue;
    QString printer;
    ReceiptOptions options;

    /// Reads the keys under "receipt/"; missing keys keep their defaults, wrong values are errors
    /// that name the key.
    static Result<ReceiptSettings> load(const QSettings &settings);

    /// The sink for the configured connection; nullptr-returning factory for None. `simulator` is
    /// used for Connection::Simulator and must outlive the sinks.
    ReceiptSinkFactory sinkFactory(ReceiptSimulator *simulator = nullptr) const;
};

} // namespace ow::drivers::receipt
