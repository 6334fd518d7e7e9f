#include "receipt/ReceiptPrinter.h"

#include "receipt/EscPosEncoder.h"
#include "receipt/ReceiptPrintWorker.h"

#include <QImage>

namespace ow::drivers::receipt {

ReceiptPrinter::ReceiptPrinter(ReceiptSinkFactory factory, ReceiptOptions options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_thread.setObjectName(QStringLiteral("ReceiptPrinter"));
    m_worker = new ReceiptPrintWorker(std::move(factory));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &ReceiptPrintWorker::finished, this, &ReceiptPrinter::onFinished, Qt::QueuedConnection);
    m_thread.start();
}

ReceiptPrinter::~ReceiptPrinter()
{
    QMetaObject::invokeMethod(m_worker, &ReceiptPrintWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

int ReceiptPrinter::print(const QImage &receipt)
{
    const Result<QByteArray> job = EscPosEncoder::encodeReceipt(receipt, m_options);
    if (job)
        return printRaw(*job);
    const int jobId = m_nextJobId++;
    const QString message = QStringLiteral("%1 %2").arg(
        ReceiptOutcome::describe(ReceiptStatus::InvalidImage), job.error().message());
    QMetaObject::invokeMethod(
        this, [this, jobId, message] { Q_EMIT printFailed(jobId, ReceiptStatus::InvalidImage, message); },
        Qt::QueuedConnection);
    return jobId;
}

int ReceiptPrinter::printRaw(const QByteArray &job)
{
    const int jobId = m_nextJobId++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, jobId, job] { worker->send(jobId, job); }, Qt::QueuedConnection);
    return jobId;
}

void ReceiptPrinter::onFinished(int jobId, ReceiptStatus status, const QString &message)
{
    if (status == ReceiptStatus::Ok)
        Q_EMIT printed(jobId);
    else
        Q_EMIT printFailed(jobId, status, message);
}

} // namespace ow::drivers::receipt
