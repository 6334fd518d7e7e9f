#pragma once

#include "receipt/ProcessRunner.h"
#include "receipt/ReceiptSink.h"

#include <memory>

namespace ow::drivers::receipt {

/// A receipt printer behind a CUPS queue, sent as `lp -d QUEUE -o raw` so CUPS passes the ESC/POS
/// bytes through without filtering. The queue is usually a "Raw" printer set up by IT.
class CupsRawSink : public ReceiptSink
{
public:
    static constexpr int kDefaultTimeoutMs = 15000;

    /// Takes the runner; by default the real QProcess one.
    explicit CupsRawSink(
        QString queue, std::unique_ptr<ProcessRunner> runner = {}, int timeoutMs = kDefaultTimeoutMs);

    ReceiptOutcome send(const QByteArray &job) override;
    QString description() const override;

    /// The command line, for logs and tests.
    QStringList arguments() const;

    static ReceiptSinkFactory factory(const QString &queue);

private:
    QString m_queue;
    std::unique_ptr<ProcessRunner> m_runner;
    int m_timeoutMs;
};

} // namespace ow::drivers::receipt
