#pragma once

#include "SyntheticVocabulary.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace ow::synthgen {

/// A condition as the generator builds it: over question and option indexes rather than text, so
/// it can be evaluated in every situation before it is written.
struct GenCondition
{
    enum class Kind
    {
        Equals,
        NotEquals,
        In,
        Has,
        HasAny,
        AtLeast,
        Below,
        Answered,
        And,
        Or,
        Not
    };
    Kind kind = Kind::Equals;
    int question = -1;
    QList<int> options; ///< Equals/NotEquals/Has (one), In/HasAny (several)
    int threshold = -1; ///< AtLeast/Below: index into the number question's thresholds
    std::vector<GenCondition> operands;

    static GenCondition compare(Kind kind, int question, QList<int> options);
    static GenCondition number(Kind kind, int question, int threshold);
    static GenCondition combine(Kind kind, std::vector<GenCondition> operands);
};

struct GenReviewPoint
{
    bool content = false; ///< content-point, else form-point
    QString id;
    QString text;
};

/// One `require` line of a generated matter.
struct GenRequirement
{
    QString materialId;
    std::optional<GenCondition> when;
    QString form; ///< override, empty = none
    int copies = 0; ///< override, 0 = none
    int waivable = -1; ///< override: -1 none, 0 no, 1 yes
    QString note;
    QList<GenReviewPoint> extraPoints;
};

struct GenOption
{
    QString id;
    QString label;
    QStringList materialIds; ///< the option's `materials:` shorthand
    std::optional<GenCondition> when;
};

struct GenQuestion
{
    QString id;
    QString text;
    QString hint;
    QuestionKind::Type type = QuestionKind::Type::Single;
    QList<GenOption> options;
    QString unit;
    QList<double> thresholds; ///< Number: ascending; exactly the values its conditions compare with
    std::optional<GenCondition> when;
    int depth = 1; ///< 1 + the deepest question its condition mentions
    QList<GenRequirement> attached; ///< requirements that only make sense with this question
};

/// A situation: per question, -1 when not asked, else the option index (single), the bit set of
/// chosen options (multi) or the interval index among the thresholds (number).
using GenSituation = QList<int>;

/// Enumerates the situations of generated questions exactly as docs/catalogue-format.md defines
/// them, so the generator can keep within a situation budget and avoid what the linter warns about.
class SituationSpace
{
public:
    /// Every situation, or the first `cap` + 1 when there are more than `cap` (so callers see "too many").
    static QList<GenSituation> enumerate(const QList<GenQuestion> &questions, int cap);
    static bool holds(const GenCondition &condition, const GenSituation &situation);
    /// True in some situation and false in another: neither `condition-never` nor `condition-always`.
    static bool discriminates(const GenCondition &condition, const QList<GenSituation> &situations);
    /// Canonical text of a condition in the catalogue's condition language.
    static QString toText(const GenCondition &condition, const QList<GenQuestion> &questions);
    static QString numberText(double value);
};

} // namespace ow::synthgen
