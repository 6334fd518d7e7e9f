#include "intake/ConsultationRecord.h"

#include "cases/CaseJson.h"
#include "cases/ClerkActivityLog.h"
#include "intake/IntakeSession.h"

namespace ow::intake {

using namespace Qt::StringLiterals;

std::optional<cases::ClerkActivity> ConsultationRecord::of(
    const IntakeEnvironment &environment, const IntakeSession &session, bool printed)
{
    const cases::Case &c = session.currentCase();
    if (session.isStored() || c.matterCode.isEmpty() || environment.clerkId.isEmpty())
        return std::nullopt;
    cases::ClerkActivity activity;
    activity.kind = QString(cases::ClerkActivity::kConsultation);
    activity.staffNumber = environment.clerkId;
    activity.clerkName = environment.clerkName;
    activity.at = environment.clock.nowUtc();
    activity.matter = c.matterCode;
    // The answers say which situation was asked about; nothing of the applicant goes with them.
    activity.detail = QJsonObject {{u"answers"_s, cases::CaseJson::answers(c.answers).value("answers"_L1)},
        {u"checklistPrinted"_s, printed}};
    return activity;
}

Result<bool> ConsultationRecord::record(
    const IntakeEnvironment &environment, const IntakeSession &session, bool printed)
{
    if (!environment.canStoreCases())
        return false;
    const std::optional<cases::ClerkActivity> activity = of(environment, session, printed);
    if (!activity)
        return false;
    Result<void> recorded = cases::ClerkActivityLog(*environment.store, environment.clock).record(*activity);
    if (!recorded)
        return failWith(recorded.error());
    return true;
}

std::optional<cases::ClerkActivity> ConsultationRecord::ofQuestion(const IntakeEnvironment &environment,
    const IntakeSession &session, const QString &question, const QString &answer)
{
    const cases::Case &c = session.currentCase();
    if (c.matterCode.isEmpty() || environment.clerkId.isEmpty())
        return std::nullopt;
    cases::ClerkActivity activity;
    activity.kind = QString(cases::ClerkActivity::kConsultation);
    activity.staffNumber = environment.clerkId;
    activity.clerkName = environment.clerkName;
    activity.at = environment.clock.nowUtc();
    activity.matter = c.matterCode;
    activity.detail = QJsonObject {{u"question"_s, question.trimmed()}, {u"answer"_s, answer.trimmed()}};
    // The situation asked about, as far as the interview went; nothing of the applicant.
    const QJsonObject answers = cases::CaseJson::answers(c.answers).value("answers"_L1).toObject();
    if (!answers.isEmpty())
        activity.detail.insert(u"answers"_s, answers);
    return activity;
}

Result<bool> ConsultationRecord::recordQuestion(const IntakeEnvironment &environment,
    const IntakeSession &session, const QString &question, const QString &answer)
{
    if (!environment.canStoreCases())
        return false;
    const std::optional<cases::ClerkActivity> activity = ofQuestion(environment, session, question, answer);
    if (!activity)
        return false;
    Result<void> recorded = cases::ClerkActivityLog(*environment.store, environment.clock).record(*activity);
    if (!recorded)
        return failWith(recorded.error());
    return true;
}

} // namespace ow::intake
