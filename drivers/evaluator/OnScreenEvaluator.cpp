#include "evaluator/OnScreenEvaluator.h"

namespace ow::drivers::evaluator {

OnScreenEvaluator::OnScreenEvaluator(int timeoutMs, QObject *parent)
    : Evaluator(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finish(std::nullopt, RatingFailure::Timeout); });
}

void OnScreenEvaluator::requestRating(
    const QString &caseNumber, const QString &clerkName, const QString &clerkNumber)
{
    cancel();
    m_caseNumber = caseNumber;
    m_timeout.start();
    Q_EMIT showRequested(caseNumber, clerkName, clerkNumber);
}

void OnScreenEvaluator::cancel()
{
    finish(std::nullopt, RatingFailure::Cancelled);
}

void OnScreenEvaluator::submit(RatingLevel level)
{
    finish(Rating(level), RatingFailure::Cancelled);
}

void OnScreenEvaluator::finish(std::optional<Rating> rating, RatingFailure failure)
{
    if (!m_caseNumber)
        return;
    const QString caseNumber = *std::exchange(m_caseNumber, std::nullopt);
    m_timeout.stop();
    Q_EMIT hideRequested();
    if (rating)
        Q_EMIT ratingReceived(caseNumber, *rating);
    else
        Q_EMIT ratingFailed(caseNumber, failure, describeRatingFailure(failure));
}

} // namespace ow::drivers::evaluator
