#pragma once

#include "receipt/ReceiptOptions.h"
#include "receipt/ReceiptSink.h"

#include <QObject>
#include <QThread>

class QImage;

namespace ow::drivers::receipt {

class ReceiptPrintWorker;

/// Prints receipt images on an ESC/POS printer without blocking the caller: the image is encoded
/// at once, the bytes go to the sink on the printer's own thread, and the end of every job comes
/// back as a queued signal — printed or printFailed, exactly one per job id.
class ReceiptPrinter : public QObject
{
    Q_OBJECT

public:
    explicit ReceiptPrinter(
        ReceiptSinkFactory factory, ReceiptOptions options = {}, QObject *parent = nullptr);
    /// Waits for the job being sent, if any.
    ~ReceiptPrinter() override;

    /// Queues a receipt and returns its job id. An image the paper cannot take fails through
    /// printFailed (InvalidImage) like any other job, so callers handle one path.
    int print(const QImage &receipt);
    /// Queues bytes already encoded (for tests and tools).
    int printRaw(const QByteArray &job);

    const ReceiptOptions &options() const { return m_options; }
    void setOptions(const ReceiptOptions &options) { m_options = options; }

Q_SIGNALS:
    void printed(int jobId);
    void printFailed(int jobId, ow::drivers::receipt::ReceiptStatus status, const QString &message);

private:
    void onFinished(int jobId, ReceiptStatus status, const QString &message);

    ReceiptOptions m_options;
    QThread m_thread;
    ReceiptPrintWorker *m_worker = nullptr;
    int m_nextJobId = 1;
};

} // namespace ow::drivers::receipt
