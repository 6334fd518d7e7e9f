#include "receipt/ReceiptSimulator.h"

#include <QCoreApplication>

namespace ow::drivers::receipt {

namespace {

class SimulatorSink : public ReceiptSink
{
public:
    explicit SimulatorSink(ReceiptSimulator &simulator)
        : m_simulator(simulator)
    {
    }
    ReceiptOutcome send(const QByteArray &job) override { return m_simulator.receive(job); }
    QString description() const override
    {
        return QCoreApplication::translate("ow::drivers::receipt", "simulated receipt printer");
    }

private:
    ReceiptSimulator &m_simulator;
};

} // namespace

QList<QByteArray> ReceiptSimulator::jobs() const
{
    const QMutexLocker lock(&m_mutex);
    return m_jobs;
}

Result<QList<PrintedReceipt>> ReceiptSimulator::receipts(PaperWidth paper) const
{
    QList<PrintedReceipt> all;
    for (const QByteArray &job : jobs()) {
        Result<QList<PrintedReceipt>> decoded = EscPosDecoder::decode(job, paper);
        if (!decoded)
            return failWith(decoded.error());
        all.append(*decoded);
    }
    return all;
}

void ReceiptSimulator::clear()
{
    const QMutexLocker lock(&m_mutex);
    m_jobs.clear();
    m_nextFailure.reset();
}

void ReceiptSimulator::failNextJob(ReceiptStatus status)
{
    const QMutexLocker lock(&m_mutex);
    m_nextFailure = status;
}

ReceiptSinkFactory ReceiptSimulator::factory()
{
    return [this]() -> std::unique_ptr<ReceiptSink> { return std::make_unique<SimulatorSink>(*this); };
}

ReceiptOutcome ReceiptSimulator::receive(const QByteArray &job)
{
    const QMutexLocker lock(&m_mutex);
    if (m_nextFailure) {
        const ReceiptStatus status = *m_nextFailure;
        m_nextFailure.reset();
        return ReceiptOutcome::failure(
            status, QCoreApplication::translate("ow::drivers::receipt", "simulated receipt printer"));
    }
    m_jobs.append(job);
    return ReceiptOutcome::success();
}

} // namespace ow::drivers::receipt
