#include "catalogue/ChecklistBuilder.h"

#include <QCoreApplication>

namespace ow::catalogue {

namespace {

int strictness(MaterialForm form)
{
    switch (form) {
    case MaterialForm::Original:
        return 3;
    case MaterialForm::VerifyOriginalKeepCopy:
        return 2;
    case MaterialForm::Copy:
        return 1;
    }
    return 0;
}

template<typename T> void appendUnique(QList<T> &into, const QList<T> &from)
{
    for (const T &item : from)
        if (!into.contains(item))
            into.append(item);
}

void appendUniquePoints(QList<ReviewPoint> &into, const QList<ReviewPoint> &from)
{
    for (const ReviewPoint &point : from) {
        const bool present = std::any_of(into.cbegin(), into.cend(),
            [&](const ReviewPoint &p) { return p.id == point.id && p.matterCode == point.matterCode; });
        if (!present)
            into.append(point);
    }
}

QList<Reason> reasonsFor(const Matter &matter, const Requirement &requirement, const Answers &answers)
{
    QList<Reason> reasons;
    if (!requirement.when) {
        Reason basic;
        basic.matterCode = matter.code;
        reasons.append(basic);
        return reasons;
    }
    for (const QString &questionId : requirement.when->referencedQuestions()) {
        const Answer *answer = answers.find(questionId);
        const Question *question = matter.findQuestion(questionId);
        if (!answer || !question)
            continue;
        reasons.append(Reason {
            matter.code, questionId, question->text, ChecklistBuilder::answerLabel(*question, *answer)});
    }
    return reasons;
}

} // namespace

Checklist ChecklistBuilder::build(const Matter &matter, const Answers &effectiveAnswers) const
{
    Checklist checklist;
    for (const Requirement &requirement : matter.requirements) {
        if (requirement.when && requirement.when->evaluate(effectiveAnswers) != Truth::True)
            continue;
        const Material *material = m_catalogue.material(requirement.materialId);
        if (!material)
            continue; // the loader reports unknown materials; never crash on a partial catalogue
        ChecklistLine line = lineFor(matter, requirement, *material);
        line.reasons = reasonsFor(matter, requirement, effectiveAnswers);
        auto existing = std::find_if(checklist.lines.begin(), checklist.lines.end(),
            [&](const ChecklistLine &l) { return l.materialId == line.materialId; });
        if (existing == checklist.lines.end())
            checklist.lines.append(std::move(line));
        else
            mergeInto(*existing, line);
    }
    return checklist;
}

ChecklistLine ChecklistBuilder::lineFor(
    const Matter &matter, const Requirement &requirement, const Material &material) const
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
    line.material = &material;
    return line;
}

void ChecklistBuilder::mergeInto(ChecklistLine &into, const ChecklistLine &from)
{
    if (strictness(from.form) > strictness(into.form))
        into.form = from.form;
    into.copies = std::max(into.copies, from.copies);
    into.waivable = into.waivable && from.waivable;
    // dataShared belongs to the material, and lines merge by material id: both sides agree.
    appendUniquePoints(into.reviewPoints, from.reviewPoints);
    appendUnique(into.notes, from.notes);
    appendUnique(into.reasons, from.reasons);
    appendUnique(into.matterCodes, from.matterCodes);
}

Checklist ChecklistBuilder::merge(const QList<Checklist> &checklists)
{
    Checklist merged;
    for (const Checklist &checklist : checklists) {
        for (const ChecklistLine &line : checklist.lines) {
            auto existing = std::find_if(merged.lines.begin(), merged.lines.end(),
                [&](const ChecklistLine &l) { return l.materialId == line.materialId; });
            if (existing == merged.lines.end())
                merged.lines.append(line);
            else
                mergeInto(*existing, line);
        }
    }
    return merged;
}

QString ChecklistBuilder::answerLabel(const Question &question, const Answer &answer)
{
    switch (answer.type) {
    case Answer::Type::Single: {
        const Option *option = question.findOption(answer.option);
        return option ? option->label : answer.option;
    }
    case Answer::Type::Multi: {
        if (answer.options.isEmpty())
            return QCoreApplication::translate("ow::catalogue", "none of these");
        QStringList labels;
        // In the question's option order, not the sorted id order, so it reads as the clerk ticked it.
        for (const Option &option : question.options)
            if (answer.options.contains(option.id))
                labels.append(option.label);
        return labels.join(QCoreApplication::translate("ow::catalogue", ", "));
    }
    case Answer::Type::Number: {
        const QString number = QString::number(answer.number, 'g', 12);
        return question.unit.isEmpty() ? number : number + QLatin1Char(' ') + question.unit;
    }
    }
    return {};
}

} // namespace ow::catalogue
