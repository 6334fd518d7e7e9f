#pragma once

#include "receipt/ReceiptSink.h"

#include <QObject>

namespace ow::drivers::receipt {

/// The half of ReceiptPrinter that lives on the printer's thread: makes the sink there and sends
/// each job through it, one after another.
class ReceiptPrintWorker : public QObject
{
    Q_OBJECT

public:
    explicit ReceiptPrintWorker(ReceiptSinkFactory factory);
    ~ReceiptPrintWorker() override;

    void send(int jobId, const QByteArray &job);
    /// Drops the sink on this thread before the thread ends.
    void shutdown();

Q_SIGNALS:
    void finished(int jobId, ow::drivers::receipt::ReceiptStatus status, const QString &message);

private:
    ReceiptSinkFactory m_factory;
    std::unique_ptr<ReceiptSink> m_sink;
};

} // namespace ow::drivers::receipt
