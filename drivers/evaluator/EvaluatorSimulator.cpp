#include "evaluator/EvaluatorSimulator.h"

namespace ow::drivers::evaluator {

EvaluatorSimulator::EvaluatorSimulator(Answer answer, int delayMs, QObject *parent)
    : Evaluator(parent)
    , m_answer(answer)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(delayMs);
    connect(&m_delay, &QTimer::timeout, this, &EvaluatorSimulator::answer);
}

void EvaluatorSimulator::requestRating(const QString &caseNumber, const QString &, const QString &)
{
    cancel();
    m_caseNumber = caseNumber;
    m_delay.start();
}

void EvaluatorSimulator::cancel()
{
    if (!m_caseNumber)
        return;
    m_delay.stop();
    Q_EMIT ratingFailed(*std::exchange(m_caseNumber, std::nullopt), RatingFailure::Cancelled,
        describeRatingFailure(RatingFailure::Cancelled));
}

void EvaluatorSimulator::answer()
{
    if (!m_caseNumber)
        return;
    const QString caseNumber = *std::exchange(m_caseNumber, std::nullopt);
    if (const auto *level = std::get_if<RatingLevel>(&m_answer))
        Q_EMIT ratingReceived(caseNumber, Rating(*level));
    else {
        const RatingFailure failure = std::get<RatingFailure>(m_answer);
        Q_EMIT ratingFailed(caseNumber, failure, describeRatingFailure(failure));
    }
}

} // namespace ow::drivers::evaluator
