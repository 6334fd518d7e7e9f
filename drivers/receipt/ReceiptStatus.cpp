#include "receipt/ReceiptStatus.h"

#include <QCoreApplication>

namespace ow::drivers::receipt {

ReceiptOutcome ReceiptOutcome::failure(ReceiptStatus status, const QString &detail)
{
    ReceiptOutcome outcome;
    outcome.m_status = status;
    outcome.m_message = detail.isEmpty()
        ? describe(status)
        : QCoreApplication::translate("ow::drivers::receipt", "%1 (%2)").arg(describe(status), detail);
    return outcome;
}

QString ReceiptOutcome::describe(ReceiptStatus status)
{
    switch (status) {
    case ReceiptStatus::Ok:
        return QCoreApplication::translate("ow::drivers::receipt", "The receipt was sent to the printer.");
    case ReceiptStatus::InvalidImage:
        return QCoreApplication::translate("ow::drivers::receipt",
            "The receipt could not be printed because its image is empty or wider than the paper.");
    case ReceiptStatus::DeviceNotFound:
        return QCoreApplication::translate("ow::drivers::receipt",
            "The receipt printer was not found. Check that it is switched on and connected.");
    case ReceiptStatus::PermissionDenied:
        return QCoreApplication::translate("ow::drivers::receipt",
            "This user may not use the receipt printer. Ask IT to grant access to the device.");
    case ReceiptStatus::WriteFailed:
        return QCoreApplication::translate("ow::drivers::receipt",
            "Sending the receipt to the printer failed. Check paper, cover and cable.");
    case ReceiptStatus::Timeout:
        return QCoreApplication::translate(
            "ow::drivers::receipt", "The print system did not answer in time.");
    case ReceiptStatus::Rejected:
        return QCoreApplication::translate("ow::drivers::receipt", "The print system refused the receipt.");
    case ReceiptStatus::Unsupported:
        return QCoreApplication::translate("ow::drivers::receipt",
            "This kind of receipt printer connection is not available on this computer.");
    }
    return {};
}

} // namespace ow::drivers::receipt
