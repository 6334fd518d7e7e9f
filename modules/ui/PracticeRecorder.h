#pragma once

#include "cases/CaseStore.h"
#include "cases/ClerkActivity.h"
#include "catalogue/PracticeScore.h"
#include "core/Clock.h"
#include "core/Result.h"

namespace ow::ui {

/// Where the practice dialog sends a quiz's marks when it ends, so the workstation keeps them and a
/// test can keep them in memory.
class PracticeRecorder
{
public:
    virtual ~PracticeRecorder() = default;

    /// Records the quiz `quizId` (a UUID): `questions` are those asked, `score` holds their marks.
    virtual Result<void> record(const QString &quizId, const QList<catalogue::PracticeQuestion> &questions,
        const catalogue::PracticeScore &score)
        = 0;
};

/// Keeps a quiz in the workstation's clerk-activity log: one `practice` activity per matter or bundle
/// asked (PracticeScore::bySubject), which syncs to the server's points and grades. The activities'
/// ids follow from the quiz and the subject, so recording a quiz again records nothing twice.
class ClerkActivityPracticeRecorder : public PracticeRecorder
{
public:
    ClerkActivityPracticeRecorder(
        const cases::CaseStore &store, QString staffNumber, QString clerkName, Clock clock);

    Result<void> record(const QString &quizId, const QList<catalogue::PracticeQuestion> &questions,
        const catalogue::PracticeScore &score) override;

    /// The activities of a quiz as recorded, at `at`.
    static QList<cases::ClerkActivity> activitiesOf(const QString &quizId,
        const QList<catalogue::PracticeQuestion> &questions, const catalogue::PracticeScore &score,
        const QString &staffNumber, const QString &clerkName, const QDateTime &at);

private:
    const cases::CaseStore &m_store;
    QString m_staffNumber;
    QString m_clerkName;
    Clock m_clock;
};

} // namespace ow::ui
