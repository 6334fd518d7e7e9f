#pragma once

#include "receipt/ReceiptStatus.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>

namespace ow::drivers::receipt {

/// Where finished ESC/POS bytes go: a device file, a CUPS raw queue, the Windows spooler or the
/// simulator. send() blocks, so it is only called on the printer's own thread.
class ReceiptSink
{
public:
    virtual ~ReceiptSink() = default;

    /// Delivers one whole job.
    virtual ReceiptOutcome send(const QByteArray &job) = 0;
    /// For messages: "device /dev/usb/lp0", "CUPS queue receipt".
    virtual QString description() const = 0;
};

/// Makes a sink on the thread that will use it (QProcess and spooler handles stay on theirs).
using ReceiptSinkFactory = std::function<std::unique_ptr<ReceiptSink>()>;

} // namespace ow::drivers::receipt
