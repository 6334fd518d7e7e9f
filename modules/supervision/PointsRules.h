#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <array>

class QSettings;

namespace ow::supervision {

/// The weights of clerks' points (积分制) and the thresholds of their grades (动态考级): the `[points]`
/// group of the server's supervision settings file (docs/supervision.md). Weights are whole points
/// per item and may be negative (a bad rating costs points); grades 2–5 each need both their points
/// in the month and their number of qualified matters, grade 1 needs nothing.
struct PointsRules
{
    static constexpr int kGrades = 5;

    int caseReceived = 1; ///< a case taken in (accepted, with or without waiver), to its first handler
    int consultation = 1; ///< a checklist given without a case
    /// A catalogue item maintained: each review item of a published submission, for its editor.
    int catalogueItem = 2;
    std::array<int, 5> rating = {-5, -3, 0, 1, 2}; ///< per rating level 1…5, to the clerk rated
    int practicePassed = 5; ///< a practice quiz passed (月考)

    /// A matter counts as qualified with a passed practice within this many months before the end of
    /// the month, or with at least `qualifiedCases` cases the clerk took in within them.
    int qualifiedMonths = 6;
    int qualifiedCases = 5;
    /// Grade g (2…5) needs gradePoints[g-2] points in the month and gradeMatters[g-2] qualified
    /// matters; both rise with the grade.
    std::array<int, 4> gradePoints = {50, 150, 300, 500};
    std::array<int, 4> gradeMatters = {5, 15, 40, 80};

    /// The grade (1…5) of `points` in a month with `qualifiedMatters`.
    int grade(int points, int qualifiedMatters) const;
    /// {"case_received", "consultation", "catalogue_item", "rating_1"…"rating_5", "practice_passed"}.
    QJsonObject weightsJson() const;
    /// {"qualifiedMonths", "qualifiedCases", "grades": [{"grade", "points", "matters"}]}.
    QJsonObject gradesJson() const;

    /// Reads the `points` group; keys left out keep their defaults. A bad value or thresholds that
    /// do not rise with the grade fail naming the key.
    static Result<PointsRules> load(const QSettings &settings);
    /// The keys of the `[points]` group.
    static QStringList keys();
};

} // namespace ow::supervision
