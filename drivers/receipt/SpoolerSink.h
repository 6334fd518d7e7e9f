#pragma once

#include "receipt/ReceiptSink.h"
#include "receipt/SpoolerApi.h"

#include <memory>

namespace ow::drivers::receipt {

/// A receipt printer installed in Windows: the bytes go to the spooler as one RAW document
/// (OpenPrinter, StartDocPrinter, StartPagePrinter, WritePrinter, EndPagePrinter, EndDocPrinter).
/// The real calls exist only in Windows builds; elsewhere factory() gives a sink that says so.
class SpoolerSink : public ReceiptSink
{
public:
    SpoolerSink(QString printerName, std::unique_ptr<SpoolerApi> api);

    ReceiptOutcome send(const QByteArray &job) override;
    QString description() const override;

    /// A sink on the system spooler (Windows), or one that fails with Unsupported.
    static ReceiptSinkFactory factory(const QString &printerName);
    static bool isAvailable();

private:
    ReceiptOutcome failure(ReceiptStatus status) const;

    QString m_printerName;
    std::unique_ptr<SpoolerApi> m_api;
};

} // namespace ow::drivers::receipt
