#pragma once

#include "receipt/EscPosDecoder.h"
#include "receipt/ReceiptSink.h"

#include <QMutex>
#include <memory>
#include <optional>

namespace ow::drivers::receipt {

/// The jobs a simulated printer has received, shared between the sinks it hands out (which run on
/// the printer's thread) and the test or demo that looks at them.
class ReceiptSimulator
{
public:
    QList<QByteArray> jobs() const;
    /// Every job played back onto paper; a job that is not valid ESC/POS gives an error.
    Result<QList<PrintedReceipt>> receipts(PaperWidth paper = PaperWidth::Mm80) const;
    void clear();

    /// Makes the next job fail with `status`, as a printer out of paper or unplugged would.
    void failNextJob(ReceiptStatus status);

    /// A sink delivering to this simulator; the simulator must outlive it.
    ReceiptSinkFactory factory();

    /// What a sink does with a job; used by the sinks, public for callers that want no thread.
    ReceiptOutcome receive(const QByteArray &job);

private:
    mutable QMutex m_mutex;
    QList<QByteArray> m_jobs;
    std::optional<ReceiptStatus> m_nextFailure;
};

} // namespace ow::drivers::receipt
