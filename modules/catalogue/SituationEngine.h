#pragma once

#include "catalogue/Answers.h"
#include "catalogue/Catalogue.h"
#include "catalogue/Checklist.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace ow::catalogue {

/// What the engine says about a matter and the answers so far.
struct Evaluation
{
    QList<const Question *> visibleQuestions; ///< in asking order: shown now, answered or not
    QMap<QString, QStringList> offeredOptions; ///< per visible choice question: the options offered now
    const Question *nextQuestion = nullptr; ///< the first visible question still unanswered
    bool complete = false; ///< every visible question answered: a situation is reached
    /// Set when the answers reached a screening outcome: nothing more is asked, the checklist is empty,
    /// `complete` stays false (no case can be accepted on it).
    const ScreeningOutcome *outcome = nullptr;
    Answers effectiveAnswers; ///< the given answers minus those that no longer apply
    QStringList situationPath; ///< labels of the answers, in asking order
    QString situationKey; ///< "q=a;q2=b" in asking order: stable id of the situation
    Checklist checklist; ///< materials required by the answers so far
};

/// What changing one answer would do, reported before it is applied.
struct ChangePreview
{
    Answers resulting; ///< the answers after the change, with inapplicable ones dropped
    QStringList droppedQuestions; ///< ids of answers that would be dropped, in asking order
    QList<ChecklistLine> gained; ///< lines the change adds
    QList<ChecklistLine> lost; ///< lines the change removes
    bool changesAnything() const
    {
        return !droppedQuestions.isEmpty() || !gained.isEmpty() || !lost.isEmpty();
    }
};

/// One situation of a matter: the answers that reach it and its checklist.
struct Situation
{
    Answers answers;
    QStringList path; ///< labels in asking order
    QString key; ///< "q=a;q2=b"
    Checklist checklist; ///< empty when the walk ended in an outcome
    const ScreeningOutcome *outcome = nullptr; ///< the outcome that ended the walk, if any
};

/// The checklist of a bundle: lines merged by material id across its matters.
struct BundleEvaluation
{
    QMap<QString, Evaluation> perMatter; ///< by matter code
    Checklist checklist; ///< merged
    bool complete = false; ///< every member matter reached a situation
};

/// Turns a matter and the clerk's answers into the questions to show and the personalised checklist.
/// Stateless and thread-safe; holds the catalogue it evaluates.
class SituationEngine
{
public:
    explicit SituationEngine(CataloguePtr catalogue);

    const Catalogue &catalogue() const { return *m_catalogue; }

    Evaluation evaluate(const Matter &matter, const Answers &answers) const;
    /// What setting `questionId` to `answer` would change (answers dropped, lines gained and lost).
    ChangePreview previewChange(
        const Matter &matter, const Answers &answers, const QString &questionId, const Answer &answer) const;

    /// Every situation of the matter, in a deterministic order (options in catalogue order; number
    /// questions split at the thresholds their conditions use). Stops after `limit` situations and
    /// sets `*truncated`.
    QList<Situation> situations(const Matter &matter, int limit = 10000, bool *truncated = nullptr) const;

    /// Bundle merge: original beats copy, most copies wins, waivable only if every matter allows it,
    /// review points combined and tagged by matter, each line lists the matters that use it.
    BundleEvaluation evaluateBundle(
        const Bundle &bundle, const QMap<QString, Answers> &answersByMatter) const;

    /// The answers of `from` that `to` can take over: those to a question of the same id and type
    /// whose options (or range) `to` accepts. Used to open the matter a referral names.
    static Answers sharedAnswers(const Matter &from, const Answers &answers, const Matter &to);

    /// The first outcome of the matter (in written order) that the answers reach; null when none.
    static const ScreeningOutcome *reachedOutcome(const Matter &matter, const Answers &answers);

    /// Parses "Q=OPT", "Q=a+b", "Q=150" against the matter's question types.
    Result<QPair<QString, Answer>> parseAnswer(const Matter &matter, const QString &text) const;

private:
    CataloguePtr m_catalogue;
};

} // namespace ow::catalogue
