#include "receipt/DeviceFileSink.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace ow::drivers::receipt {

DeviceFileSink::DeviceFileSink(QString path)
    : m_path(std::move(path))
{
}

ReceiptSinkFactory DeviceFileSink::factory(const QString &path)
{
    return [path]() -> std::unique_ptr<ReceiptSink> { return std::make_unique<DeviceFileSink>(path); };
}

ReceiptOutcome DeviceFileSink::send(const QByteArray &job)
{
    QFile device(m_path);
    // Unbuffered: a printer that stops taking bytes must fail this write, not a later flush.
    if (!device.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        const QString detail = QStringLiteral("%1: %2").arg(description(), device.errorString());
        if (!QFileInfo::exists(m_path))
            return ReceiptOutcome::failure(ReceiptStatus::DeviceNotFound, detail);
        if (device.error() == QFileDevice::PermissionsError)
            return ReceiptOutcome::failure(ReceiptStatus::PermissionDenied, detail);
        return ReceiptOutcome::failure(ReceiptStatus::WriteFailed, detail);
    }
    qsizetype done = 0;
    while (done < job.size()) {
        const qint64 written = device.write(job.constData() + done, job.size() - done);
        if (written <= 0)
            return ReceiptOutcome::failure(ReceiptStatus::WriteFailed,
                QStringLiteral("%1: %2").arg(description(), device.errorString()));
        done += written;
    }
    device.close();
    return ReceiptOutcome::success();
}

QString DeviceFileSink::description() const
{
    return QCoreApplication::translate("ow::drivers::receipt", "device %1").arg(m_path);
}

} // namespace ow::drivers::receipt
