#pragma once

#include <QObject>
#include <QString>

namespace ow::drivers::scanner {

/// A barcode / QR scanner: reports every code read. Backends: a USB keyboard-wedge scanner
/// (KeyboardWedgeFilter), a USB-CDC serial scanner (SerialScanner) and a simulator. Lives on the
/// GUI thread; backends that do I/O do it on their own thread and report through queued signals.
class BarcodeScanner : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void start() = 0;
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;

Q_SIGNALS:
    void codeScanned(const QString &code);
    /// Something the counter staff should know: the scanner is missing or went away.
    void scannerError(const QString &message);
};

} // namespace ow::drivers::scanner
