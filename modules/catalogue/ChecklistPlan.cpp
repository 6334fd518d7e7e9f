#include "catalogue/ChecklistPlan.h"

#include "catalogue/ChecklistBuilder.h"

#include <algorithm>

namespace ow::catalogue {

namespace {

ChecklistLine lineFor(const Matter &matter, const Requirement &requirement, const Material &material)
{
    ChecklistLine line;
    line.materialId = material.id;
    line.name = material.name;
    line.category = material.category;
    line.source = material.source;
    line.form = requirement.form.value_or(material.form);
    line.copies = requirement.copies.value_or(material.copies);
    line.medium = material.medium;
    line.dataShared = material.dataShared;
    line.waivable = requirement.waivable.value_or(material.waivable);
    line.reviewPoints = material.reviewPoints;
    for (ReviewPoint point : requirement.extraReviewPoints) {
        point.matterCode = matter.code;
        line.reviewPoints.append(point);
    }
    line.commonErrors = material.commonErrors;
    line.prerequisites = material.prerequisites;
    if (!requirement.note.isEmpty())
        line.notes.append(requirement.note);
    line.matterCodes.append(matter.code);
    line.matterNames.append(matter.name);
    line.material = &material;
    return line;
}

// The options of question `questionId` a condition tests with has / has any, in the order written.
void collectTestedOptions(const Condition &condition, const QString &questionId, QStringList &into)
{
    if ((condition.kind == Condition::Kind::Has || condition.kind == Condition::Kind::HasAny)
        && condition.questionId == questionId)
        for (const QString &id : condition.optionIds)
            if (!into.contains(id))
                into.append(id);
    for (const ConditionPtr &operand : condition.operands)
        if (operand)
            collectTestedOptions(*operand, questionId, into);
}

/// Whether the condition holds exactly when the answer to its question picked one of its options.
bool picksAnOption(const Condition &condition)
{
    switch (condition.kind) {
    case Condition::Kind::Equals:
    case Condition::Kind::In:
    case Condition::Kind::Has:
    case Condition::Kind::HasAny:
        return !condition.optionIds.isEmpty();
    default:
        return false;
    }
}

} // namespace

ChecklistPlan::ChecklistPlan(const Catalogue &catalogue, const Matter &matter)
    : m_matter(&matter)
    , m_requirements(matter.requirements.constData())
{
    m_steps.reserve(matter.requirements.size());
    for (const Requirement &requirement : matter.requirements) {
        const Material *material = catalogue.material(requirement.materialId);
        if (!material)
            continue; // the loader reports unknown materials; never crash on a partial catalogue
        Step step {requirement.when, lineFor(matter, requirement, *material), {}, {}, {}};
        const qsizetype stepIndex = m_steps.size();
        if (requirement.when) {
            for (const QString &questionId : requirement.when->referencedQuestions()) {
                const int index = matter.questionIndex(questionId);
                if (index < 0)
                    continue;
                step.reasonQuestions.append(index);
                QStringList tested;
                if (matter.questions.at(index).type == QuestionType::Multi)
                    collectTestedOptions(*requirement.when, questionId, tested);
                step.reasonOptions.append(tested);
            }
            const int asked = matter.questionIndex(requirement.when->questionId);
            if (picksAnOption(*requirement.when) && asked >= 0) {
                for (const QString &optionId : requirement.when->optionIds) {
                    QList<qsizetype> &steps = m_stepsByOption[qMakePair(qsizetype(asked), optionId)];
                    if (steps.isEmpty() || steps.last() != stepIndex)
                        steps.append(stepIndex);
                }
            } else {
                m_testedSteps.append(stepIndex);
            }
        } else {
            m_testedSteps.append(stepIndex);
            Reason basic;
            basic.matterCode = matter.code;
            step.basicReasons.append(basic);
        }
        m_steps.append(std::move(step));
    }
    m_optionIds.reserve(matter.questions.size());
    for (const Question &question : matter.questions) {
        QStringList ids;
        ids.reserve(question.options.size());
        for (const Option &option : question.options)
            ids.append(option.id);
        m_optionIds.append(ids);
    }
}

ChecklistPlan::AnswerLabels ChecklistPlan::answerLabels(const Answers &effectiveAnswers) const
{
    AnswerLabels labels(m_matter->questions.size());
    for (qsizetype i = 0; i < m_matter->questions.size(); ++i) {
        const Question &question = m_matter->questions.at(i);
        if (const Answer *answer = effectiveAnswers.find(question.id))
            labels[i] = ChecklistBuilder::answerLabel(question, *answer);
    }
    return labels;
}

QList<Reason> ChecklistPlan::reasons(
    const Step &step, const AnswerLabels &labels, const Answers &effectiveAnswers) const
{
    if (!step.when)
        return step.basicReasons;
    QList<Reason> reasons;
    reasons.reserve(step.reasonQuestions.size());
    for (qsizetype k = 0; k < step.reasonQuestions.size(); ++k) {
        const qsizetype index = step.reasonQuestions.at(k);
        const std::optional<QString> &label = labels.at(index);
        if (!label)
            continue; // not answered
        const Question &question = m_matter->questions.at(index);
        QString text = *label;
        const QStringList &tested = step.reasonOptions.at(k);
        const Answer *answer = tested.isEmpty() ? nullptr : effectiveAnswers.find(question.id);
        if (answer && answer->type == Answer::Type::Multi) {
            // Only the ticked options the condition asks for: "个体户" rather than every box ticked.
            QStringList picked;
            for (const Option &option : question.options)
                if (tested.contains(option.id) && answer->options.contains(option.id))
                    picked.append(option.id);
            if (!picked.isEmpty())
                text = ChecklistBuilder::answerLabel(question, Answer::multi(picked));
        }
        reasons.append(Reason {m_matter->code, question.id, question.text, text});
    }
    return reasons;
}

ChecklistPlan::StepIndexes ChecklistPlan::applicableSteps(const Answers &effectiveAnswers) const
{
    StepIndexes steps;
    for (const qsizetype index : m_testedSteps) {
        const ConditionPtr &when = m_steps.at(index).when;
        if (!when || when->evaluate(effectiveAnswers) == Truth::True)
            steps.append(index);
    }
    if (m_stepsByOption.isEmpty())
        return steps;
    const qsizetype tested = steps.size();
    auto pick = [&](qsizetype question, const QString &optionId) {
        const auto found = m_stepsByOption.constFind(qMakePair(question, optionId));
        if (found != m_stepsByOption.constEnd())
            steps.append(found->constData(), found->size());
    };
    for (qsizetype q = 0; q < m_matter->questions.size(); ++q) {
        const Answer *answer = effectiveAnswers.find(m_matter->questions.at(q).id);
        if (!answer)
            continue;
        if (answer->type == Answer::Type::Single)
            pick(q, answer->option);
        else if (answer->type == Answer::Type::Multi)
            for (const QString &optionId : answer->options)
                pick(q, optionId);
    }
    if (steps.size() > tested) {
        std::sort(steps.begin(), steps.end());
        steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    }
    return steps;
}

} // namespace ow::catalogue
