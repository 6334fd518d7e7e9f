#pragma once

#include "evaluator/Evaluator.h"

#include <QTimer>
#include <optional>
#include <variant>

namespace ow::drivers::evaluator {

/// An evaluator in this process for demos and tests of the code that uses one: answers every
/// request after a delay with the configured rating or failure.
class EvaluatorSimulator : public Evaluator
{
    Q_OBJECT

public:
    using Answer = std::variant<RatingLevel, RatingFailure>;

    explicit EvaluatorSimulator(
        Answer answer = RatingLevel::VerySatisfied, int delayMs = 1500, QObject *parent = nullptr);

    void setAnswer(Answer answer) { m_answer = answer; }
    void setDelay(int delayMs) { m_delay.setInterval(delayMs); }

    void requestRating(
        const QString &caseNumber, const QString &clerkName, const QString &clerkNumber) override;
    void cancel() override;
    QString pendingCase() const override { return m_caseNumber.value_or(QString()); }

private:
    void answer();

    Answer m_answer;
    QTimer m_delay;
    std::optional<QString> m_caseNumber; ///< set while a request is open
};

} // namespace ow::drivers::evaluator
