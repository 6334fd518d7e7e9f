#include "receipt/Win32SpoolerApi.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <string>
#include <windows.h>
#include <winspool.h>

namespace ow::drivers::receipt {

bool Win32SpoolerApi::remember(bool succeeded)
{
    m_lastError = succeeded ? 0 : ::GetLastError();
    return succeeded;
}

bool Win32SpoolerApi::openPrinter(const QString &printerName, Handle *printer)
{
    std::wstring name = printerName.toStdWString();
    HANDLE handle = nullptr;
    const bool opened = ::OpenPrinterW(name.data(), &handle, nullptr) != 0;
    *printer = opened ? handle : nullptr;
    return remember(opened);
}

bool Win32SpoolerApi::startRawDocument(Handle printer, const QString &documentName)
{
    std::wstring name = documentName.toStdWString();
    std::wstring dataType = L"RAW";
    DOC_INFO_1W info {};
    info.pDocName = name.data();
    info.pOutputFile = nullptr;
    info.pDatatype = dataType.data();
    return remember(
        ::StartDocPrinterW(static_cast<HANDLE>(printer), 1, reinterpret_cast<LPBYTE>(&info)) != 0);
}

bool Win32SpoolerApi::startPage(Handle printer)
{
    return remember(::StartPagePrinter(static_cast<HANDLE>(printer)) != 0);
}

bool Win32SpoolerApi::write(Handle printer, const QByteArray &bytes, qint64 *written)
{
    DWORD done = 0;
    const bool ok = ::WritePrinter(static_cast<HANDLE>(printer), const_cast<char *>(bytes.constData()),
                        DWORD(bytes.size()), &done)
        != 0;
    *written = qint64(done);
    return remember(ok);
}

bool Win32SpoolerApi::endPage(Handle printer)
{
    return remember(::EndPagePrinter(static_cast<HANDLE>(printer)) != 0);
}

bool Win32SpoolerApi::endDocument(Handle printer)
{
    return remember(::EndDocPrinter(static_cast<HANDLE>(printer)) != 0);
}

bool Win32SpoolerApi::closePrinter(Handle printer)
{
    return remember(::ClosePrinter(static_cast<HANDLE>(printer)) != 0);
}

QString Win32SpoolerApi::lastError() const
{
    wchar_t *buffer = nullptr;
    const DWORD length = ::FormatMessageW(
        FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
        DWORD(m_lastError), 0, reinterpret_cast<LPWSTR>(&buffer), 0, nullptr);
    const QString text = length > 0 ? QString::fromWCharArray(buffer, qsizetype(length)).trimmed()
                                    : QStringLiteral("Windows error %1").arg(m_lastError);
    if (buffer)
        ::LocalFree(buffer);
    return text;
}

bool Win32SpoolerApi::lastErrorWasUnknownPrinter() const
{
    return m_lastError == ERROR_INVALID_PRINTER_NAME;
}

bool Win32SpoolerApi::lastErrorWasAccessDenied() const
{
    return m_lastError == ERROR_ACCESS_DENIED;
}

} // namespace ow::drivers::receipt
