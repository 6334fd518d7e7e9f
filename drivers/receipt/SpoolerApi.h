#pragma once

#include <QByteArray>
#include <QString>

namespace ow::drivers::receipt {

/// The Windows spooler calls a raw print job needs, one virtual method each so SpoolerSink can be
/// tested on any system with a fake. Handles are the spooler's HANDLE, kept opaque here so no
/// header pulls in windows.h. Each call returns false on failure; lastError() then says why.
class SpoolerApi
{
public:
    using Handle = void *;

    virtual ~SpoolerApi() = default;

    virtual bool openPrinter(const QString &printerName, Handle *printer) = 0;
    /// StartDocPrinter at level 1 with the data type "RAW", so the driver passes bytes through.
    virtual bool startRawDocument(Handle printer, const QString &documentName) = 0;
    virtual bool startPage(Handle printer) = 0;
    virtual bool write(Handle printer, const QByteArray &bytes, qint64 *written) = 0;
    virtual bool endPage(Handle printer) = 0;
    virtual bool endDocument(Handle printer) = 0;
    virtual bool closePrinter(Handle printer) = 0;
    /// The system's sentence for the last failure on this thread.
    virtual QString lastError() const = 0;
    /// True when the last failure was "no such printer" (ERROR_INVALID_PRINTER_NAME).
    virtual bool lastErrorWasUnknownPrinter() const = 0;
    /// True when the last failure was ERROR_ACCESS_DENIED.
    virtual bool lastErrorWasAccessDenied() const = 0;
};

} // namespace ow::drivers::receipt
