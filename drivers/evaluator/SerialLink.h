#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

namespace ow::drivers::evaluator {

/// How the pad's serial port is set up. 9600 8N1 is what the pads seen so far use.
struct SerialPortSettings
{
    QString portName;
    qint32 baudRate = 9600;
    int dataBits = 8; ///< 5–8
    char parity = 'N'; ///< N, E, O, M (mark) or S (space)
    int stopBits = 1; ///< 1 or 2

    /// "8N1" and the like, for settings and messages.
    QString frame() const;
    /// Parses "8N1", "7E2" …; an error names the bad text.
    Result<void> setFrame(const QString &frame);
};

/// A serial port as the evaluator uses it: open, write a prompt, drop stale input, and be told of
/// bytes as they come. An interface so tests drive SerialEvaluatorWorker with a fake; the real one
/// is QtSerialLink. Lives on the evaluator's thread.
class SerialLink : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual Result<void> open() = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    virtual Result<void> write(const QByteArray &bytes) = 0;
    /// Throws away whatever arrived but was not read yet (keys pressed before the request).
    virtual void discardInput() = 0;
    virtual QString description() const = 0;

Q_SIGNALS:
    void received(const QByteArray &bytes);
    /// The port broke or went away; it is closed.
    void lost(const QString &message);
};

using SerialLinkFactory = std::function<std::unique_ptr<SerialLink>()>;

} // namespace ow::drivers::evaluator
