#pragma once

#include "catalogue/PracticeQuiz.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ow::catalogue {

/// How one practice question was answered, marked against the engine's checklist of its situation.
/// A material to bring that was picked earns a point, a pick the applicant need not bring (not
/// required in this situation, or data-shared) costs one, never below zero; the most is the number of
/// materials to bring.
struct QuestionScore
{
    QStringList right; ///< to bring, and picked
    QStringList wrong; ///< picked, but not to bring here
    QStringList missed; ///< to bring, and not picked: their review points are shown after answering
    int score = 0;
    int maxScore = 0;
    bool passed = false; ///< score reaches the pass mark of maxScore

    /// The detail of the practice activity recorded for the question (ClerkActivity in cases):
    /// {"situation", "path", "score", "maxScore", "passed", "missed", "wrong"}, and "bundle" with
    /// "matters" for a bundle's situation.
    QJsonObject detail(const PracticeQuestion &question) const;
};

/// The marks of one quiz for one matter or bundle (its subject): what the workstation records as one
/// practice activity, so a matter is practised once per quiz however many of its situations were asked.
struct SubjectScore
{
    QString subject; ///< the matter's code or the bundle's id
    QStringList situations; ///< the situation keys asked, in quiz order
    QStringList missed; ///< materials missed over its questions, each once
    QStringList wrong; ///< wrong picks over its questions, each once
    int score = 0;
    int maxScore = 0;
    bool passed = false;
    QJsonObject detail; ///< see PracticeScore::bySubject
};

/// The marks of one quiz: each question's and the total, passed at the pass mark (a share in percent).
class PracticeScore
{
public:
    explicit PracticeScore(int passMarkPercent = PracticeSettings().passMarkPercent);

    /// Marks `picked` (material ids) against the question's checklist.
    static QuestionScore mark(
        const PracticeQuestion &question, const QStringList &picked, int passMarkPercent);
    /// Whether a material of the question's checklist is one the hall fetches itself (数据共享).
    static bool isDataShared(const PracticeQuestion &question, const QString &materialId);

    /// Marks the next question and keeps its score.
    const QuestionScore &add(const PracticeQuestion &question, const QStringList &picked);

    const QList<QuestionScore> &questions() const { return m_questions; }
    int passMarkPercent() const { return m_passMark; }
    int score() const;
    int maxScore() const;
    /// The score as a whole percentage of the most, rounded down.
    int percent() const;
    bool passed() const;
    /// The questions marked so far grouped by subject, in the order each subject was first asked:
    /// the sums of their scores, passed at the pass mark, and as detail {"situation" (the keys joined
    /// by " / "), "score", "maxScore", "passed", "missed", "wrong", "questions": [QuestionScore::detail]}
    /// with "bundle" and "matters" for a bundle.
    QList<SubjectScore> bySubject(const QList<PracticeQuestion> &questions) const;

private:
    int m_passMark;
    QList<QuestionScore> m_questions;
};

} // namespace ow::catalogue
