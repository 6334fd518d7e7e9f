#pragma once

#include "devices/DeviceChannel.h"
#include "evaluator/Evaluator.h"
#include "evaluator/EvaluatorSettings.h"

#include <memory>

namespace ow::devices {

/// The evaluator pad (评价器). Passes on the ratings of real cases; its own test request, under a
/// case number no real case has, never reaches them.
/// Test: ask for a rating and wait for the answer (or the pad's timeout).
class EvaluatorChannel : public DeviceChannel
{
    Q_OBJECT

public:
    /// The case number of the test request.
    static QString testCaseNumber();

    explicit EvaluatorChannel(
        const drivers::evaluator::EvaluatorSettings &settings, QObject *parent = nullptr);
    ~EvaluatorChannel() override;

    /// nullptr when none is configured. An OnScreenEvaluator needs its window (EvaluatorPadWindow).
    drivers::evaluator::Evaluator *evaluator() const { return m_evaluator.get(); }
    void requestRating(const QString &caseNumber, const QString &clerkName, const QString &clerkNumber);

Q_SIGNALS:
    void ratingGiven(const QString &caseNumber, ow::drivers::evaluator::Rating rating);
    void ratingFailed(
        const QString &caseNumber, ow::drivers::evaluator::RatingFailure failure, const QString &message);

protected:
    void startTest() override;
    void testTimedOut() override;

private:
    void onRating(const QString &caseNumber, drivers::evaluator::Rating rating);
    void onFailure(
        const QString &caseNumber, drivers::evaluator::RatingFailure failure, const QString &message);

    std::unique_ptr<drivers::evaluator::Evaluator> m_evaluator;
    int m_timeoutMs = 0;
};

} // namespace ow::devices
