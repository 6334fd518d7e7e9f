#include "catalogue/ChecklistBuilder.h"

#include "catalogue/ChecklistPlan.h"

#include <QCoreApplication>
#include <QVarLengthArray>
#include <algorithm>

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

} // namespace

Checklist ChecklistBuilder::build(const Matter &matter, const Answers &effectiveAnswers) const
{
    if (const ChecklistPlan *plan = m_catalogue.checklistPlan(matter))
        return build(*plan, effectiveAnswers, plan->answerLabels(effectiveAnswers));
    const ChecklistPlan plan(m_catalogue, matter);
    return build(plan, effectiveAnswers, plan.answerLabels(effectiveAnswers));
}

Checklist ChecklistBuilder::build(const ChecklistPlan &plan, const Answers &effectiveAnswers,
    const QVarLengthArray<std::optional<QString>, 16> &labels)
{
    Checklist checklist;
    checklist.lines.reserve(plan.steps().size());
    // Lines merge by material; a catalogue has one Material per id, so comparing pointers will do.
    QVarLengthArray<const Material *, 64> materials;
    for (const ChecklistPlan::Step &step : plan.steps()) {
        if (step.when && step.when->evaluate(effectiveAnswers) != Truth::True)
            continue;
        const auto existing = std::find(materials.cbegin(), materials.cend(), step.line.material);
        if (existing == materials.cend()) {
            checklist.lines.append(step.line);
            checklist.lines.last().reasons = plan.reasons(step, labels);
            materials.append(step.line.material);
        } else {
            ChecklistLine line = step.line;
            line.reasons = plan.reasons(step, labels);
            mergeInto(checklist.lines[existing - materials.cbegin()], line);
        }
    }
    return checklist;
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
    // Codes and names stay in step: a matter is added with its name.
    for (qsizetype i = 0; i < from.matterCodes.size(); ++i) {
        if (into.matterCodes.contains(from.matterCodes.at(i)))
            continue;
        into.matterCodes.append(from.matterCodes.at(i));
        into.matterNames.append(from.matterNames.value(i));
    }
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
        const QString separator = QCoreApplication::translate("ow::catalogue", ", ");
        QString labels;
        // In the question's option order, not the sorted id order, so it reads as the clerk ticked it.
        for (const Option &option : question.options) {
            if (!answer.options.contains(option.id))
                continue;
            if (!labels.isEmpty())
                labels += separator;
            labels += option.label;
        }
        return labels;
    }
    case Answer::Type::Number:
        return numberLabel(question, answer.toText());
    }
    return {};
}

QString ChecklistBuilder::numberLabel(const Question &question, const QString &numberText)
{
    return question.unit.isEmpty() ? numberText : numberText + QLatin1Char(' ') + question.unit;
}

} // namespace ow::catalogue
