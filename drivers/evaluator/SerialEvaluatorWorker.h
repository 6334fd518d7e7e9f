#pragma once

#include "core/Clock.h"
#include "core/ClockTimer.h"
#include "evaluator/KeyMapping.h"
#include "serial/SerialPort.h"

#include <QObject>
#include <optional>

namespace ow::drivers::evaluator {

/// How SerialEvaluator talks to its pad.
struct SerialEvaluatorOptions
{
    int timeoutMs = 60000; ///< how long the applicant has to press a key
    Clock clock; ///< what the time limit is measured on
    /// Sent when a rating is requested, for pads that light up or beep on a command; empty (the
    /// default) for pads that just send a key whenever one is pressed.
    QByteArray prompt;
};

/// The half of SerialEvaluator on the pad's thread: owns the port, waits for a mapped key while a
/// request is open, and times the request out.
class SerialEvaluatorWorker : public QObject
{
    Q_OBJECT

public:
    SerialEvaluatorWorker(
        serial::SerialPort::Factory factory, KeyMapping mapping, SerialEvaluatorOptions options);
    ~SerialEvaluatorWorker() override;

    /// Opens the port if needed, forgets keys pressed before now and waits for one for `requestId`,
    /// replacing any request still open.
    void begin(quint64 requestId);
    /// Stops waiting for `requestId` (if it is the one open); nothing is reported for it.
    void end(quint64 requestId);
    /// Closes the port on this thread before it ends.
    void shutdown();

Q_SIGNALS:
    void rated(quint64 requestId, ow::drivers::evaluator::RatingLevel level);
    void failed(quint64 requestId, ow::drivers::evaluator::RatingFailure failure, const QString &message);

private:
    void onReceived(const QByteArray &bytes);
    void onLost(const QString &reason);
    void onTimeout();
    Result<void> ensureOpen();

    serial::SerialPort::Factory m_factory;
    KeyMapping m_mapping;
    SerialEvaluatorOptions m_options;
    std::unique_ptr<serial::SerialPort> m_port;
    ClockTimer m_timer;
    std::optional<quint64> m_active;
};

} // namespace ow::drivers::evaluator
