#include "evaluator/SerialEvaluatorWorker.h"

#include <QCoreApplication>

namespace ow::drivers::evaluator {

namespace {
constexpr int kWriteTimeoutMs = 1000;
} // namespace

SerialEvaluatorWorker::SerialEvaluatorWorker(
    serial::SerialPort::Factory factory, KeyMapping mapping, SerialEvaluatorOptions options)
    : m_factory(std::move(factory))
    , m_mapping(std::move(mapping))
    , m_options(std::move(options))
    , m_timer(m_options.clock, this)
{
    connect(&m_timer, &ClockTimer::timeout, this, &SerialEvaluatorWorker::onTimeout);
}

SerialEvaluatorWorker::~SerialEvaluatorWorker() = default;

Result<void> SerialEvaluatorWorker::ensureOpen()
{
    if (m_port && m_port->isOpen())
        return {};
    if (!m_port) {
        m_port = m_factory();
        connect(m_port.get(), &serial::SerialPort::received, this, &SerialEvaluatorWorker::onReceived);
        connect(m_port.get(), &serial::SerialPort::lost, this, &SerialEvaluatorWorker::onLost);
    }
    if (Result<void> opened = m_port->open(QIODevice::ReadWrite, serial::SerialPort::Reading::Signals);
        !opened)
        return fail(Error::Code::Io,
            QCoreApplication::translate(
                "ow::drivers::evaluator", "The evaluator pad on %1 could not be opened: %2.")
                .arg(m_port->settings().portName, opened.error().message()));
    return {};
}

void SerialEvaluatorWorker::begin(quint64 requestId)
{
    m_active.reset();
    m_timer.stop();
    if (Result<void> opened = ensureOpen(); !opened) {
        Q_EMIT failed(requestId, RatingFailure::DeviceUnavailable, opened.error().message());
        return;
    }
    m_port->discardInput();
    if (!m_options.prompt.isEmpty()) {
        if (Result<void> sent = m_port->write(m_options.prompt, kWriteTimeoutMs); !sent) {
            Q_EMIT failed(requestId, RatingFailure::DeviceUnavailable,
                QCoreApplication::translate(
                    "ow::drivers::evaluator", "Sending to the evaluator pad on %1 failed: %2.")
                    .arg(m_port->settings().portName, sent.error().message()));
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
    m_port.reset();
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

void SerialEvaluatorWorker::onLost(const QString &reason)
{
    m_timer.stop();
    if (const std::optional<quint64> requestId = std::exchange(m_active, std::nullopt))
        Q_EMIT failed(*requestId, RatingFailure::DeviceUnavailable,
            QCoreApplication::translate(
                "ow::drivers::evaluator", "The connection to the evaluator pad on %1 was lost: %2.")
                .arg(m_port->settings().portName, reason));
}

void SerialEvaluatorWorker::onTimeout()
{
    if (const std::optional<quint64> requestId = std::exchange(m_active, std::nullopt))
        Q_EMIT failed(*requestId, RatingFailure::Timeout, describeRatingFailure(RatingFailure::Timeout));
}

} // namespace ow::drivers::evaluator
