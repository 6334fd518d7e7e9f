#include "catalogue/ChecklistBuilder.h"

#include "catalogue/ChecklistPlan.h"

#include <QCoreApplication>
#include <QHash>
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

/// Question::findOption, but for a question of thousands of options through an index kept for the last
/// such question seen on this thread: listing every situation of it labels each one, and a scan per
/// label made that quadratic. The index is rebuilt when the question (or its option list) differs.
const Option *findOption(const Question &question, const QString &optionId)
{
    if (question.options.size() <= 32)
        return question.findOption(optionId);
    thread_local const Question *indexed = nullptr;
    thread_local const Option *indexedOptions = nullptr;
    thread_local qsizetype indexedCount = 0;
    thread_local QHash<QString, qsizetype> index;
    if (indexed != &question || indexedOptions != question.options.constData()
        || indexedCount != question.options.size()) {
        index.clear();
        index.reserve(question.options.size());
        for (qsizetype i = 0; i < question.options.size(); ++i)
            index.insert(question.options.at(i).id, i);
        indexed = &question;
        indexedOptions = question.options.constData();
        indexedCount = question.options.size();
    }
    const qsizetype at = index.value(optionId, -1);
    return at < 0 ? nullptr : &question.options.at(at);
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
    const ChecklistPlan::StepIndexes applicable = plan.applicableSteps(effectiveAnswers);
    checklist.lines.reserve(applicable.size());
    // Lines merge by material; a catalogue has one Material per id, so comparing pointers will do.
    // A scan of the few lines so far, until a long checklist makes a hash pay.
    QVarLengthArray<const Material *, 64> materials;
    QHash<const Material *, qsizetype> lineOf;
    auto existingLine = [&](const Material *material) -> qsizetype {
        if (!lineOf.isEmpty())
            return lineOf.value(material, -1);
        const auto found = std::find(materials.cbegin(), materials.cend(), material);
        return found == materials.cend() ? -1 : found - materials.cbegin();
    };
    for (const qsizetype index : applicable) {
        const ChecklistPlan::Step &step = plan.steps().at(index);
        const qsizetype existing = existingLine(step.line.material);
        if (existing < 0) {
            checklist.lines.append(step.line);
            checklist.lines.last().reasons = plan.reasons(step, labels, effectiveAnswers);
            materials.append(step.line.material);
            if (!lineOf.isEmpty() || materials.size() > 64) {
                if (lineOf.isEmpty())
                    for (qsizetype i = 0; i < materials.size(); ++i)
                        lineOf.insert(materials.at(i), i);
                else
                    lineOf.insert(step.line.material, materials.size() - 1);
            }
        } else {
            ChecklistLine line = step.line;
            line.reasons = plan.reasons(step, labels, effectiveAnswers);
            mergeInto(checklist.lines[existing], line);
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
        const Option *option = findOption(question, answer.option);
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
