#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace ow::supervision {

/// The stage of a case a warning is about (intake → transfer → department review → result →
/// pickup), the whole case against its promised deadline, a bad rating's follow-up, or a complaint.
enum class Stage
{
    Case,
    Intake,
    Transfer,
    Review,
    Result,
    Pickup,
    FollowUp,
    Complaint,
};

/// Why a case is warned.
enum class Rule
{
    CaseDeadline, ///< the promised deadline (承诺时限) of the whole case
    StageDeadline, ///< a stage's own time (transfer, review, result, pickup)
    NoReasons, ///< a refusal or correction notice that states no reasons or items
    TransferUnconfirmed, ///< on a transfer list, not confirmed by the receiver the same day
    SupplementOverdue, ///< a waived or requested material not handed in by its date
    DepartmentSilent, ///< transferred, and no status from the department after N working days
    FollowUpContact, ///< a bad rating whose applicant was not called back in time
    FollowUpFix, ///< a bad rating not fixed and closed in time
    ComplaintOverdue, ///< a complaint (投诉) still open after its deadline
};

enum class Colour
{
    Yellow, ///< N working days or fewer left
    Red, ///< late, or wrong as it stands
};

/// One supervision warning (预警): which case, which stage, who answers for it, since when.
struct Warning
{
    QString caseNumber; ///< empty for a complaint that names no case
    /// The complaint's number (TS…) of a complaint's warning; empty for the warnings of a case
    QString complaint;
    QString matterName;
    Stage stage = Stage::Case;
    Rule rule = Rule::CaseDeadline;
    Colour colour = Colour::Red;
    QString departmentId;
    QString departmentName;
    QString clerk; ///< staff number of the responsible clerk; empty when a department answers
    QString clerkName; ///< the clerk's name from the hall's accounts; the number when none names it
    QDate since; ///< the day the warning holds from (yellow: the first day within N; red: the first late day)
    QDate due; ///< the date the stage or case was due; null for rules without one
    QString detail; ///< what is wrong, for people (translated)

    /// What identifies a warning across recomputations: the same case (or complaint), rule and stage.
    QString key() const;
    QJsonObject toJson() const;
    static std::optional<Warning> fromJson(const QJsonObject &object);

    friend bool operator==(const Warning &, const Warning &) = default;
};

/// Stable keywords for the API, the database and the CLI ("transfer-unconfirmed"); never translated.
QString keyword(Stage stage);
QString keyword(Rule rule);
QString keyword(Colour colour);
std::optional<Stage> stageFromKeyword(QStringView text);
std::optional<Rule> ruleFromKeyword(QStringView text);
std::optional<Colour> colourFromKeyword(QStringView text);
/// Names for people (translated): "department review", "red".
QString displayName(Stage stage);
QString displayName(Rule rule);
QString displayName(Colour colour);

} // namespace ow::supervision
