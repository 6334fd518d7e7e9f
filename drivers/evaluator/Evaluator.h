#pragma once

#include "evaluator/Rating.h"

#include <QObject>

namespace ow::drivers::evaluator {

/// An evaluator (评价器): asks the applicant to rate the service of one case and reports the answer,
/// keyed to the case number. Backends: a serial key pad (SerialEvaluator), a window on a screen
/// facing the applicant (OnScreenEvaluator) and a simulator. Lives on the GUI thread; backends that
/// do I/O do it on their own thread and answer through queued signals.
///
/// Every request ends with exactly one ratingReceived or ratingFailed carrying its case number. A
/// request made while another is open cancels the older one first (ratingFailed, Cancelled).
class Evaluator : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void requestRating(
        const QString &caseNumber, const QString &clerkName, const QString &clerkNumber)
        = 0;
    /// Withdraws the open request, if any (ratingFailed, Cancelled).
    virtual void cancel() = 0;
    /// The case whose rating is awaited, empty when none is.
    virtual QString pendingCase() const = 0;

Q_SIGNALS:
    void ratingReceived(const QString &caseNumber, ow::drivers::evaluator::Rating rating);
    void ratingFailed(
        const QString &caseNumber, ow::drivers::evaluator::RatingFailure failure, const QString &message);
};

} // namespace ow::drivers::evaluator
