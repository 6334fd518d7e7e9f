#pragma once

#include "catalogue/SituationEngine.h"

#include <QVarLengthArray>
#include <optional>

namespace ow::catalogue {

class ChecklistPlan;

/// Builds a matter's checklist from effective answers, and merges checklists by material id.
/// The merge rule is the same inside a matter (several lines for one material) and across a bundle:
/// the strictest form wins (original > verify-original-keep-copy > copy), the most copies win,
/// waivable only if every line allows it, reasons and review points are united.
class ChecklistBuilder
{
public:
    explicit ChecklistBuilder(const Catalogue &catalogue)
        : m_catalogue(catalogue)
    {
    }

    Checklist build(const Matter &matter, const Answers &effectiveAnswers) const;
    /// The same from a matter's prepared plan and the labels of the answers (ChecklistPlan::answerLabels).
    static Checklist build(const ChecklistPlan &plan, const Answers &effectiveAnswers,
        const QVarLengthArray<std::optional<QString>, 16> &labels);

    /// Merges several checklists (e.g. of a bundle's matters) into one, keeping first-seen order.
    static Checklist merge(const QList<Checklist> &checklists);

    /// The label of an answer as a clerk reads it: the option label(s), or the number with its unit.
    static QString answerLabel(const Question &question, const Answer &answer);
    /// The label of a number answer already written as text (Answer::toText()): the number and its unit.
    static QString numberLabel(const Question &question, const QString &numberText);

private:
    static void mergeInto(ChecklistLine &into, const ChecklistLine &from);

    const Catalogue &m_catalogue;
};

} // namespace ow::catalogue
