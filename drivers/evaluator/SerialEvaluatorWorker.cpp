#include "evaluator/SerialEvaluatorWorker.h"

namespace ow::drivers::evaluator {

SerialEvaluatorWorker::SerialEvaluatorWorker(
    SerialLinkFactory factory, KeyMapping mapping, SerialEvaluatorOptions options)
    : m_factory(std::move(factory))
    , m_mapping(std::move(mapping))
    , m_options(std::move(options))
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SerialEvaluatorWorker::onTimeout);
}

SerialEvaluatorWorker::~SerialEvaluatorWorker() = default;

Result<void> SerialEvaluatorWorker::ensureOpen()
{
    if (m_link && m_link->isOpen())
        return {};
    if (!m_link) {
        m_link = m_factory();
        connect(m_link.get(), &SerialLink::received, this, &SerialEvaluatorWorker::onReceived);
        connect(m_link.get(), &SerialLink::lost, this, &SerialEvaluatorWorker::onLost);
    }
    return m_link->open();
}

void SerialEvaluatorWorker::begin(quint64 requestId)
{
    m_active.reset();
    m_timer.stop();
    if (Result<void> opened = ensureOpen(); !opened) {
        Q_EMIT failed(requestId, RatingFailure::DeviceUnavailable, opened.error().message());
        return;
    }
    m_link->discardInput();
    if (!m_options.prompt.isEmpty()) {
        if (Result<void> sent = m_link->write(m_options.prompt); !sent) {
            Q_EMIT failed(requestId, RatingFailure::DeviceUnavailable, sent.error().message());
            return;
        }
    }
    m_active = requestId;
    m_timer.start(m_options.timeoutMs);
}

void SerialEvaluatorWorker::end(quint64 requestId)
{
    if (m_active != requestId)
        return;
    m_active.reset();
    m_timer.stop();
}

void SerialEvaluatorWorker::shutdown()
{
    m_active.reset();
    m_timer.stop();
    m_link.reset();
}

void SerialEvaluatorWorker::onReceived(const QByteArray &bytes)
{
    if (!m_active)
        return; // keys pressed while nobody asked: not a rating of anything
    for (const char byte : bytes) {
        const std::optional<RatingLevel> level = m_mapping.levelFor(quint8(byte));
        if (!level)
            continue;
        const quint64 requestId = *m_active;
        m_active.reset();
        m_timer.stop();
        Q_EMIT rated(requestId, *level);
        return;
    }
}

void SerialEvaluatorWorker::onLost(const QString &message)
{
    m_timer.stop();
    if (const std::optional<quint64> requestId = std::exchange(m_active, std::nullopt))
        Q_EMIT failed(*requestId, RatingFailure::DeviceUnavailable, message);
}

void SerialEvaluatorWorker::onTimeout()
{
    if (const std::optional<quint64> requestId = std::exchange(m_active, std::nullopt))
        Q_EMIT failed(*requestId, RatingFailure::Timeout, describeRatingFailure(RatingFailure::Timeout));
}

} // namespace ow::drivers::evaluator
