#include "receipt/ReceiptPrintWorker.h"

namespace ow::drivers::receipt {

ReceiptPrintWorker::ReceiptPrintWorker(ReceiptSinkFactory factory)
    : m_factory(std::move(factory))
{
}

ReceiptPrintWorker::~ReceiptPrintWorker() = default;

void ReceiptPrintWorker::send(int jobId, const QByteArray &job)
{
    if (!m_sink && m_factory)
        m_sink = m_factory();
    if (!m_sink) {
        const ReceiptOutcome none = ReceiptOutcome::failure(ReceiptStatus::Unsupported);
        Q_EMIT finished(jobId, none.status(), none.message());
        return;
    }
    const ReceiptOutcome outcome = m_sink->send(job);
    Q_EMIT finished(jobId, outcome.status(), outcome.message());
}

void ReceiptPrintWorker::shutdown()
{
    m_sink.reset();
}

} // namespace ow::drivers::receipt
