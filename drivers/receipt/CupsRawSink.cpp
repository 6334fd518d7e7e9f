#include "receipt/CupsRawSink.h"

#include <QCoreApplication>

namespace ow::drivers::receipt {

CupsRawSink::CupsRawSink(QString queue, std::unique_ptr<ProcessRunner> runner, int timeoutMs)
    : m_queue(std::move(queue))
    , m_runner(runner ? std::move(runner) : std::make_unique<QProcessRunner>())
    , m_timeoutMs(timeoutMs)
{
}

ReceiptSinkFactory CupsRawSink::factory(const QString &queue)
{
    return [queue]() -> std::unique_ptr<ReceiptSink> { return std::make_unique<CupsRawSink>(queue); };
}

QStringList CupsRawSink::arguments() const
{
    return {QStringLiteral("-d"), m_queue, QStringLiteral("-o"), QStringLiteral("raw")};
}

ReceiptOutcome CupsRawSink::send(const QByteArray &job)
{
    if (m_queue.isEmpty())
        return ReceiptOutcome::failure(ReceiptStatus::DeviceNotFound,
            QCoreApplication::translate("ow::drivers::receipt", "no CUPS queue is configured"));
    const ProcessOutcome result = m_runner->run(QStringLiteral("lp"), arguments(), job, m_timeoutMs);
    const QString said = QString::fromLocal8Bit(result.standardError).trimmed();
    switch (result.status) {
    case ProcessOutcome::Status::FailedToStart:
        return ReceiptOutcome::failure(ReceiptStatus::Unsupported,
            QCoreApplication::translate("ow::drivers::receipt", "the program lp could not be started: %1")
                .arg(said));
    case ProcessOutcome::Status::TimedOut:
        return ReceiptOutcome::failure(ReceiptStatus::Timeout, description());
    case ProcessOutcome::Status::Crashed:
        return ReceiptOutcome::failure(
            ReceiptStatus::Rejected, QCoreApplication::translate("ow::drivers::receipt", "lp crashed"));
    case ProcessOutcome::Status::Finished:
        break;
    }
    if (result.exitCode == 0)
        return ReceiptOutcome::success();
    // lp says "lp: The printer or class does not exist." for an unknown queue; its wording is
    // translated and varies between CUPS versions, so only the common English text is recognised.
    const ReceiptStatus status = said.contains(QStringLiteral("does not exist"), Qt::CaseInsensitive)
        ? ReceiptStatus::DeviceNotFound
        : ReceiptStatus::Rejected;
    return ReceiptOutcome::failure(status, QStringLiteral("%1: %2").arg(description(), said));
}

QString CupsRawSink::description() const
{
    return QCoreApplication::translate("ow::drivers::receipt", "CUPS queue %1").arg(m_queue);
}

} // namespace ow::drivers::receipt
