#include "ui/PracticeRecorder.h"

#include "cases/ClerkActivityLog.h"

#include <QUuid>

namespace ow::ui {

using namespace Qt::StringLiterals;

ClerkActivityPracticeRecorder::ClerkActivityPracticeRecorder(
    const cases::CaseStore &store, QString staffNumber, QString clerkName, Clock clock)
    : m_store(store)
    , m_staffNumber(std::move(staffNumber))
    , m_clerkName(std::move(clerkName))
    , m_clock(std::move(clock))
{
}

QList<cases::ClerkActivity> ClerkActivityPracticeRecorder::activitiesOf(const QString &quizId,
    const QList<catalogue::PracticeQuestion> &questions, const catalogue::PracticeScore &score,
    const QString &staffNumber, const QString &clerkName, const QDateTime &at)
{
    QList<cases::ClerkActivity> activities;
    const QUuid quiz = QUuid::fromString(quizId);
    for (const catalogue::SubjectScore &subject : score.bySubject(questions)) {
        cases::ClerkActivity activity;
        activity.id = QUuid::createUuidV5(quiz, subject.subject).toString(QUuid::WithoutBraces);
        activity.kind = QString(cases::ClerkActivity::kPractice);
        activity.staffNumber = staffNumber;
        activity.clerkName = clerkName;
        activity.at = at;
        activity.matter = subject.subject;
        activity.detail = subject.detail;
        activity.detail.insert(u"quiz"_s, quizId);
        activities.append(std::move(activity));
    }
    return activities;
}

Result<void> ClerkActivityPracticeRecorder::record(const QString &quizId,
    const QList<catalogue::PracticeQuestion> &questions, const catalogue::PracticeScore &score)
{
    cases::ClerkActivityLog log(m_store, m_clock);
    const QList<cases::ClerkActivity> activities
        = activitiesOf(quizId, questions, score, m_staffNumber, m_clerkName, m_clock.nowUtc());
    // Each activity is kept with its outbox row; one failing leaves the others to a second try,
    // which records nothing twice (the ids follow from the quiz).
    for (const cases::ClerkActivity &activity : activities)
        if (Result<void> recorded = log.record(activity); !recorded)
            return recorded;
    return {};
}

} // namespace ow::ui
