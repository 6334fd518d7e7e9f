#pragma once

#include "core/Result.h"
#include "serial/SerialPortSettings.h"

#include <QByteArray>
#include <QIODevice>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

class QSerialPort;

namespace ow::drivers::serial {

/// One serial port, opened with SerialPortSettings: what the ID card reader, the evaluator pad and
/// the scanner share underneath their own framing. Every method is virtual so a test puts a fake in
/// its place. Errors carry the system's reason; each driver words the sentence around it. Lives on
/// the thread that uses it.
class SerialPort : public QObject
{
    Q_OBJECT

public:
    /// How the bytes that come reach the port's user.
    enum class Reading
    {
        Signals, ///< received() from the owning thread's event loop; lost() when the device goes
        Blocking, ///< read(), on a thread that waits on the port; a broken port fails the read
    };

    using Factory = std::function<std::unique_ptr<SerialPort>()>;

    explicit SerialPort(SerialPortSettings settings, QObject *parent = nullptr);
    ~SerialPort() override;

    /// Makes a port on the thread that calls the factory (QSerialPort stays on its thread).
    static Factory factory(const SerialPortSettings &settings);

    const SerialPortSettings &settings() const { return m_settings; }

    virtual Result<void> open(QIODevice::OpenMode mode, Reading reading);
    virtual void close();
    virtual bool isOpen() const;
    /// Sends all of `bytes` and waits up to `timeoutMs` for them to leave.
    virtual Result<void> write(const QByteArray &bytes, int timeoutMs);
    /// Waits up to `timeoutMs` for bytes and returns those that came, empty when none did. An error
    /// means the port broke (the device was unplugged), not that it was slow.
    virtual Result<QByteArray> read(int timeoutMs);
    /// Throws away whatever arrived but was not read yet.
    virtual void discardInput();
    /// Throws away whatever waits in either direction.
    virtual void discardAll();
    /// Whether the device is plugged in, checked without opening it.
    virtual bool deviceExists() const;

Q_SIGNALS:
    /// Bytes as they come (Reading::Signals).
    void received(const QByteArray &bytes);
    /// The port broke or went away (Reading::Signals); it is closed. `reason` is the system's.
    void lost(const QString &reason);

private:
    void onError();

    SerialPortSettings m_settings;
    QSerialPort *m_port = nullptr;
    Reading m_reading = Reading::Signals;
};

} // namespace ow::drivers::serial
