#include "evaluator/SerialEvaluator.h"

namespace ow::drivers::evaluator {

SerialEvaluator::SerialEvaluator(
    serial::SerialPort::Factory factory, KeyMapping mapping, SerialEvaluatorOptions options, QObject *parent)
    : Evaluator(parent)
{
    qRegisterMetaType<Rating>();
    m_thread.setObjectName(QStringLiteral("SerialEvaluator"));
    m_worker = new SerialEvaluatorWorker(std::move(factory), std::move(mapping), std::move(options));
    m_worker->moveToThread(&m_thread);
    connect(
        m_worker, &SerialEvaluatorWorker::rated, this,
        [this](quint64 requestId, RatingLevel level) {
            if (const std::optional<Pending> done = takePending(requestId))
                Q_EMIT ratingReceived(done->caseNumber, Rating(level));
        },
        Qt::QueuedConnection);
    connect(
        m_worker, &SerialEvaluatorWorker::failed, this,
        [this](quint64 requestId, RatingFailure failure, const QString &message) {
            if (const std::optional<Pending> done = takePending(requestId))
                Q_EMIT ratingFailed(done->caseNumber, failure, message);
        },
        Qt::QueuedConnection);
    m_thread.start();
}

SerialEvaluator::~SerialEvaluator()
{
    QMetaObject::invokeMethod(m_worker, &SerialEvaluatorWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void SerialEvaluator::requestRating(const QString &caseNumber, const QString &, const QString &)
{
    cancel();
    const quint64 id = m_nextId++;
    m_pending = Pending {id, caseNumber};
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id] { worker->begin(id); }, Qt::QueuedConnection);
}

void SerialEvaluator::cancel()
{
    if (!m_pending)
        return;
    const Pending old = *std::exchange(m_pending, std::nullopt);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id = old.id] { worker->end(id); }, Qt::QueuedConnection);
    Q_EMIT ratingFailed(
        old.caseNumber, RatingFailure::Cancelled, describeRatingFailure(RatingFailure::Cancelled));
}

QString SerialEvaluator::pendingCase() const
{
    return m_pending ? m_pending->caseNumber : QString();
}

std::optional<SerialEvaluator::Pending> SerialEvaluator::takePending(quint64 requestId)
{
    if (!m_pending || m_pending->id != requestId)
        return std::nullopt;
    return std::exchange(m_pending, std::nullopt);
}

} // namespace ow::drivers::evaluator
