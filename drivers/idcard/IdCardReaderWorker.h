#pragma once

#include "idcard/IdCardData.h"
#include "idcard/IdCardReaderOptions.h"
#include "idcard/IdCardTransport.h"

#include <QObject>
#include <QTimer>

namespace ow::drivers::idcard {

/// The reading loop of IdCardReader, living on its thread: open → check SAM → find → select → read
/// → report → wait until the card has left → find again. Each step is one timer tick, so the
/// thread's event loop stays free to stop it.
class IdCardReaderWorker : public QObject
{
    Q_OBJECT

public:
    enum class Link
    {
        Connected,
        Missing,
        Failed
    };
    Q_ENUM(Link)

    IdCardReaderWorker(IdCardTransportFactory factory, IdCardReaderOptions options);
    ~IdCardReaderWorker() override;

    void start();
    /// Stops the loop and closes the device; called on the worker's thread before it ends.
    void shutdown();

Q_SIGNALS:
    void cardRead(const ow::drivers::idcard::IdCardData &card);
    void readerError(const QString &message);
    void linkChanged(ow::drivers::idcard::IdCardReaderWorker::Link link);

private:
    enum class Phase
    {
        Closed,
        PoweringUp,
        Polling,
        AwaitingRemoval
    };

    void step();
    void stepClosed();
    void stepPoweringUp();
    void stepPolling();
    void stepAwaitingRemoval();
    /// Reports the failure; a silent or vanished reader is closed and reopened later.
    void handleFailure(const Error &error);
    void dropConnection(Link link);
    void schedule(int delayMs);
    void setLink(Link link);
    /// Emits readerError unless the same message was the last one reported (a reader that stays
    /// unplugged would otherwise say so every second).
    void report(const QString &message);

    IdCardTransportFactory m_factory;
    IdCardReaderOptions m_options;
    std::unique_ptr<IdCardTransport> m_transport;
    std::unique_ptr<SamClient> m_client;
    QTimer m_timer;
    Phase m_phase = Phase::Closed;
    std::optional<Link> m_link;
    QString m_lastMessage;
    bool m_running = false;
};

} // namespace ow::drivers::idcard
