#include "evaluator/Rating.h"

#include <QCoreApplication>

namespace ow::drivers::evaluator {

std::optional<Rating> Rating::fromValue(int value)
{
    if (value < 1 || value > 5)
        return std::nullopt;
    return Rating(RatingLevel(value));
}

QString Rating::label() const
{
    switch (m_level) {
    case RatingLevel::VerySatisfied:
        return QCoreApplication::translate("ow::drivers::evaluator", "Very satisfied");
    case RatingLevel::Satisfied:
        return QCoreApplication::translate("ow::drivers::evaluator", "Satisfied");
    case RatingLevel::FairlySatisfied:
        return QCoreApplication::translate("ow::drivers::evaluator", "Fairly satisfied");
    case RatingLevel::Dissatisfied:
        return QCoreApplication::translate("ow::drivers::evaluator", "Dissatisfied");
    case RatingLevel::VeryDissatisfied:
        return QCoreApplication::translate("ow::drivers::evaluator", "Very dissatisfied");
    }
    return {};
}

QString Rating::standardName() const
{
    switch (m_level) {
    case RatingLevel::VerySatisfied:
        return QStringLiteral("非常满意");
    case RatingLevel::Satisfied:
        return QStringLiteral("满意");
    case RatingLevel::FairlySatisfied:
        return QStringLiteral("基本满意");
    case RatingLevel::Dissatisfied:
        return QStringLiteral("不满意");
    case RatingLevel::VeryDissatisfied:
        return QStringLiteral("非常不满意");
    }
    return {};
}

QString describeRatingFailure(RatingFailure failure)
{
    switch (failure) {
    case RatingFailure::Timeout:
        return QCoreApplication::translate(
            "ow::drivers::evaluator", "The applicant did not rate the service in time.");
    case RatingFailure::Cancelled:
        return QCoreApplication::translate("ow::drivers::evaluator", "The rating request was cancelled.");
    case RatingFailure::DeviceUnavailable:
        return QCoreApplication::translate("ow::drivers::evaluator", "The evaluator pad is not available.");
    }
    return {};
}

} // namespace ow::drivers::evaluator
