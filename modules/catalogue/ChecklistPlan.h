#pragma once

#include "catalogue/Answers.h"
#include "catalogue/Checklist.h"

#include <QHash>
#include <QList>
#include <QVarLengthArray>
#include <optional>

namespace ow::catalogue {

/// A matter's material requirements prepared once for the situation engine: each material looked
/// up, the line it adds built ahead of time, and the questions that explain it found. Evaluating a
/// situation then only tests the conditions, copies the prepared lines and labels the answers — no
/// string-keyed lookups per line. The catalogue keeps a plan per matter (Catalogue::index()).
class ChecklistPlan
{
public:
    /// The label of each question's effective answer, by the question's index in the matter (none
    /// when unanswered): worked out once per evaluation and shared by the path and every reason.
    using AnswerLabels = QVarLengthArray<std::optional<QString>, 16>;

    /// One requirement whose material exists in the catalogue.
    struct Step
    {
        ConditionPtr when; ///< null = every situation (基本材料)
        ChecklistLine line; ///< everything but the reasons
        QList<qsizetype> reasonQuestions; ///< indexes of the questions its condition reads, in order
        /// Beside each reason question: for a multi-choice one, the options the condition tests with
        /// `has` / `has any`, so the reason names the option that requires the line, not the whole answer.
        QList<QStringList> reasonOptions;
        QList<Reason> basicReasons; ///< the one reason of a line with no condition
    };
    /// Indexes into steps(), ascending.
    using StepIndexes = QVarLengthArray<qsizetype, 64>;

    ChecklistPlan(const Catalogue &catalogue, const Matter &matter);

    /// Whether this plan was made from `matter` as it is now (same object, same requirement list).
    bool isFor(const Matter &matter) const
    {
        return &matter == m_matter && matter.requirements.constData() == m_requirements;
    }
    const Matter &matter() const { return *m_matter; }
    const QList<Step> &steps() const { return m_steps; }
    /// Every option id of each question, by question index: what is offered when no option is hidden.
    const QStringList &optionIds(qsizetype questionIndex) const { return m_optionIds.at(questionIndex); }

    /// The labels of the answers among `effectiveAnswers`.
    AnswerLabels answerLabels(const Answers &effectiveAnswers) const;
    /// Why `step` is on the checklist: each answered question it reads (`labels` from answerLabels()).
    QList<Reason> reasons(
        const Step &step, const AnswerLabels &labels, const Answers &effectiveAnswers) const;

    /// The steps whose condition holds for these answers, in written order. A condition that only
    /// asks whether an answer picked an option (`q = a`, `q in (a, b)`, `q has a`, the `materials:`
    /// shorthand) is looked up by that answer instead of being tested: a question with thousands of
    /// options then costs one lookup per situation, not one test per option.
    StepIndexes applicableSteps(const Answers &effectiveAnswers) const;

private:
    const Matter *m_matter;
    const Requirement *m_requirements;
    QList<Step> m_steps;
    QList<QStringList> m_optionIds;
    QList<qsizetype> m_testedSteps; ///< steps whose condition is tested for every situation
    QHash<QPair<qsizetype, QString>, QList<qsizetype>> m_stepsByOption; ///< (question, option) → steps
};

} // namespace ow::catalogue
