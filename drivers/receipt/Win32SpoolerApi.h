#pragma once

#include "receipt/SpoolerApi.h"

namespace ow::drivers::receipt {

/// SpoolerApi on winspool.drv. Windows builds only.
class Win32SpoolerApi : public SpoolerApi
{
public:
    bool openPrinter(const QString &printerName, Handle *printer) override;
    bool startRawDocument(Handle printer, const QString &documentName) override;
    bool startPage(Handle printer) override;
    bool write(Handle printer, const QByteArray &bytes, qint64 *written) override;
    bool endPage(Handle printer) override;
    bool endDocument(Handle printer) override;
    bool closePrinter(Handle printer) override;
    QString lastError() const override;
    bool lastErrorWasUnknownPrinter() const override;
    bool lastErrorWasAccessDenied() const override;

private:
    bool remember(bool succeeded);

    unsigned long m_lastError = 0;
};

} // namespace ow::drivers::receipt
