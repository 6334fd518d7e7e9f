#pragma once

#include "devices/DeviceChannel.h"
#include "receipt/ReceiptPrinter.h"
#include "receipt/ReceiptSettings.h"
#include "receipt/ReceiptSimulator.h"

#include <memory>

namespace ow::devices {

/// The thermal receipt printer. Its state is known only from the last job (a printer on a CUPS queue
/// or a device file cannot be asked), except that a missing device file is reported at once.
/// Test: print TestReceipt.
class ReceiptChannel : public DeviceChannel
{
    Q_OBJECT

public:
    static constexpr int kTestTimeoutMs = 30000;

    explicit ReceiptChannel(const drivers::receipt::ReceiptSettings &settings, QObject *parent = nullptr);
    ~ReceiptChannel() override;

    /// Queues a receipt image at the printer's dots; the job id, or -1 without a printer.
    int print(const QImage &receipt);
    /// The printer, nullptr when none is configured.
    drivers::receipt::ReceiptPrinter *printer() const { return m_printer.get(); }
    /// The simulated printer's paper, when the connection is Simulator.
    drivers::receipt::ReceiptSimulator *simulator() const { return m_simulator.get(); }

protected:
    void startTest() override;
    QString timeoutMessage() const override;

private:
    void onPrinted(int jobId);
    void onPrintFailed(int jobId, drivers::receipt::ReceiptStatus status, const QString &message);

    // Declared before the printer, whose thread sends to the simulator until the printer is gone.
    std::unique_ptr<drivers::receipt::ReceiptSimulator> m_simulator;
    std::unique_ptr<drivers::receipt::ReceiptPrinter> m_printer;
    int m_testJob = 0;
};

} // namespace ow::devices
