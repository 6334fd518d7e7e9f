#include "supervision/Warning.h"

#include <QCoreApplication>

namespace ow::supervision {

using namespace Qt::StringLiterals;

namespace {

constexpr Stage kStages[] = {Stage::Case, Stage::Intake, Stage::Transfer, Stage::Review, Stage::Result,
    Stage::Pickup, Stage::FollowUp, Stage::Complaint};
constexpr Rule kRules[] = {Rule::CaseDeadline, Rule::StageDeadline, Rule::NoReasons,
    Rule::TransferUnconfirmed, Rule::SupplementOverdue, Rule::DepartmentSilent, Rule::FollowUpContact,
    Rule::FollowUpFix, Rule::ComplaintOverdue};

} // namespace

QString keyword(Stage stage)
{
    switch (stage) {
    case Stage::Case:
        return u"case"_s;
    case Stage::Intake:
        return u"intake"_s;
    case Stage::Transfer:
        return u"transfer"_s;
    case Stage::Review:
        return u"review"_s;
    case Stage::Result:
        return u"result"_s;
    case Stage::Pickup:
        return u"pickup"_s;
    case Stage::FollowUp:
        return u"follow-up"_s;
    case Stage::Complaint:
        break;
    }
    return u"complaint"_s;
}

QString keyword(Rule rule)
{
    switch (rule) {
    case Rule::CaseDeadline:
        return u"case-deadline"_s;
    case Rule::StageDeadline:
        return u"stage-deadline"_s;
    case Rule::NoReasons:
        return u"no-reasons"_s;
    case Rule::TransferUnconfirmed:
        return u"transfer-unconfirmed"_s;
    case Rule::SupplementOverdue:
        return u"supplement-overdue"_s;
    case Rule::DepartmentSilent:
        return u"department-silent"_s;
    case Rule::FollowUpContact:
        return u"follow-up-contact"_s;
    case Rule::FollowUpFix:
        return u"follow-up-fix"_s;
    case Rule::ComplaintOverdue:
        break;
    }
    return u"complaint-overdue"_s;
}

QString keyword(Colour colour)
{
    return colour == Colour::Yellow ? u"yellow"_s : u"red"_s;
}

std::optional<Stage> stageFromKeyword(QStringView text)
{
    for (Stage stage : kStages)
        if (keyword(stage) == text)
            return stage;
    return std::nullopt;
}

std::optional<Rule> ruleFromKeyword(QStringView text)
{
    for (Rule rule : kRules)
        if (keyword(rule) == text)
            return rule;
    return std::nullopt;
}

std::optional<Colour> colourFromKeyword(QStringView text)
{
    if (text == u"yellow"_s)
        return Colour::Yellow;
    if (text == u"red"_s)
        return Colour::Red;
    return std::nullopt;
}

QString displayName(Stage stage)
{
    switch (stage) {
    case Stage::Case:
        return QCoreApplication::translate("ow::supervision", "whole case");
    case Stage::Intake:
        return QCoreApplication::translate("ow::supervision", "intake");
    case Stage::Transfer:
        return QCoreApplication::translate("ow::supervision", "transfer");
    case Stage::Review:
        return QCoreApplication::translate("ow::supervision", "department review");
    case Stage::Result:
        return QCoreApplication::translate("ow::supervision", "result");
    case Stage::Pickup:
        return QCoreApplication::translate("ow::supervision", "pickup");
    case Stage::FollowUp:
        return QCoreApplication::translate("ow::supervision", "rating follow-up");
    case Stage::Complaint:
        break;
    }
    return QCoreApplication::translate("ow::supervision", "complaint");
}

QString displayName(Rule rule)
{
    switch (rule) {
    case Rule::CaseDeadline:
        return QCoreApplication::translate("ow::supervision", "promised deadline");
    case Rule::StageDeadline:
        return QCoreApplication::translate("ow::supervision", "stage time");
    case Rule::NoReasons:
        return QCoreApplication::translate("ow::supervision", "notice without reasons");
    case Rule::TransferUnconfirmed:
        return QCoreApplication::translate("ow::supervision", "transfer list not confirmed");
    case Rule::SupplementOverdue:
        return QCoreApplication::translate("ow::supervision", "supplement overdue");
    case Rule::DepartmentSilent:
        return QCoreApplication::translate("ow::supervision", "no status from the department");
    case Rule::FollowUpContact:
        return QCoreApplication::translate("ow::supervision", "bad rating: applicant not called back");
    case Rule::FollowUpFix:
        return QCoreApplication::translate("ow::supervision", "bad rating: not fixed");
    case Rule::ComplaintOverdue:
        break;
    }
    return QCoreApplication::translate("ow::supervision", "complaint past its deadline");
}

QString displayName(Colour colour)
{
    return colour == Colour::Yellow ? QCoreApplication::translate("ow::supervision", "yellow")
                                    : QCoreApplication::translate("ow::supervision", "red");
}

QString Warning::key() const
{
    return (complaint.isEmpty() ? caseNumber : complaint) + u'/' + keyword(rule) + u'/' + keyword(stage);
}

QJsonObject Warning::toJson() const
{
    QJsonObject object {{u"case"_s, caseNumber}, {u"matter"_s, matterName}, {u"stage"_s, keyword(stage)},
        {u"rule"_s, keyword(rule)}, {u"colour"_s, keyword(colour)}, {u"department"_s, departmentId},
        {u"departmentName"_s, departmentName}, {u"clerk"_s, clerk}, {u"clerkName"_s, clerkName},
        {u"since"_s, since.toString(Qt::ISODate)}, {u"detail"_s, detail}};
    if (due.isValid())
        object.insert(u"due"_s, due.toString(Qt::ISODate));
    if (!complaint.isEmpty())
        object.insert(u"complaint"_s, complaint);
    return object;
}

std::optional<Warning> Warning::fromJson(const QJsonObject &object)
{
    const auto stage = stageFromKeyword(object.value(u"stage"_s).toString());
    const auto rule = ruleFromKeyword(object.value(u"rule"_s).toString());
    const auto colour = colourFromKeyword(object.value(u"colour"_s).toString());
    if (!stage || !rule || !colour)
        return std::nullopt;
    Warning w;
    w.caseNumber = object.value(u"case"_s).toString();
    w.complaint = object.value(u"complaint"_s).toString();
    w.matterName = object.value(u"matter"_s).toString();
    w.stage = *stage;
    w.rule = *rule;
    w.colour = *colour;
    w.departmentId = object.value(u"department"_s).toString();
    w.departmentName = object.value(u"departmentName"_s).toString();
    w.clerk = object.value(u"clerk"_s).toString();
    w.clerkName = object.value(u"clerkName"_s).toString();
    w.since = QDate::fromString(object.value(u"since"_s).toString(), Qt::ISODate);
    w.due = QDate::fromString(object.value(u"due"_s).toString(), Qt::ISODate);
    w.detail = object.value(u"detail"_s).toString();
    return w;
}

} // namespace ow::supervision
