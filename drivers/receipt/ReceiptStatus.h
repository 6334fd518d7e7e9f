#pragma once

#include <QString>

namespace ow::drivers::receipt {

/// How sending a receipt ended. Each failure has its own value so callers can react (offer another
/// printer, tell IT about permissions) without parsing messages.
enum class ReceiptStatus
{
    Ok,
    InvalidImage, ///< nothing to print, or wider than the paper
    DeviceNotFound, ///< the device file, queue or printer does not exist
    PermissionDenied, ///< it exists but this user may not write to it
    WriteFailed, ///< the device took part of the job or none of it
    Timeout, ///< the print system did not answer in time
    Rejected, ///< the print system refused the job (lp or the spooler said no)
    Unsupported, ///< this backend is not available in this build
};

/// A ReceiptStatus with the sentence to show: what failed and, where known, why.
class ReceiptOutcome
{
public:
    ReceiptOutcome() = default;
    static ReceiptOutcome success() { return {}; }
    /// `detail` names the device and the system's reason; it is appended to the generic sentence.
    static ReceiptOutcome failure(ReceiptStatus status, const QString &detail = {});

    bool ok() const { return m_status == ReceiptStatus::Ok; }
    ReceiptStatus status() const { return m_status; }
    const QString &message() const { return m_message; }

    /// The translated sentence for a status on its own.
    static QString describe(ReceiptStatus status);

private:
    ReceiptStatus m_status = ReceiptStatus::Ok;
    QString m_message;
};

} // namespace ow::drivers::receipt
