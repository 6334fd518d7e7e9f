#pragma once

#include "catalogue/SituationEngine.h"

namespace ow::catalogue {

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

    /// Merges several checklists (e.g. of a bundle's matters) into one, keeping first-seen order.
    static Checklist merge(const QList<Checklist> &checklists);

    /// The label of an answer as a clerk reads it: the option label(s), or the number with its unit.
    static QString answerLabel(const Question &question, const Answer &answer);

private:
    ChecklistLine lineFor(
        const Matter &matter, const Requirement &requirement, const Material &material) const;
    static void mergeInto(ChecklistLine &into, const ChecklistLine &from);

    const Catalogue &m_catalogue;
};

} // namespace ow::catalogue
