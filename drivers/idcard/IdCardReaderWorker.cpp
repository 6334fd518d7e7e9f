#include "idcard/IdCardReaderWorker.h"

namespace ow::drivers::idcard {

namespace {
/// How long one step may block waiting for a device to be plugged in.
constexpr int kPresenceWaitMs = 250;
} // namespace

IdCardReaderWorker::IdCardReaderWorker(IdCardTransportFactory factory, IdCardReaderOptions options)
    : m_factory(std::move(factory))
    , m_options(options)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdCardReaderWorker::step);
}

IdCardReaderWorker::~IdCardReaderWorker() = default;

void IdCardReaderWorker::start()
{
    m_running = true;
    m_phase = Phase::Closed;
    schedule(0);
}

void IdCardReaderWorker::shutdown()
{
    m_running = false;
    m_timer.stop();
    m_client.reset();
    m_transport.reset();
}

void IdCardReaderWorker::schedule(int delayMs)
{
    if (m_running)
        m_timer.start(delayMs);
}

void IdCardReaderWorker::step()
{
    if (!m_running)
        return;
    switch (m_phase) {
    case Phase::Closed:
        stepClosed();
        break;
    case Phase::PoweringUp:
        stepPoweringUp();
        break;
    case Phase::Polling:
        stepPolling();
        break;
    case Phase::AwaitingRemoval:
        stepAwaitingRemoval();
        break;
    }
}

void IdCardReaderWorker::stepClosed()
{
    if (!m_transport)
        m_transport = m_factory();
    if (!m_transport->waitForDevice(std::min(kPresenceWaitMs, m_options.reconnectIntervalMs))) {
        setLink(Link::Missing);
        report(tr("The ID card reader (%1) is not connected.").arg(m_transport->description()));
        schedule(0);
        return;
    }
    if (Result<void> opened = m_transport->open(); !opened) {
        setLink(opened.error().code() == Error::Code::NotFound ? Link::Missing : Link::Failed);
        report(opened.error().message());
        schedule(m_options.reconnectIntervalMs);
        return;
    }
    m_client = std::make_unique<SamClient>(*m_transport, m_options.timeouts);
    m_phase = Phase::PoweringUp;
    schedule(m_options.powerUpDelayMs);
}

void IdCardReaderWorker::stepPoweringUp()
{
    if (Result<void> sam = m_client->checkSam(); !sam) {
        report(sam.error().message());
        dropConnection(Link::Failed);
        return;
    }
    setLink(Link::Connected);
    m_lastMessage.clear();
    m_phase = Phase::Polling;
    schedule(0);
}

void IdCardReaderWorker::stepPolling()
{
    Result<std::optional<IdCardData>> card = m_client->readCard(m_options.withFingerprint);
    if (!card) {
        handleFailure(card.error());
        return;
    }
    if (*card) {
        m_lastMessage.clear();
        Q_EMIT cardRead(**card);
        // Some readers keep finding a card that stays in the field; report it once.
        m_phase = Phase::AwaitingRemoval;
    }
    schedule(m_options.pollIntervalMs);
}

void IdCardReaderWorker::stepAwaitingRemoval()
{
    Result<bool> present = m_client->findCard();
    if (!present) {
        handleFailure(present.error());
        return;
    }
    if (!*present)
        m_phase = Phase::Polling;
    schedule(m_options.pollIntervalMs);
}

void IdCardReaderWorker::handleFailure(const Error &error)
{
    if (error.code() == Error::Code::Io) {
        report(error.message());
        dropConnection(Link::Failed);
        return;
    }
    // A damaged reply or a failed read: the reader is still there, but the card will not answer
    // find-card again until it has been lifted. Wait for that, so one placement gives one message.
    if (error.code() == Error::Code::Parse)
        report(tr("%1 Lift the card and place it on the reader again.").arg(error.message()));
    else
        report(error.message());
    m_phase = Phase::AwaitingRemoval;
    schedule(m_options.pollIntervalMs);
}

void IdCardReaderWorker::dropConnection(Link link)
{
    m_client.reset();
    if (m_transport)
        m_transport->close();
    m_phase = Phase::Closed;
    setLink(link);
    schedule(m_options.reconnectIntervalMs);
}

void IdCardReaderWorker::setLink(Link link)
{
    if (m_link == link)
        return;
    m_link = link;
    Q_EMIT linkChanged(link);
}

void IdCardReaderWorker::report(const QString &message)
{
    if (message == m_lastMessage)
        return;
    m_lastMessage = message;
    Q_EMIT readerError(message);
}

} // namespace ow::drivers::idcard
