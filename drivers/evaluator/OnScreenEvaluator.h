#pragma once

#include "evaluator/Evaluator.h"

#include <QTimer>
#include <optional>

namespace ow::drivers::evaluator {

/// An evaluator that is a window on a screen facing the applicant. This class holds the request and
/// its timeout; the window (in modules/ui) shows itself on showRequested, calls submit() with the
/// level the applicant touched, and hides on hideRequested.
class OnScreenEvaluator : public Evaluator
{
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 60000;

    explicit OnScreenEvaluator(int timeoutMs = kDefaultTimeoutMs, QObject *parent = nullptr);

    void requestRating(
        const QString &caseNumber, const QString &clerkName, const QString &clerkNumber) override;
    void cancel() override;
    QString pendingCase() const override { return m_caseNumber.value_or(QString()); }

    /// The applicant's choice; ignored when no rating is awaited (a late touch after a timeout).
    void submit(ow::drivers::evaluator::RatingLevel level);

Q_SIGNALS:
    /// Show the rating page for this case and clerk.
    void showRequested(const QString &caseNumber, const QString &clerkName, const QString &clerkNumber);
    /// The request is over (answered, cancelled or timed out): put the idle page back.
    void hideRequested();

private:
    void finish(std::optional<Rating> rating, RatingFailure failure);

    QTimer m_timeout;
    std::optional<QString> m_caseNumber; ///< set while a request is open
};

} // namespace ow::drivers::evaluator
