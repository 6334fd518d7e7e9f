#include "catalogue/ChecklistPlan.h"

#include "catalogue/ChecklistBuilder.h"

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
        Step step {requirement.when, lineFor(matter, requirement, *material), {}, {}};
        if (requirement.when) {
            for (const QString &questionId : requirement.when->referencedQuestions()) {
                const int index = matter.questionIndex(questionId);
                if (index >= 0)
                    step.reasonQuestions.append(index);
            }
        } else {
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

QList<Reason> ChecklistPlan::reasons(const Step &step, const AnswerLabels &labels) const
{
    if (!step.when)
        return step.basicReasons;
    QList<Reason> reasons;
    reasons.reserve(step.reasonQuestions.size());
    for (const qsizetype index : step.reasonQuestions) {
        const std::optional<QString> &label = labels.at(index);
        if (!label)
            continue; // not answered
        const Question &question = m_matter->questions.at(index);
        reasons.append(Reason {m_matter->code, question.id, question.text, *label});
    }
    return reasons;
}

} // namespace ow::catalogue
