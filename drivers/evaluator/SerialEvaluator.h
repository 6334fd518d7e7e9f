#pragma once

#include "evaluator/Evaluator.h"
#include "evaluator/KeyMapping.h"
#include "evaluator/SerialEvaluatorWorker.h"
#include "serial/SerialPort.h"

#include <QThread>
#include <optional>

namespace ow::drivers::evaluator {

/// An evaluator key pad on a serial port (9600 8N1 by default). The port is opened on the first
/// request and kept open; keys pressed when no rating is asked for are ignored, and so are bytes
/// the KeyMapping does not know. The pad shows nothing, so the clerk's name and number are not sent.
class SerialEvaluator : public Evaluator
{
    Q_OBJECT

public:
    SerialEvaluator(serial::SerialPort::Factory factory, KeyMapping mapping,
        SerialEvaluatorOptions options = {}, QObject *parent = nullptr);
    /// Closes the port (waits for the pad's thread).
    ~SerialEvaluator() override;

    void requestRating(
        const QString &caseNumber, const QString &clerkName, const QString &clerkNumber) override;
    void cancel() override;
    QString pendingCase() const override;

private:
    struct Pending
    {
        quint64 id;
        QString caseNumber;
    };

    /// Takes the open request if it is `requestId`, so a late answer to a replaced request is dropped.
    std::optional<Pending> takePending(quint64 requestId);

    QThread m_thread;
    SerialEvaluatorWorker *m_worker = nullptr;
    std::optional<Pending> m_pending;
    quint64 m_nextId = 1;
};

} // namespace ow::drivers::evaluator
