#include "receipt/SpoolerSink.h"

#ifdef Q_OS_WIN
#include "receipt/Win32SpoolerApi.h"
#endif

#include <QCoreApplication>

namespace ow::drivers::receipt {

namespace {

/// What a build without the spooler gives: every job fails with Unsupported.
class UnavailableSink : public ReceiptSink
{
public:
    explicit UnavailableSink(QString printerName)
        : m_printerName(std::move(printerName))
    {
    }
    ReceiptOutcome send(const QByteArray &) override
    {
        return ReceiptOutcome::failure(ReceiptStatus::Unsupported, description());
    }
    QString description() const override
    {
        return QCoreApplication::translate("ow::drivers::receipt", "Windows printer %1").arg(m_printerName);
    }

private:
    QString m_printerName;
};

} // namespace

SpoolerSink::SpoolerSink(QString printerName, std::unique_ptr<SpoolerApi> api)
    : m_printerName(std::move(printerName))
    , m_api(std::move(api))
{
}

bool SpoolerSink::isAvailable()
{
#ifdef Q_OS_WIN
    return true;
#else
    return false;
#endif
}

ReceiptSinkFactory SpoolerSink::factory(const QString &printerName)
{
    return [printerName]() -> std::unique_ptr<ReceiptSink> {
#ifdef Q_OS_WIN
        return std::make_unique<SpoolerSink>(printerName, std::make_unique<Win32SpoolerApi>());
#else
        return std::make_unique<UnavailableSink>(printerName);
#endif
    };
}

ReceiptOutcome SpoolerSink::failure(ReceiptStatus status) const
{
    return ReceiptOutcome::failure(status, QStringLiteral("%1: %2").arg(description(), m_api->lastError()));
}

ReceiptOutcome SpoolerSink::send(const QByteArray &job)
{
    SpoolerApi::Handle printer = nullptr;
    if (!m_api->openPrinter(m_printerName, &printer)) {
        const ReceiptStatus status = m_api->lastErrorWasUnknownPrinter() ? ReceiptStatus::DeviceNotFound
            : m_api->lastErrorWasAccessDenied()                          ? ReceiptStatus::PermissionDenied
                                                                         : ReceiptStatus::Rejected;
        return failure(status);
    }
    ReceiptOutcome outcome = ReceiptOutcome::success();
    if (!m_api->startRawDocument(
            printer, QCoreApplication::translate("ow::drivers::receipt", "OneWindow receipt"))) {
        outcome = failure(
            m_api->lastErrorWasAccessDenied() ? ReceiptStatus::PermissionDenied : ReceiptStatus::Rejected);
        m_api->closePrinter(printer);
        return outcome;
    }
    if (!m_api->startPage(printer)) {
        outcome = failure(ReceiptStatus::Rejected);
    } else {
        qint64 written = 0;
        if (!m_api->write(printer, job, &written))
            outcome = failure(ReceiptStatus::WriteFailed);
        else if (written != job.size())
            outcome = ReceiptOutcome::failure(ReceiptStatus::WriteFailed,
                QCoreApplication::translate("ow::drivers::receipt", "%1 took %2 of %3 bytes")
                    .arg(description())
                    .arg(written)
                    .arg(job.size()));
        // The page and document are ended even after a failed write, or the job blocks the queue.
        if (!m_api->endPage(printer) && outcome.ok())
            outcome = failure(ReceiptStatus::WriteFailed);
    }
    if (!m_api->endDocument(printer) && outcome.ok())
        outcome = failure(ReceiptStatus::WriteFailed);
    m_api->closePrinter(printer);
    return outcome;
}

QString SpoolerSink::description() const
{
    return QCoreApplication::translate("ow::drivers::receipt", "Windows printer %1").arg(m_printerName);
}

} // namespace ow::drivers::receipt
