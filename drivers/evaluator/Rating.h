#pragma once

#include <QMetaType>
#include <QString>
#include <optional>

namespace ow::drivers::evaluator {

/// The national five levels of the good/bad rating system (好差评), with their official values.
enum class RatingLevel
{
    VeryDissatisfied = 1, ///< 非常不满意
    Dissatisfied = 2, ///< 不满意
    FairlySatisfied = 3, ///< 基本满意
    Satisfied = 4, ///< 满意
    VerySatisfied = 5, ///< 非常满意
};

/// One applicant's rating of one service. Bad ratings (the two lowest) must be followed up.
class Rating
{
public:
    /// Working days within which a bad rating must be followed up (回访).
    static constexpr int kFollowUpWorkingDays = 1;

    constexpr explicit Rating(RatingLevel level = RatingLevel::VerySatisfied)
        : m_level(level)
    {
    }
    /// The rating for a value 1–5, nullopt for anything else.
    static std::optional<Rating> fromValue(int value);

    RatingLevel level() const { return m_level; }
    int value() const { return int(m_level); }
    /// 不满意 and 非常不满意: somebody must contact the applicant within one working day.
    bool isBad() const
    {
        return m_level == RatingLevel::Dissatisfied || m_level == RatingLevel::VeryDissatisfied;
    }

    /// "Very satisfied" …, translated for the screen.
    QString label() const;
    /// The official Chinese name (非常满意 …), the same in every language, for records and reports.
    QString standardName() const;

    friend bool operator==(const Rating &, const Rating &) = default;

private:
    RatingLevel m_level;
};

/// Why a rating request ended without a rating.
enum class RatingFailure
{
    Timeout, ///< the applicant did not press anything in time
    Cancelled, ///< the clerk cancelled, or a newer request replaced this one
    DeviceUnavailable, ///< the pad could not be opened or went away
};

/// The translated sentence for a failure.
QString describeRatingFailure(RatingFailure failure);

} // namespace ow::drivers::evaluator

Q_DECLARE_METATYPE(ow::drivers::evaluator::Rating)
