#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace ow::server {

/// One SMS as the gateway gets it: the number and the finished text (docs/queue.md).
struct SmsMessage
{
    QString mobile;
    QString text;
};

/// What became of one send: accepted by the provider (with its message id when it gives one), or
/// the reason it was not.
struct SmsOutcome
{
    bool sent = false;
    QString messageId;
    QString error;
    /// Not sent as far as we know, but the request may have reached the provider (its answer was
    /// lost: a timeout, a connection closed after the request went out). Sending it again could
    /// reach the phone twice, so such a message is not retried.
    bool perhapsDelivered = false;
};

/// Where the queue's SMS go: a provider's HTTP interface (SmsHttpGateway) or a log file
/// (SmsSimulatorGateway). Sending never blocks the caller: `done` is called exactly once, on the
/// gateway's thread, when the outcome is known — possibly before send() returns.
class SmsGateway : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SmsOutcome &)>;

    using QObject::QObject;
    ~SmsGateway() override = default;

    virtual void send(const SmsMessage &message, Done done) = 0;
};

} // namespace ow::server
